package io.skyx.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.testing.TestBrowser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 2FA enrolment, confirmation, replay and rate limit, against the real app and database. */
class AccountSecurityIT extends AccountITBase {

    @Test
    void enrolConfirmReplayWrongCodesAndBlock() throws Exception {
        TestBrowser b = new TestBrowser(url("")).signUp();
        assertThat(twoFactorState(b)).isEqualTo("off");

        HttpResponse<String> enrol = b.post("/api/v1/account/2fa/enrol", null);
        assertThat(enrol.statusCode()).as(enrol.body()).isEqualTo(200);
        JsonNode e = TestBrowser.json(enrol.body());
        String secret = e.path("secret").asString();
        byte[] key = new Base32().decode(secret);
        assertThat(key).hasSize(20);
        String uri = e.path("otpauthUri").asString();
        assertThat(uri).startsWith("otpauth://totp/SkyX%3A").contains("secret=" + secret, "issuer=SkyX",
                "algorithm=SHA1", "digits=6", "period=30");
        assertThat(decodeQr(e.path("qrPng").asString())).isEqualTo(uri);
        assertThat(twoFactorState(b)).as("pending until confirmed").isEqualTo("off");

        byte[] sealed = jdbc.queryForObject("select secret_sealed from account_two_factor where user_id = ?",
                byte[].class, id(b));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(indexOf(sealed, key)).as("raw key not stored").isEqualTo(-1);

        String first = freshCode(secret);
        HttpResponse<String> bad = b.post("/api/v1/account/2fa/confirm", codeBody(wrong(first)));
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(errorCode(bad)).isEqualTo("TWO_FACTOR_INVALID");
        assertThat(twoFactorState(b)).isEqualTo("off");

        HttpResponse<String> ok = b.post("/api/v1/account/2fa/confirm", codeBody(first));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(twoFactorState(b)).isEqualTo("on");
        assertThat(errorCode(b.post("/api/v1/account/2fa/enrol", null))).isEqualTo("TWO_FACTOR_STATE");

        HttpResponse<String> replay = b.post("/api/v1/account/2fa/disable", codeBody(first));
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(errorCode(replay)).as("a code is accepted once").isEqualTo("TWO_FACTOR_INVALID");
        assertThat(twoFactorState(b)).isEqualTo("on");

        assertThat(errorCode(b.post("/api/v1/account/2fa/disable", "{}"))).isEqualTo("TWO_FACTOR_REQUIRED");
        String current = freshCode(secret);
        for (int i = 0; i < TwoFactor.MAX_FAILURES - 1; i++) {
            assertThat(errorCode(b.post("/api/v1/account/2fa/disable", codeBody(wrong(current)))))
                    .isEqualTo("TWO_FACTOR_INVALID");
        }
        HttpResponse<String> locked = b.post("/api/v1/account/2fa/disable", codeBody(current));
        assertThat(locked.statusCode()).as("5 wrong codes in a row (the replay counted) block").isEqualTo(429);
        assertThat(errorCode(locked)).isEqualTo("TWO_FACTOR_LOCKED");
        advance(Duration.ofMinutes(4));
        assertThat(errorCode(b.post("/api/v1/account/2fa/disable", codeBody(code(secret)))))
                .isEqualTo("TWO_FACTOR_LOCKED");
        assertThat(twoFactorState(b)).isEqualTo("on");

        advance(TwoFactor.BLOCK);
        HttpResponse<String> off = b.post("/api/v1/account/2fa/disable", codeBody(code(secret)));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(twoFactorState(b)).isEqualTo("off");
        assertThat(jdbc.queryForObject("select count(*) from account_two_factor where user_id = ?", Integer.class,
                id(b))).isZero();
    }

    @Test
    void aCodeOfAnotherUserOrAWellFormedGuessIsRefused(@Autowired WithdrawalPolicy policy) throws Exception {
        TestBrowser alice = new TestBrowser(url("")).signUp();
        TestBrowser bob = new TestBrowser(url("")).signUp();
        String aliceSecret = turnOn2fa(alice);
        turnOn2fa(bob);
        String aliceCode = freshCode(aliceSecret);
        assertThatThrownBy(() -> policy.check(id(bob), "SKY", SkyAddresses.random(), aliceCode))
                .isInstanceOfSatisfying(AccountException.class,
                        x -> assertThat(x.code()).isEqualTo(AccountError.TWO_FACTOR_INVALID));
        policy.check(id(alice), "SKY", SkyAddresses.random(), aliceCode);
    }

    @Test
    void servesAQrCodeOfAnAddressAndRefusesBadText() throws Exception {
        TestBrowser b = new TestBrowser(url("")).signUp();
        String text = "bitcoin:bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
        HttpResponse<String> qr = b.get("/api/v1/account/qr?text=" + java.net.URLEncoder.encode(text,
                StandardCharsets.UTF_8));
        assertThat(qr.statusCode()).as(qr.body()).isEqualTo(200);
        assertThat(decodeQr(TestBrowser.json(qr.body()).path("qrPng").asString())).isEqualTo(text);

        HttpResponse<String> spaced = b.get("/api/v1/account/qr?text=a%20b");
        assertThat(spaced.statusCode()).isEqualTo(400);
        assertThat(TestBrowser.json(spaced.body()).path("error").path("field").asString()).isEqualTo("text");
        assertThat(b.get("/api/v1/account/qr?text=" + "x".repeat(201)).statusCode()).isEqualTo(400);
    }
}
