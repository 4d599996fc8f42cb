package io.skyx.api.account;

import io.skyx.api.security.SealedSecrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Service;

/**
 * TOTP 2FA of a user: enrolment (pending until a first code confirms it), verification (±1 step of skew, each
 * step's code accepted once, wrong codes rate limited per user) and disabling. The secret is sealed at rest by
 * {@link SealedSecrets} and never logged.
 */
@Service
class TwoFactor {

    /** A started enrolment, to be shown once. */
    record Enrolment(String secret, String otpauthUri, String qrPng) {
        @Override
        public String toString() {
            return "Enrolment[<secret>]";
        }
    }

    static final String ISSUER = "SkyX";
    static final int SECRET_BYTES = 20;
    static final int MAX_FAILURES = 5;
    static final Duration BLOCK = Duration.ofMinutes(5);

    private final AccountStore store;
    private final SealedSecrets sealed;
    private final AccountClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Totp totp = new Totp();

    TwoFactor(AccountClock clock, AccountStore store, SealedSecrets sealed) {
        this.clock = clock;
        this.store = store;
        this.sealed = sealed;
    }

    /** Whether 2FA is on (confirmed) for the user. */
    boolean enabled(long userId) {
        return store.twoFactor(userId).map(AccountStore.TwoFactorRow::enabled).orElse(false);
    }

    /** Starts (or restarts) an enrolment; refused if 2FA is already on. */
    Enrolment enrol(long userId, String email) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        String secret = new Base32().encodeToString(key);
        if (!store.putPending(userId, sealed.seal(secret, context(userId)))) {
            throw new AccountException(AccountError.TWO_FACTOR_STATE, "2FA is already on: disable it first");
        }
        String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Enrolment(secret, uri, QrCode.pngDataUri(uri));
    }

    /** Confirms a pending enrolment with a first code, which turns 2FA on. */
    void confirm(long userId, String code) {
        AccountStore.TwoFactorRow row = store.twoFactor(userId).orElseThrow(() -> new AccountException(
                AccountError.TWO_FACTOR_STATE, "no 2FA enrolment to confirm: enrol first"));
        if (row.enabled()) {
            throw new AccountException(AccountError.TWO_FACTOR_STATE, "2FA is already on");
        }
        verify(userId, row, code, true);
    }

    /** Turns 2FA off; needs a valid code. */
    void disable(long userId, String code) {
        AccountStore.TwoFactorRow row = store.twoFactor(userId).filter(AccountStore.TwoFactorRow::enabled)
                .orElseThrow(() -> new AccountException(AccountError.TWO_FACTOR_STATE, "2FA is not on"));
        verify(userId, row, code, false);
        store.deleteTwoFactor(userId);
    }

    /** Nothing if 2FA is off; otherwise {@code code} must be a valid, unused code. */
    void require(long userId, String code) {
        var row = store.twoFactor(userId).filter(AccountStore.TwoFactorRow::enabled);
        if (row.isEmpty()) {
            return;
        }
        if (code == null || code.isBlank()) {
            throw new AccountException(AccountError.TWO_FACTOR_REQUIRED,
                    "2FA is on: send the current 6-digit code from your authenticator app", "code");
        }
        verify(userId, row.get(), code, false);
    }

    private void verify(long userId, AccountStore.TwoFactorRow row, String code, boolean enable) {
        Instant now = clock.now();
        if (row.blockedUntil() != null && row.blockedUntil().isAfter(now)) {
            throw new AccountException(AccountError.TWO_FACTOR_LOCKED, "too many wrong 2FA codes: try again after "
                    + row.blockedUntil(), "code");
        }
        if (code == null || code.isBlank()) {
            throw new AccountException(AccountError.TWO_FACTOR_REQUIRED, "send the 6-digit code", "code");
        }
        String secret = sealed.open(row.secretSealed(), context(userId)).orElseThrow(() ->
                new IllegalStateException("the 2FA secret of user " + userId + " does not open"));
        long step = totp.match(new Base32().decode(secret), code.strip(), Totp.step(now), row.lastStep());
        if (step < 0 || !store.useStep(userId, step, enable)) {
            store.fail(userId, MAX_FAILURES, now.plus(BLOCK));
            throw new AccountException(AccountError.TWO_FACTOR_INVALID,
                    "wrong, expired or already used 2FA code", "code");
        }
    }

    private static String context(long userId) {
        return "totp:" + userId;
    }
}
