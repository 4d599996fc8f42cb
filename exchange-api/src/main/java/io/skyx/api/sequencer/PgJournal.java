package io.skyx.api.sequencer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal in PostgreSQL (table {@code journal}): per command its sequence number, time, payload
 * ({@link CommandCodec}), idempotency key (unique index) and outcome ({@link EventCodec}). Also the index through
 * which idempotency keys are looked up.
 */
@Repository
class PgJournal implements Journal, KeyIndex {

    private static final String COLUMNS = "seq, ts_ms, payload, events";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    PgJournal(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void append(List<AppliedCommand> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (AppliedCommand a : batch) {
            rows.add(new Object[] {a.seq(), a.tsMs(), (short) CommandCodec.kind(a.command()),
                CommandCodec.encode(a.command()), a.command().idempotencyKey(), a.result().name(),
                EventCodec.encode(a.result(), a.events())});
        }
        tx.executeWithoutResult(s -> jdbc.batchUpdate("insert into journal (seq, ts_ms, kind, payload, idem_key, "
                + "result, events) values (?,?,?,?,?,?,?)", rows));
    }

    @Override
    public long lastSequence() {
        Long s = jdbc.queryForObject("select coalesce(max(seq), 0) from journal", Long.class);
        return s == null ? 0 : s;
    }

    @Override
    public List<AppliedCommand> read(long afterSeq, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        return jdbc.query("select " + COLUMNS + " from journal where seq > ? order by seq limit ?",
                (rs, i) -> row(rs), afterSeq, max);
    }

    /** Streams every entry after {@code afterSeq} in order through a cursor (for recovery). */
    void replay(long afterSeq, Consumer<AppliedCommand> consumer) {
        tx.executeWithoutResult(s -> {
            JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
            cursor.setFetchSize(1000);
            cursor.query("select " + COLUMNS + " from journal where seq > ? order by seq",
                    rs -> {
                        consumer.accept(row(rs));
                    }, afterSeq);
        });
    }

    @Override
    public Optional<AppliedCommand> byKey(String key) {
        return jdbc.query("select " + COLUMNS + " from journal where idem_key = ?", (rs, i) -> row(rs), key)
                .stream().findFirst();
    }

    private static AppliedCommand row(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        try {
            EventCodec.Outcome o = EventCodec.decode(rs.getBytes(4));
            return new AppliedCommand(seq, rs.getLong(2), CommandCodec.decode(rs.getBytes(3)), o.result(),
                    o.events());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("journal row " + seq + " cannot be read: " + e.getMessage(), e);
        }
    }
}
