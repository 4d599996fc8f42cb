package io.skyx.api.ledger;

import io.skyx.api.market.Asset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's balances per asset code, in smallest units.
 *
 * @param units asset → {available, locked}
 * @param assets asset code → asset, for formatting
 */
public record Balances(Map<String, long[]> units, Map<String, Asset> assets) {

    /** One asset's balance as decimal strings (CCXT's free / used / total). */
    public record Balance(String free, String used, String total) {
    }

    /** Available units of an asset (0 when none). */
    public long available(String asset) {
        long[] v = units.get(asset);
        return v == null ? 0 : v[0];
    }

    /** Locked units of an asset (0 when none). */
    public long locked(String asset) {
        long[] v = units.get(asset);
        return v == null ? 0 : v[1];
    }

    /** As the API returns it: {"SKY":{"free","used","total"},…} for every asset. */
    public Map<String, Balance> json() {
        Map<String, Balance> out = new LinkedHashMap<>();
        assets.forEach((code, a) -> {
            long free = available(code);
            long used = locked(code);
            out.put(code, new Balance(a.format(free), a.format(used), a.format(Math.addExact(free, used))));
        });
        return out;
    }
}
