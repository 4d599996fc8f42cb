package io.skyx.api.sequencer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    /**
     * The whole batch as one statement outside any explicit transaction: atomic on its own, and its commit (the
     * WAL flush) comes back with the insert, in one round trip instead of insert, then commit. The arrays are bound
     * as Java arrays ({@code long[]}, {@code short[]}, {@code byte[][]}, {@code String[]}), which the driver sends
     * in PostgreSQL's binary array format: no hex text for the payloads, none to parse on the server.
     */
    private static final String APPEND = "insert into journal (seq, ts_ms, kind, payload, idem_key, result, events) "
            + "select * from unnest(?::int8[], ?::int8[], ?::int2[], ?::bytea[], ?::text[], ?::text[], ?::bytea[])";
    /**
     * {@link #APPEND} together with the batch's replay marks, in the same statement (so in the same transaction):
     * the replay guard's table ({@code seen_signatures}, migration V1_3_0) gets the signatures of the signed
     * requests that carried the commands. A signature already there stays as it is.
     */
    private static final String APPEND_MARKED = "with marks as (insert into seen_signatures (signature, expires_at_ms) "
            + "select * from unnest(?::text[], ?::int8[]) on conflict (signature) do nothing) " + APPEND;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    PgJournal(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void append(List<AppliedCommand> batch, List<ReplayMark> marks) {
        if (batch.isEmpty()) {
            return;
        }
        int n = batch.size();
        long[] seq = new long[n];
        long[] ts = new long[n];
        short[] kind = new short[n];
        byte[][] payload = new byte[n][];
        String[] key = new String[n];
        String[] result = new String[n];
        byte[][] events = new byte[n][];
        for (int i = 0; i < n; i++) {
            AppliedCommand a = batch.get(i);
            seq[i] = a.seq();
            ts[i] = a.tsMs();
            kind[i] = (short) CommandCodec.kind(a.command());
            payload[i] = CommandCodec.encode(a.command());
            key[i] = a.command().idempotencyKey();
            result[i] = a.result().name();
            events[i] = EventCodec.encode(a.result(), a.events());
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(marks.isEmpty() ? APPEND : APPEND_MARKED);
            int p = 1;
            if (!marks.isEmpty()) {
                String[] signature = new String[marks.size()];
                long[] expires = new long[marks.size()];
                for (int i = 0; i < signature.length; i++) {
                    signature[i] = marks.get(i).signatureHex();
                    expires[i] = marks.get(i).expiresAtMillis();
                }
                ps.setObject(p++, signature);
                ps.setObject(p++, expires);
            }
            ps.setObject(p++, seq);
            ps.setObject(p++, ts);
            ps.setObject(p++, kind);
            ps.setObject(p++, payload);
            ps.setObject(p++, key);
            ps.setObject(p++, result);
            ps.setObject(p, events);
            return ps;
        });
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
