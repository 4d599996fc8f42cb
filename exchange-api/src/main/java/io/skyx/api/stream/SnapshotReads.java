package io.skyx.api.stream;

import java.util.List;
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
     * Runs {@code read} (JDBC reads of the tables of projection {@code projection}) in one snapshot of the database
     * and returns its value with that projection's position in the same snapshot: the sequence number of the last
     * journal entry the rows contain (each projection stores its position with its rows).
     */
    public <T> AtSeq<T> read(String projection, Supplier<T> read) {
        return tx.execute(s -> {
            List<Long> seq = jdbc.queryForList("select seq from projection_position where name = ?", Long.class,
                    projection);
            return new AtSeq<>(seq.isEmpty() ? 0 : seq.getFirst(), read.get());
        });
    }
}
