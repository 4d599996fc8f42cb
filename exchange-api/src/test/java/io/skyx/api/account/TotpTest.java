package io.skyx.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 seed. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final Totp totp = new Totp();

    /** RFC 6238 appendix B, SHA-1 rows: 8-digit codes; a 6-digit code is the same value mod 10^6. */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void rfc6238Vectors(long unixSeconds, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(TotpReference.code(RFC_KEY, step, 8)).isEqualTo(Integer.parseInt(eightDigits));
        assertThat(Totp.format(totp.code(RFC_KEY, step))).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
    }

    @Test
    void agreesWithTheReferenceOnRandomKeys() {
        long seed = Long.getLong("skyx.seed", System.nanoTime());
        System.out.println("TotpTest seed " + seed + " (rerun with -Dskyx.seed=" + seed + ")");
        Random r = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            byte[] key = new byte[TwoFactor.SECRET_BYTES];
            r.nextBytes(key);
            long step = r.nextLong(0, 1L << 40);
            assertThat(Totp.format(totp.code(key, step))).isEqualTo(TotpReference.code6(key, step));
        }
    }

    @Test
    void acceptsOneStepOfSkewEachWayAndNothingUsedBefore() {
        long now = 1_000_000;
        for (long s = now - 1; s <= now + 1; s++) {
            assertThat(totp.match(RFC_KEY, TotpReference.code6(RFC_KEY, s), now, -1)).isEqualTo(s);
        }
        assertThat(totp.match(RFC_KEY, TotpReference.code6(RFC_KEY, now - 2), now, -1)).isEqualTo(-1);
        assertThat(totp.match(RFC_KEY, TotpReference.code6(RFC_KEY, now + 2), now, -1)).isEqualTo(-1);
        assertThat(totp.match(RFC_KEY, TotpReference.code6(RFC_KEY, now), now, now)).isEqualTo(-1);
        assertThat(totp.match(RFC_KEY, TotpReference.code6(RFC_KEY, now - 1), now, now - 1)).isEqualTo(-1);
        assertThat(totp.match(RFC_KEY, TotpReference.code6(RFC_KEY, now + 1), now, now)).isEqualTo(now + 1);
    }

    @Test
    void refusesMalformedCodes() {
        long now = 1_000_000;
        String good = TotpReference.code6(RFC_KEY, now);
        for (String bad : new String[] {null, "", "12345", "1234567", "12a456", " " + good.substring(1), "١٢٣٤٥٦"}) {
            assertThat(totp.match(RFC_KEY, bad, now, -1)).as("code %s", bad).isEqualTo(-1);
        }
        assertThat(totp.match(RFC_KEY, good, now, -1)).isEqualTo(now);
    }
}
