package io.skyx.api.ledger;

import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads of the ledger and accounts projections: the public facade of the ledger feature. */
@Service
public class LedgerQueries {

    /** One change of a user's total balance of an asset (fetchLedger). */
    public record LedgerItem(String id, String asset, String amount, String balance, String type,
                             String referenceId, Instant timestamp) {
    }

    private final JdbcTemplate jdbc;
    private final MarketCatalog catalog;

    LedgerQueries(JdbcTemplate jdbc, MarketCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The user's balances of every asset (zeros where none). */
    public Balances balances(long userId) {
        Map<String, long[]> units = new HashMap<>();
        jdbc.query("select asset, available, locked from accounts where user_id = ?",
                rs -> {
                    units.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, userId);
        Map<String, Asset> assets = new LinkedHashMap<>();
        catalog.assets().forEach(a -> assets.put(a.code(), a));
        return new Balances(units, assets);
    }

    /** Net changes of the user's total balance per command, newest first, with the running total. */
    public List<LedgerItem> ledger(long userId, Asset asset, int limit) {
        String sql = "select id, asset, amount, balance, type, reference_id, created_at from ("
                + " select min(id) id, asset, sum(amount) amount, type, reference_id, min(created_at) created_at,"
                + " sum(sum(amount)) over (partition by asset order by min(id)) balance"
                + " from ledger_entries where user_id = ?" + (asset == null ? "" : " and asset = ?")
                + " group by seq, asset, type, reference_id) t where amount <> 0 order by id desc limit ?";
        Object[] args = asset == null ? new Object[] {userId, limit} : new Object[] {userId, asset.code(), limit};
        List<LedgerItem> items = new ArrayList<>();
        jdbc.query(sql, rs -> {
            Asset a = catalog.asset(rs.getString(2), "asset");
            items.add(new LedgerItem(Long.toString(rs.getLong(1)), a.code(), a.format(rs.getLong(3)),
                    a.format(rs.getLong(4)), rs.getString(5), Long.toString(rs.getLong(6)),
                    rs.getTimestamp(7).toInstant()));
        }, args);
        return items;
    }

    /** Sum of all ledger entries of an asset over every account: zero when the books balance. */
    public long ledgerSum(Asset asset) {
        Long s = jdbc.queryForObject("select coalesce(sum(amount), 0) from ledger_entries where asset = ?",
                Long.class, asset.code());
        return s == null ? 0 : s;
    }
}
