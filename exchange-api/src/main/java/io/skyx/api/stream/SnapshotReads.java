package io.skyx.api.stream;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of the read models as of one journal sequence number: the state a REST snapshot (open orders, balances)
 * or a private stream's snapshot shows, with the {@code seq} it is the state of, on the same counter as the
 * streams' {@code seq}. The seq and the rows come from one repeatable-read transaction. Public facade of the
 * stream feature for the REST snapshot endpoints.
 */
@Component
public class SnapshotReads {

    /** A value and the journal sequence number it is the state of. */
    public record AtSeq<T>(long seq, T value) {
    }

    /** The response header that carries the seq of a REST snapshot. */
    public static final String SEQ_HEADER = "X-Skyx-Seq";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    SnapshotReads(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        tx.setReadOnly(true);
    }

    /**
     * Runs {@code read} (JDBC reads of the projections) in one snapshot of the database and returns its value with
     * the sequence number of the last command that snapshot contains. The projections are written in the journal's
     * transaction, so that is the journal's last sequence number.
     */
    public <T> AtSeq<T> read(Supplier<T> read) {
        return tx.execute(s -> {
            Long seq = jdbc.queryForObject("select coalesce(max(seq), 0) from journal", Long.class);
            return new AtSeq<>(seq == null ? 0 : seq, read.get());
        });
    }
}
