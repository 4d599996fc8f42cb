package io.skyx.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One payout run per epoch at a time, across threads and processes sharing the database: a transaction-scoped
 * PostgreSQL advisory lock on the epoch, taken in a transaction of its own (on a connection of its own) that stays
 * open for the whole run and is rolled back at the end. A second runner of the same epoch waits until the first has
 * finished and then finds its work done, so two runners never batch, sign or broadcast the same payouts. The lock
 * goes with the transaction: closing the connection, or losing it, releases it, and a pooled connection never keeps
 * it. The run needs a second connection for its own work, so the pool must hold at least two.
 */
final class EpochPayoutLock implements AutoCloseable {
    private final Connection c;

    private EpochPayoutLock(Connection c) {
        this.c = c;
    }

    /** Waits for and takes the payout lock of {@code epoch}. */
    static EpochPayoutLock hold(DataSource db, long epoch) throws SQLException {
        Connection c = db.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                ps.setLong(1, key(epoch));
                ps.execute();
            }
            return new EpochPayoutLock(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The lock key of an epoch's payout runs (distinct from the settlement job's and the ingester's keys). */
    static long key(long epoch) {
        return 0x5357_4348_0000_0000L ^ epoch;
    }

    /** Releases the lock (ends its transaction). */
    @Override
    public void close() throws SQLException {
        try {
            c.rollback();
        } finally {
            c.close();
        }
    }
}
