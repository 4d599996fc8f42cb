package io.skyx.api.market;

import io.skyx.engine.AssetSpec;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.MarketSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The markets and assets the exchange trades (the engine's configuration), looked up by API id or code. */
@Component
public class MarketCatalog {

    private final EngineConfig config;
    private final Map<String, Market> byId = new LinkedHashMap<>();
    private final Map<Integer, Market> byEngineId = new LinkedHashMap<>();
    private final Map<String, Asset> assetsByCode = new LinkedHashMap<>();
    private final Map<Integer, Asset> assetsById = new LinkedHashMap<>();

    /** The platform's default configuration: SKY, BTC and the SKY-BTC market. */
    public MarketCatalog() {
        this(EngineConfig.skyBtc());
    }

    /** A catalog over an engine configuration. */
    public MarketCatalog(EngineConfig config) {
        this.config = config;
        for (AssetSpec a : config.assets()) {
            Asset asset = new Asset(a.id(), a.code(), a.scale());
            assetsByCode.put(a.code(), asset);
            assetsById.put(a.id(), asset);
        }
        for (MarketSpec m : config.markets()) {
            Market market = new Market(m, assetsById.get(m.baseAsset()), assetsById.get(m.quoteAsset()));
            byId.put(m.symbol(), market);
            byEngineId.put(m.id(), market);
        }
    }

    /** The engine configuration. */
    public EngineConfig engineConfig() {
        return config;
    }

    /** All markets in configuration order. */
    public List<Market> markets() {
        return new ArrayList<>(byId.values());
    }

    /** All assets in configuration order. */
    public List<Asset> assets() {
        return new ArrayList<>(assetsById.values());
    }

    /** The market with this API id, or UNKNOWN_MARKET. */
    public Market market(String id, String field) {
        if (id == null || id.isEmpty()) {
            throw new InvalidInputException(InvalidInputException.Reason.MISSING_FIELD, "'" + field + "' is required", field);
        }
        Market m = byId.get(id);
        if (m == null) {
            throw new InvalidInputException(InvalidInputException.Reason.UNKNOWN_MARKET, "unknown market '" + clip(id) + "'", field);
        }
        return m;
    }

    /** The market with this engine id (it must exist). */
    public Market market(int engineId) {
        Market m = byEngineId.get(engineId);
        if (m == null) {
            throw new IllegalArgumentException("no market with engine id " + engineId);
        }
        return m;
    }

    /** The asset with this code, or BAD_REQUEST. */
    public Asset asset(String code, String field) {
        Asset a = code == null ? null : assetsByCode.get(code);
        if (a == null) {
            throw new InvalidInputException(InvalidInputException.Reason.UNKNOWN_ASSET, "unknown asset '" + clip(String.valueOf(code)) + "'", field);
        }
        return a;
    }

    /** The asset with this engine id (it must exist). */
    public Asset asset(int id) {
        Asset a = assetsById.get(id);
        if (a == null) {
            throw new IllegalArgumentException("no asset with id " + id);
        }
        return a;
    }

    private static String clip(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "…" : s;
    }
}
