package io.skyx.node.daemon;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The introduction extra's checks, each with the disconnect reason Skycoin uses. */
class IntroductionExtraTest {
    private static final byte[] KEY = key(2);

    private static byte[] key(int fill) {
        byte[] k = new byte[33];
        Arrays.fill(k, (byte) fill);
        k[0] = 3;
        return k;
    }

    private static IntroductionExtra extra(byte[] key, long burn, long size, int decimals, String ua) {
        return new IntroductionExtra(key, burn, size, decimals, ua, Optional.of(new byte[32]));
    }

    private static DisconnectReason reason(byte[] extraBytes) {
        try {
            IntroductionExtra.parseAndVerify(extraBytes, KEY);
            return null;
        } catch (PeerError e) {
            return e.reason();
        }
    }

    @Test
    void validExtraPasses() throws Exception {
        IntroductionExtra x = extra(KEY, 10, 32768, 3, "skycoin:0.27.1");
        assertThat(IntroductionExtra.parseAndVerify(x.encode(), KEY)).isEqualTo(x);
        IntroductionExtra noGenesis = new IntroductionExtra(KEY, 2, 1024, 6, "skyx:0.1.0", Optional.empty());
        assertThat(IntroductionExtra.parseAndVerify(noGenesis.encode(), KEY)).isEqualTo(noGenesis);
    }

    @Test
    void eachBadFieldHasItsReason() {
        assertThat(reason(extra(key(5), 10, 32768, 3, "skycoin:0.27.1").encode()))
                .isEqualTo(DisconnectReason.BLOCKCHAIN_PUBKEY_MISMATCH);
        assertThat(reason(extra(KEY, 1, 32768, 3, "skycoin:0.27.1").encode()))
                .isEqualTo(DisconnectReason.INVALID_BURN_FACTOR);
        assertThat(reason(extra(KEY, 10, 1023, 3, "skycoin:0.27.1").encode()))
                .isEqualTo(DisconnectReason.INVALID_MAX_TRANSACTION_SIZE);
        assertThat(reason(extra(KEY, 10, 32768, 7, "skycoin:0.27.1").encode()))
                .isEqualTo(DisconnectReason.INVALID_MAX_DROPLET_PRECISION);
        assertThat(reason(extra(KEY, 10, 32768, 3, "skycoin").encode()))
                .isEqualTo(DisconnectReason.INVALID_USER_AGENT);
    }

    @Test
    void truncatedOrPaddedExtraIsInvalid() {
        byte[] good = extra(KEY, 10, 32768, 3, "skycoin:0.27.1").encode();
        assertThat(reason(Arrays.copyOf(good, 20))).isEqualTo(DisconnectReason.INVALID_EXTRA_DATA);
        assertThat(reason(Arrays.copyOf(good, 40))).isEqualTo(DisconnectReason.INVALID_EXTRA_DATA);
        assertThat(reason(Arrays.copyOf(good, good.length - 5))).isEqualTo(DisconnectReason.INVALID_EXTRA_DATA);
        assertThat(reason(Arrays.copyOf(good, good.length + 1))).isEqualTo(DisconnectReason.INVALID_EXTRA_DATA);
    }

    @Test
    void userAgentGrammar() {
        assertThat(IntroductionExtra.validUserAgent("skycoin:0.26.0(foo)")).isTrue();
        assertThat(IntroductionExtra.validUserAgent("skycoin:0.27.1-rc1")).isTrue();
        assertThat(IntroductionExtra.validUserAgent("sky coin:0.27.1")).isFalse();
        assertThat(IntroductionExtra.validUserAgent("skycoin:0.27")).isFalse();
    }
}
