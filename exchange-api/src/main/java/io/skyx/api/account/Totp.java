package io.skyx.api.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP as authenticator apps expect it: HMAC-SHA-1, 30-second steps from the Unix epoch, 6 digits
 * (computed by the java-otp library).
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(
            Duration.ofSeconds(STEP_SECONDS), DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    /** The time step containing {@code instant}. */
    static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code key} at time step {@code step}. */
    int code(byte[] key, long step) {
        try {
            return generator.generateOneTimePassword(new SecretKeySpec(key, "RAW"),
                    Instant.ofEpochSecond(step * STEP_SECONDS));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 refused the TOTP key", e);
        }
    }

    /**
     * The step in {@code [now-1, now+1]} (±1 step of clock skew) whose code is {@code code} and which is after
     * {@code lastUsedStep}, or -1 if there is none. {@code code} must be 6 digits.
     */
    long match(byte[] key, String code, long nowStep, long lastUsedStep) {
        if (!wellFormed(code)) {
            return -1;
        }
        int wanted = Integer.parseInt(code);
        for (long s = nowStep - 1; s <= nowStep + 1; s++) {
            if (s > lastUsedStep && code(key, s) == wanted) {
                return s;
            }
        }
        return -1;
    }

    /** Whether {@code code} is exactly 6 ASCII digits. */
    static boolean wellFormed(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The code as 6 digits with leading zeros. */
    static String format(int code) {
        return String.format("%06d", code);
    }
}
