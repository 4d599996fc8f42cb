package io.skyx.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.codec.binary.Base32;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The account ITs' shared context: the real app and database, with the account package's clock replaced by the
 * system clock plus an offset that the tests move forward (TOTP steps, the 5-minute block and the 24 h
 * cool-off), so nothing sleeps.
 */
abstract class AccountITBase extends IntegrationTestBase {

    static final AtomicLong OFFSET_SECONDS = new AtomicLong();

    @TestBean
    AccountClock accountClock;

    @Autowired
    JdbcTemplate jdbc;

    /** The user's internal id (the API shows only the public one). */
    long id(TestBrowser browser) {
        return jdbc.queryForObject("select id from users where public_id = ?::uuid", Long.class, browser.userId());
    }

    static AccountClock accountClock() {
        return new AccountClock(() -> Instant.now().plusSeconds(OFFSET_SECONDS.get()));
    }

    /** Moves the app's account clock forward. */
    static void advance(Duration d) {
        OFFSET_SECONDS.addAndGet(d.toSeconds());
    }

    /** The current code of a base32 secret, computed with the JDK's HMAC (not the app's library). */
    static String code(String secret) {
        long step = Math.floorDiv(Instant.now().plusSeconds(OFFSET_SECONDS.get()).getEpochSecond(), 30);
        return TotpReference.code6(new Base32().decode(secret), step);
    }

    /** A fresh code: the clock moves one step on first, so the code was never used. */
    static String freshCode(String secret) {
        advance(Duration.ofSeconds(30));
        return code(secret);
    }

    static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    static String codeBody(String code) {
        return "{\"code\":\"" + code + "\"}";
    }

    /** Enrols and confirms 2FA for the browser's user; returns the secret. */
    static String turnOn2fa(TestBrowser b) throws Exception {
        HttpResponse<String> enrol = b.post("/api/v1/account/2fa/enrol", null);
        assertThat(enrol.statusCode()).as(enrol.body()).isEqualTo(200);
        String secret = TestBrowser.json(enrol.body()).path("secret").asString();
        HttpResponse<String> ok = b.post("/api/v1/account/2fa/confirm", codeBody(freshCode(secret)));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        return secret;
    }

    static String errorCode(HttpResponse<String> r) {
        return TestBrowser.json(r.body()).path("error").path("code").asString();
    }

    String twoFactorState(TestBrowser b) throws Exception {
        return TestBrowser.json(b.get("/api/v1/account/security").body()).path("twoFactor").asString();
    }

    static String decodeQr(String dataUri) throws Exception {
        return QrDecoder.decodeDataUri(dataUri);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
