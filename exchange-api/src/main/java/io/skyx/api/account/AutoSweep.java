package io.skyx.api.account;

import java.util.Objects;

/**
 * A user's own address to which free balance of {@code asset} above {@code minimum} is swept.
 *
 * @param asset   "BTC" or "SKY"
 * @param address the destination, checked for the asset and network when it was set
 * @param minimum the balance (smallest units: satoshis, droplets) kept back; only what is above is swept
 */
public record AutoSweep(String asset, String address, long minimum) {

    /** Checks the fields. */
    public AutoSweep {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(address, "address");
        if (minimum < 0) {
            throw new IllegalArgumentException("minimum must not be negative: " + minimum);
        }
    }
}
