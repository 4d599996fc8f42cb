package io.skyx.node.coin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CoinHoursTest {
    private static final long API_HEAD_TIME = 1431574528L; // head of the REST goldens (block 180)

    @Test
    void matchesTheUxoutGolden() {
        // api/uxout.golden: 615700 SKY created at 1431339429 with 5521648 hours -> 45730107 at head time
        assertThat(CoinHours.at(615_700_000_000L, 5_521_648L, 1431339429L, API_HEAD_TIME))
                .isEqualTo(new CoinHours.Result(CoinHours.Status.OK, 45_730_107L));
        // api/uxout-addr.golden: 1M SKY from block 1 with 1 hour -> 1013371112
        assertThat(CoinHours.at(1_000_000_000_000L, 1L, 1427926392L, API_HEAD_TIME).hours())
                .isEqualTo(1_013_371_112L);
    }

    @Test
    void beforeCreationGivesTheBaseHours() {
        assertThat(CoinHours.at(5_000_000L, 7L, 1000L, 999L).hours()).isEqualTo(7L);
        assertThat(CoinHours.at(5_000_000L, 7L, 1000L, 1000L).hours()).isEqualTo(7L);
    }

    @Test
    void dropletsEarnSeparatelyAndRoundDown() {
        // 0.5 SKY for 7200 s = 3600 coin-seconds = 1 hour; 0.5 SKY for 7199 s rounds down to 0
        assertThat(CoinHours.at(500_000L, 0L, 0L, 7200L).hours()).isEqualTo(1L);
        assertThat(CoinHours.at(500_000L, 0L, 0L, 7199L).hours()).isEqualTo(0L);
        // 1.5 SKY for one hour earns 1 hour (1.5 floored)
        assertThat(CoinHours.at(1_500_000L, 0L, 0L, 3600L).hours()).isEqualTo(1L);
    }

    @Test
    void eachOverflowHasItsOwnStatus() {
        assertThat(CoinHours.at(-1L, 0L, 0L, -1L).status())
                .isEqualTo(CoinHours.Status.WHOLE_COIN_SECONDS_OVERFLOW);
        // fewer than 1 whole coin, droplets x seconds overflows
        assertThat(CoinHours.at(999_999L, 0L, 0L, -1L).status())
                .isEqualTo(CoinHours.Status.DROPLET_SECONDS_OVERFLOW);
        assertThat(CoinHours.at(1_000_000L, -1L, 0L, 3600L).status())
                .isEqualTo(CoinHours.Status.EARNED_ADDITION_OVERFLOW);
        assertThat(CoinHours.at(1_000_000L, -1L, 0L, 3599L))
                .isEqualTo(new CoinHours.Result(CoinHours.Status.OK, -1L));
    }

    @Test
    void coinSecondsSumOverflowIsDetected() {
        // 1000001 s x 18446725626983 whole coins = 2^64 - 1 - 924632 fits; the droplet share (999999) does not
        long seconds = 1_000_001L;
        long wholeCoins = 18_446_725_626_983L;
        long droplets = 999_999L;
        CoinHours.Result r = CoinHours.at(wholeCoins * 1_000_000L + droplets, 0L, 0L, seconds);
        assertThat(r.status()).isEqualTo(CoinHours.Status.COIN_SECONDS_OVERFLOW);
    }

    @Property(tries = 500)
    void agreesWithBigIntegerArithmetic(@ForAll long coins, @ForAll long base, @ForAll int created,
            @ForAll int elapsed) {
        long createdTime = Integer.toUnsignedLong(created);
        long at = createdTime + Integer.toUnsignedLong(elapsed);
        BigInteger s = BigInteger.valueOf(at - createdTime);
        BigInteger c = new BigInteger(Long.toUnsignedString(coins));
        BigInteger million = BigInteger.valueOf(1_000_000L);
        BigInteger coinSeconds = s.multiply(c.divide(million)).add(s.multiply(c.mod(million)).divide(million));
        BigInteger expected = new BigInteger(Long.toUnsignedString(base))
                .add(coinSeconds.divide(BigInteger.valueOf(3600)));
        CoinHours.Result r = CoinHours.at(coins, base, createdTime, at);
        if (expected.bitLength() <= 64 && s.multiply(c.divide(million)).bitLength() <= 64
                && s.multiply(c.mod(million)).bitLength() <= 64 && coinSeconds.bitLength() <= 64) {
            assertThat(r.ok()).isTrue();
            assertThat(Long.toUnsignedString(r.hours())).isEqualTo(expected.toString());
        } else {
            assertThat(r.ok()).isFalse();
            assertThat(r.hours()).isZero();
        }
    }
}
