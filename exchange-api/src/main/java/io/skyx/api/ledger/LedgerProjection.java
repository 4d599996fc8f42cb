package io.skyx.api.ledger;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.api.sequencer.Projection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The double-entry ledger and the accounts table, projected from the engine's events. Each balance change of a
 * user becomes entries on the user's {@code available} and {@code locked} accounts; fees go to the {@code fees}
 * account and deposits/withdrawals are mirrored on the {@code reserve} account, so that the entries of every
 * command sum to zero per asset. A command whose entries would not balance is refused (its batch is not
 * committed).
 */
@Component
@Order(1)
class LedgerProjection implements Projection {

    private record Key(long userId, int assetId) {
    }

    private record Entry(long seq, Long userId, String account, int assetId, long amount, String type, long ref,
                         long tsMs) {
    }

    private final MarketCatalog catalog;
    private final Map<Key, long[]> shadow = new HashMap<>();

    LedgerProjection(MarketCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void load(JdbcTemplate jdbc) {
        shadow.clear();
        jdbc.query("select user_id, asset, available, locked from accounts", rs -> {
            int asset = catalog.asset(rs.getString(2), "asset").id();
            shadow.put(new Key(rs.getLong(1), asset), new long[] {rs.getLong(3), rs.getLong(4)});
        });
    }

    @Override
    public void project(JdbcTemplate jdbc, List<AppliedCommand> batch) {
        List<Entry> entries = new ArrayList<>();
        Map<Key, long[]> touched = new LinkedHashMap<>();
        Map<Key, Long> touchedSeq = new HashMap<>();
        for (AppliedCommand a : batch) {
            int first = entries.size();
            String type = "order";
            long ref = a.seq();
            for (EngineEvent e : a.events()) {
                switch (e) {
                    case EngineEvent.Deposited d -> {
                        type = "deposit";
                        ref = a.seq();
                        entries.add(new Entry(a.seq(), null, "reserve", d.assetId(), -d.amount(), type, ref, a.tsMs()));
                    }
                    case EngineEvent.Withdrawn w -> {
                        type = "withdrawal";
                        ref = a.seq();
                        entries.add(new Entry(a.seq(), null, "reserve", w.assetId(), w.amount(), type, ref, a.tsMs()));
                    }
                    case EngineEvent.Trade t -> {
                        type = "trade";
                        ref = t.tradeId();
                        long fees = Math.addExact(t.makerFee(), t.takerFee());
                        if (fees != 0) {
                            entries.add(new Entry(a.seq(), null, "fees", t.feeAssetId(), fees, "fee", ref, a.tsMs()));
                        }
                    }
                    case EngineEvent.OrderAccepted o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderCancelled o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderExpired o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderAmended o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.BalanceChanged b -> {
                        Key k = new Key(b.userId(), b.assetId());
                        long[] prev = shadow.computeIfAbsent(k, x -> new long[2]);
                        long dAvail = Math.subtractExact(b.available(), prev[0]);
                        long dLocked = Math.subtractExact(b.locked(), prev[1]);
                        if (dAvail != 0) {
                            entries.add(new Entry(a.seq(), b.userId(), "available", b.assetId(), dAvail, type, ref,
                                    a.tsMs()));
                        }
                        if (dLocked != 0) {
                            entries.add(new Entry(a.seq(), b.userId(), "locked", b.assetId(), dLocked, type, ref,
                                    a.tsMs()));
                        }
                        prev[0] = b.available();
                        prev[1] = b.locked();
                        touched.put(k, prev);
                        touchedSeq.put(k, a.seq());
                    }
                    case EngineEvent.Rejected r -> {
                        // a refused command moves nothing
                    }
                    case EngineEvent.BookDelta d -> {
                        // the book is not money
                    }
                }
            }
            checkBalanced(a.seq(), entries.subList(first, entries.size()));
        }
        write(jdbc, entries, touched, touchedSeq);
    }

    private static void checkBalanced(long seq, List<Entry> entries) {
        Map<Integer, Long> sums = new HashMap<>();
        for (Entry e : entries) {
            sums.merge(e.assetId(), e.amount(), Math::addExact);
        }
        sums.forEach((asset, sum) -> {
            if (sum != 0) {
                throw new IllegalStateException("ledger entries of command " + seq + " do not balance for asset "
                        + asset + ": " + sum);
            }
        });
    }

    private void write(JdbcTemplate jdbc, List<Entry> entries, Map<Key, long[]> touched, Map<Key, Long> seqs) {
        if (!entries.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                rows.add(new Object[] {e.seq(), e.userId(), e.account(), catalog.asset(e.assetId()).code(),
                    e.amount(), e.type(), e.ref(), Timestamp.from(Instant.ofEpochMilli(e.tsMs()))});
            }
            jdbc.batchUpdate("insert into ledger_entries (seq, user_id, account, asset, amount, type, reference_id, "
                    + "created_at) values (?,?,?,?,?,?,?,?)", rows);
        }
        if (!touched.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(touched.size());
            touched.forEach((k, v) -> rows.add(new Object[] {k.userId(), catalog.asset(k.assetId()).code(), v[0],
                v[1], seqs.get(k)}));
            jdbc.batchUpdate("insert into accounts (user_id, asset, available, locked, updated_seq) values (?,?,?,?,?) "
                    + "on conflict (user_id, asset) do update set available = excluded.available, "
                    + "locked = excluded.locked, updated_seq = excluded.updated_seq", rows);
        }
    }
}
