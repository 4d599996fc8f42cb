package io.skyx.engine;

import java.util.Objects;

/**
 * A market (order book) and its integer units; see the package documentation for the unit conventions.
 *
 * @param id             market id, 0..{@value #MAX_ID}
 * @param symbol         e.g. "SKY-BTC"
 * @param baseAsset      asset id of the base asset (what is bought and sold)
 * @param quoteAsset     asset id of the quote asset (what prices are in and fees are charged in)
 * @param baseLotUnits   base units in one lot (size 1); SKY-BTC: 1_000_000 droplets = 1 SKY
 * @param quoteTickUnits quote units of price 1 tick for size 1 lot; SKY-BTC: 1 satoshi
 * @param minSize        smallest order size in lots, at least 1
 * @param minNotional    smallest order notional in quote units, at least 0
 * @param makerFeePpm    maker fee rate in parts per million of the notional (1000 = 0.1 %)
 * @param takerFeePpm    taker fee rate in parts per million of the notional (2000 = 0.2 %)
 */
public record MarketSpec(int id, String symbol, int baseAsset, int quoteAsset, long baseLotUnits,
                         long quoteTickUnits, long minSize, long minNotional, int makerFeePpm, int takerFeePpm) {
    /** Largest market id. */
    public static final int MAX_ID = 65_535;

    /** Checks every field that does not depend on other markets or assets. */
    public MarketSpec {
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("market id must be in 0.." + MAX_ID + ": " + id);
        }
        Objects.requireNonNull(symbol, "market symbol");
        if (!symbol.matches("[A-Z0-9]{1,12}-[A-Z0-9]{1,12}")) {
            throw new IllegalArgumentException("market symbol must look like BASE-QUOTE: " + symbol);
        }
        if (baseAsset == quoteAsset) {
            throw new IllegalArgumentException("base and quote asset must differ: " + symbol);
        }
        if (baseLotUnits < 1 || baseLotUnits > EngineLimits.MAX_BASE_AMOUNT) {
            throw new IllegalArgumentException("baseLotUnits out of range: " + baseLotUnits);
        }
        if (quoteTickUnits < 1 || quoteTickUnits > EngineLimits.MAX_NOTIONAL) {
            throw new IllegalArgumentException("quoteTickUnits out of range: " + quoteTickUnits);
        }
        if (minSize < 1 || minSize > EngineLimits.MAX_SIZE) {
            throw new IllegalArgumentException("minSize must be in 1.." + EngineLimits.MAX_SIZE + ": " + minSize);
        }
        if (minNotional < 0 || minNotional > EngineLimits.MAX_NOTIONAL) {
            throw new IllegalArgumentException("minNotional out of range: " + minNotional);
        }
        if (makerFeePpm < 0 || makerFeePpm > EngineLimits.MAX_FEE_PPM) {
            throw new IllegalArgumentException("makerFeePpm must be in 0.." + EngineLimits.MAX_FEE_PPM);
        }
        if (takerFeePpm < 0 || takerFeePpm > EngineLimits.MAX_FEE_PPM) {
            throw new IllegalArgumentException("takerFeePpm must be in 0.." + EngineLimits.MAX_FEE_PPM);
        }
    }

    /** The larger of the two fee rates: what a buyer's lock reserves for fees. */
    public int maxFeePpm() {
        return Math.max(makerFeePpm, takerFeePpm);
    }
}
