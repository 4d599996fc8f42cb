package io.skyx.api.market;

import java.util.Objects;

/**
 * An asset as the API shows it.
 *
 * @param id    the engine's asset id
 * @param code  e.g. "SKY"
 * @param scale decimals of the smallest unit (SKY 6: droplets, BTC 8: satoshis)
 */
public record Asset(int id, String code, int scale) {

    /** Checks the fields. */
    public Asset {
        Objects.requireNonNull(code, "code");
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
    }

    /** Formats an amount in smallest units. */
    public String format(long units) {
        return Decimals.format(units, scale);
    }
}
