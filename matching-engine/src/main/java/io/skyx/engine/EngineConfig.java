package io.skyx.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable engine configuration: the assets and the markets.
 *
 * @param assets  every asset, ids unique
 * @param markets every market, ids and symbols unique, base/quote referring to listed assets
 */
public record EngineConfig(List<AssetSpec> assets, List<MarketSpec> markets) {

    /** Checks ids, symbols and asset references. */
    public EngineConfig {
        assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        markets = List.copyOf(Objects.requireNonNull(markets, "markets"));
        Set<Integer> assetIds = new HashSet<>();
        for (AssetSpec a : assets) {
            if (!assetIds.add(a.id())) {
                throw new IllegalArgumentException("duplicate asset id " + a.id());
            }
        }
        Set<Integer> marketIds = new HashSet<>();
        Set<String> symbols = new HashSet<>();
        for (MarketSpec m : markets) {
            if (!marketIds.add(m.id())) {
                throw new IllegalArgumentException("duplicate market id " + m.id());
            }
            if (!symbols.add(m.symbol())) {
                throw new IllegalArgumentException("duplicate market symbol " + m.symbol());
            }
            if (!assetIds.contains(m.baseAsset()) || !assetIds.contains(m.quoteAsset())) {
                throw new IllegalArgumentException("market " + m.symbol() + " refers to an unknown asset");
            }
        }
    }

    /** The market with this id, or null. */
    public MarketSpec market(int marketId) {
        for (MarketSpec m : markets) {
            if (m.id() == marketId) {
                return m;
            }
        }
        return null;
    }

    /** The asset with this id, or null. */
    public AssetSpec asset(int assetId) {
        for (AssetSpec a : assets) {
            if (a.id() == assetId) {
                return a;
            }
        }
        return null;
    }

    /**
     * The platform default: SKY (id 1, scale 6) and BTC (id 2, scale 8), market SKY-BTC (id 1): lot 1 SKY,
     * tick 1 satoshi per SKY, min size 1 lot, min notional 0, maker 0.1 %, taker 0.2 %.
     */
    public static EngineConfig skyBtc() {
        return new EngineConfig(
                List.of(new AssetSpec(1, "SKY", 6), new AssetSpec(2, "BTC", 8)),
                List.of(new MarketSpec(1, "SKY-BTC", 1, 2, 1_000_000L, 1L, 1L, 0L, 1_000, 2_000)));
    }
}
