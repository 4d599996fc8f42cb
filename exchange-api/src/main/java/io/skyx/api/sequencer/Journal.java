package io.skyx.api.sequencer;

import io.skyx.engine.ResultCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The command journal in PostgreSQL (table {@code journal}). */
@Repository
class Journal {

    /** One journaled command. */
    record Entry(long seq, long tsMs, Command command, String result) {
    }

    private final JdbcTemplate jdbc;

    Journal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a batch (inside the caller's transaction). */
    void append(List<AppliedCommand> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (AppliedCommand a : batch) {
            rows.add(new Object[] {a.seq(), a.tsMs(), (short) CommandCodec.kind(a.command()),
                CommandCodec.encode(a.command()), a.command().idempotencyKey(), a.result().name()});
        }
        jdbc.batchUpdate("insert into journal (seq, ts_ms, kind, payload, idem_key, result) values (?,?,?,?,?,?)",
                rows);
    }

    /** The last journaled sequence number, 0 when empty. */
    long lastSeq() {
        Long s = jdbc.queryForObject("select coalesce(max(seq), 0) from journal", Long.class);
        return s == null ? 0 : s;
    }

    /** Streams the entries after {@code afterSeq} in order (call inside a transaction to use a cursor). */
    void replay(long afterSeq, Consumer<Entry> consumer) {
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        cursor.setFetchSize(1000);
        cursor.query("select seq, ts_ms, payload, result from journal where seq > ? order by seq",
                rs -> {
                    consumer.accept(new Entry(rs.getLong(1), rs.getLong(2), CommandCodec.decode(rs.getBytes(3)),
                            rs.getString(4)));
                }, afterSeq);
    }

    /** Every idempotency key with its original result. */
    Map<String, CommandResult> keys() {
        Map<String, CommandResult> keys = new HashMap<>();
        jdbc.query("select idem_key, seq, result from journal where idem_key is not null", rs -> {
            keys.put(rs.getString(1), new CommandResult(rs.getLong(2), ResultCode.valueOf(rs.getString(3)), true));
        });
        return keys;
    }
}
