package io.skyx.api.stream;

import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Projections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The streams' reads of PostgreSQL (on the hub's reader thread, never on the fan-out thread). */
@Component
class StreamReads {

    private final JdbcTemplate jdbc;
    private final SnapshotReads snapshots;
    private final MarketCatalog catalog;
    private final Projections projections;
    private final JsonMapper json = JsonMapper.builder().build();

    StreamReads(JdbcTemplate jdbc, SnapshotReads snapshots, MarketCatalog catalog, Projections projections) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.projections = projections;
    }

    /**
     * A private snapshot shows the user's own acknowledged writes, as the REST reads do: first wait (bounded by
     * {@code skyx.projection.read-wait-ms}) for the projections to store everything durable now. Past the bound
     * the snapshot is still the state of the seq it carries, and the live messages after it follow.
     */
    private void awaitOwnWrites() {
        try {
            projections.caughtUp().join();
        } catch (CompletionException e) {
            // bounded wait over: the snapshot below is consistent with its seq all the same
        }
    }

    /**
     * What the store holds of one stream after a position: every message there is ({@code messages}), or null
     * and why not ({@code missing}: too many for one resume, or some no longer kept).
     */
    record Stored(List<Msg> messages, String missing) {
    }

    /** The stored messages of {@code stream} after {@code since}, in order, if all are kept and at most max. */
    Stored after(String stream, Msg.Pos since, int max) {
        List<Msg> rows = jdbc.query("select seq, idx, payload from stream_messages where stream = ? "
                + "and (seq, idx) > (?, ?) order by seq, idx limit ?",
                (rs, i) -> new Msg(stream, rs.getLong(1), rs.getInt(2), rs.getString(3)),
                stream, since.seq(), since.idx(), max + 1);
        // read after the rows: pruning only moves forward, so rows read before a later cut are all there
        long pruned = StreamRetention.prunedThrough(jdbc);
        if (since.before(Msg.Pos.after(pruned))) {
            return new Stored(null, "the messages up to seq " + pruned + " are no longer kept");
        }
        if (rows.size() > max) {
            return new Stored(null, "more than " + max + " messages since that seq");
        }
        return new Stored(rows, null);
    }

    /** The user's open orders as a snapshot message of the orders channel, and its seq. */
    SnapshotReads.AtSeq<String> orders(long userId) {
        awaitOwnWrites();
        SnapshotReads.AtSeq<List<Map<String, Object>>> open = snapshots.read("orders", () -> jdbc.query(
                "select " + OrderState.COLUMNS + " from orders where user_id = ? and status = 'open' order by id",
                (rs, i) -> OrderState.read(rs, catalog).fields(), userId));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", "orders");
        m.put("type", "snapshot");
        m.put("seq", open.seq());
        m.put("orders", open.value());
        return new SnapshotReads.AtSeq<>(open.seq(), json.writeValueAsString(m));
    }

    /** The user's balances of every asset as a snapshot message of the balances channel, and its seq. */
    SnapshotReads.AtSeq<String> balances(long userId) {
        awaitOwnWrites();
        SnapshotReads.AtSeq<Map<String, long[]>> units = snapshots.read("ledger", () -> {
            Map<String, long[]> u = new HashMap<>();
            jdbc.query("select asset, available, locked from accounts where user_id = ?", rs -> {
                u.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }, userId);
            return u;
        });
        Map<String, Object> all = new LinkedHashMap<>();
        for (Asset a : catalog.assets()) {
            long[] v = units.value().getOrDefault(a.code(), new long[2]);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("free", a.format(v[0]));
            b.put("used", a.format(v[1]));
            b.put("total", a.format(Math.addExact(v[0], v[1])));
            all.put(a.code(), b);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", "balances");
        m.put("type", "snapshot");
        m.put("seq", units.seq());
        m.put("balances", all);
        return new SnapshotReads.AtSeq<>(units.seq(), json.writeValueAsString(m));
    }

    /** Texts of messages, for sending. */
    static List<String> texts(List<Msg> msgs) {
        List<String> out = new ArrayList<>(msgs.size());
        msgs.forEach(m -> out.add(m.json()));
        return out;
    }
}
