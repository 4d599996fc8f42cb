package io.skyx.custody.sky;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyx.custody.cold.HotTarget;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.testing.SkyChain;
import io.skyx.custody.testing.TestLedger;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SecKey;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * SKY custody as the ITs run it on the private chain: {@link #N} confirmations, 1.5 s batches, a 100 ms poll,
 * neither whitelist nor 2FA, injected through the node.
 */
final class SkyTestCustody {

    /** Confirmations. */
    static final int N = 2;
    /** Droplets per SKY. */
    static final long SKY = 1_000_000;

    private SkyTestCustody() {
    }

    /** The configuration with this seed. */
    static SkyConfig config(String seed) {
        return new SkyConfig(seed, N, 1000, Duration.ofMillis(1500), 100, 50, Duration.ofMillis(100));
    }

    /** Custody on {@code chain}, started; {@code cold} null for no cold wallet. */
    static SkyCustody start(SkyChain chain, String seed, SkyColdConfig cold, DataSource db, TestLedger ledger) {
        SkyCustody c = new SkyCustody(config(seed), cold, db, ledger, (u, a) -> WithdrawalSettings.Settings.NONE,
                new SimpleMeterRegistry(), chain.node(), null);
        c.start();
        return c;
    }

    /** A cold wallet on the addresses of {@code keys}, with this hot target. */
    static SkyColdConfig cold(long target, SecKey... keys) {
        return new SkyColdConfig(Arrays.stream(keys).map(k -> Address.fromSecKey(k).toString()).toList(),
                HotTarget.of(target));
    }

    /** Closes what was started (either may be null). */
    static void stop(SkyCustody custody, SkyChain chain) {
        if (custody != null) {
            custody.close();
        }
        if (chain != null) {
            chain.close();
        }
    }
}
