package io.skyx.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One payout run per epoch at a time, across threads and processes sharing the database: a transaction-scoped
 * PostgreSQL advisory lock on the epoch, taken in a transaction of its own (on a connection of its own) that stays
 * open for the whole run and is rolled back at the end. A second runner of the same epoch waits until the first has
 * finished and then finds its work done, so two runners never batch, sign or broadcast the same payouts. The lock
 * goes with the transaction: closing the connection, or losing it, releases it, and a pooled connection never keeps
 * it. A whole settlement run ({@link SettlementRunner}) first takes its own key of the epoch without waiting
 * ({@link #tryHoldRun}): a second run of the same epoch is told at once that one is already running instead of
 * queueing behind it. A run so holds two lock connections besides the one for its own work: the pool must hold at
 * least three.
 */
final class EpochPayoutLock implements AutoCloseable {
    private final Connection c;

    private EpochPayoutLock(Connection c) {
        this.c = c;
    }

    /** Waits for and takes the payout lock of {@code epoch}. */
    static EpochPayoutLock hold(DataSource db, long epoch) throws SQLException {
        return take(db, key(epoch), true);
    }

    /** Takes the settlement-run lock of {@code epoch} if it is free; null (at once) while another run holds it. */
    static EpochPayoutLock tryHoldRun(DataSource db, long epoch) throws SQLException {
        return take(db, runKey(epoch), false);
    }

    private static EpochPayoutLock take(DataSource db, long key, boolean wait) throws SQLException {
        Connection c = db.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(wait ? "select true from pg_advisory_xact_lock(?)"
                    : "select pg_try_advisory_xact_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return new EpochPayoutLock(c);
                    }
                }
            }
            c.rollback();
            c.close();
            return null;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The lock key of an epoch's payout runs (distinct from the settlement job's and the ingester's keys). */
    static long key(long epoch) {
        return 0x5357_4348_0000_0000L ^ epoch;
    }

    /** The lock key of an epoch's whole settlement runs (distinct from the payout, job and ingester keys). */
    static long runKey(long epoch) {
        return 0x5357_5255_0000_0000L ^ epoch;
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
