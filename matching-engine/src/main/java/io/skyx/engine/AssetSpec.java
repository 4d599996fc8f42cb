package io.skyx.engine;

import java.util.Objects;

/**
 * An asset: its id, its code and its scale (decimal places of one whole coin in the smallest unit; SKY 6,
 * BTC 8). All engine amounts of the asset are in its smallest unit.
 *
 * @param id    asset id, 0..{@value #MAX_ID}
 * @param code  short code, e.g. "SKY"
 * @param scale decimals, 0..18
 */
public record AssetSpec(int id, String code, int scale) {
    /** Largest asset id. */
    public static final int MAX_ID = 65_535;

    /** Checks every field. */
    public AssetSpec {
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("asset id must be in 0.." + MAX_ID + ": " + id);
        }
        Objects.requireNonNull(code, "asset code");
        if (!code.matches("[A-Z0-9]{1,12}")) {
            throw new IllegalArgumentException("asset code must be 1-12 of A-Z, 0-9: " + code);
        }
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("asset scale must be in 0..18: " + scale);
        }
    }
}
