package io.skyx.custody.sky;

import io.skyx.custody.cold.HotTarget;
import java.util.List;

/**
 * SKY hot/cold settings. Skycoin's deterministic key chain has no public derivation (each key is derived from the
 * previous secret), so there is no SKY "xpub": the cold addresses are configured one by one, from the offline
 * wallet, and sweeps go to them in turn.
 *
 * @param addresses the cold addresses (at least one)
 * @param target    what the hot wallet should hold, with its band (droplets, a multiple of 1000)
 */
public record SkyColdConfig(List<String> addresses, HotTarget target) {

    /** Checks the settings. */
    public SkyColdConfig {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("skyx.custody.cold.sky.addresses: at least one cold SKY address");
        }
        addresses.forEach(SkyDestinations::parse);
        if (target.target() % SkyTransactions.DROPLET_STEP != 0) {
            throw new IllegalArgumentException("the SKY hot-wallet target is a multiple of 0.001 SKY: " + target.target());
        }
    }
}
