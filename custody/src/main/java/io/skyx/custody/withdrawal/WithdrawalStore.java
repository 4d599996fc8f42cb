package io.skyx.custody.withdrawal;

import io.skyx.custody.platform.CustodyAsset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Table {@code custody_withdrawal} (V1_5_0). Every state change is a conditional update from an expected state, so
 * a repeated or concurrent step changes nothing.
 */
public final class WithdrawalStore {

    private static final String COLUMNS = "id, asset, user_id, request_id, destination, amount, fee, state, txid, "
            + "raw_tx, confirmations, error, created_at, updated_at";

    private final DataSource db;

    /** A store on this database. */
    public WithdrawalStore(DataSource db) {
        this.db = db;
    }

    /** Inserts a REQUESTED withdrawal, or returns the one with the same (user, request id). */
    public Withdrawal insertOrGet(CustodyAsset asset, long userId, String requestId, String destination, long amount,
                                  long fee) {
        String sql = "insert into custody_withdrawal (asset, user_id, request_id, destination, amount, fee, state) "
                + "values (?, ?, ?, ?, ?, ?, 'REQUESTED') on conflict (user_id, request_id) do nothing";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, asset.name());
            ps.setLong(2, userId);
            ps.setString(3, requestId);
            ps.setString(4, destination);
            ps.setLong(5, amount);
            ps.setLong(6, fee);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a withdrawal: " + e.getMessage(), e);
        }
        return find(userId, requestId).orElseThrow();
    }

    /** The withdrawal with this (user, request id). */
    public Optional<Withdrawal> find(long userId, String requestId) {
        List<Withdrawal> l = query("select " + COLUMNS + " from custody_withdrawal where user_id = ? and request_id = ?",
                userId, requestId);
        return l.stream().findFirst();
    }

    /** The withdrawal with this id. */
    public Optional<Withdrawal> get(long id) {
        return query("select " + COLUMNS + " from custody_withdrawal where id = ?", id).stream().findFirst();
    }

    /** The asset's withdrawals that still have a step to go, oldest first. */
    public List<Withdrawal> open(CustodyAsset asset) {
        return query("select " + COLUMNS + " from custody_withdrawal where asset = ? and state not in "
                + "('COMPLETED', 'REFUNDED') order by id", asset.name());
    }

    /** A user's withdrawals of an asset, newest first. */
    public List<Withdrawal> byUser(long userId, CustodyAsset asset, int limit) {
        return query("select " + COLUMNS + " from custody_withdrawal where user_id = ? and asset = ? "
                + "order by id desc limit ?", userId, asset.name(), limit);
    }

    /** Moves {@code id} from {@code from} to {@code to}; false if it was not in {@code from}. */
    public boolean move(long id, WithdrawalState from, WithdrawalState to, String error) {
        return update("update custody_withdrawal set state = ?, error = ?, updated_at = now() where id = ? and state = ?",
                to.name(), error, id, from.name()) == 1;
    }

    /** Stores the signed transaction and moves {@code id} from {@code from} to SIGNED. */
    public boolean signed(long id, WithdrawalState from, String txid, byte[] raw) {
        return update("update custody_withdrawal set state = 'SIGNED', txid = ?, raw_tx = ?, error = null, "
                + "updated_at = now() where id = ? and state = ?", txid, raw, id, from.name()) == 1;
    }

    /**
     * Stores one signed transaction for every withdrawal of a batch and moves each from its state as read to SIGNED,
     * all or none (false, nothing changed, when one of them was no longer in that state).
     */
    public boolean signedBatch(List<Withdrawal> batch, String txid, byte[] raw) {
        String sql = "update custody_withdrawal set state = 'SIGNED', txid = ?, raw_tx = ?, error = null, "
                + "updated_at = now() where id = ? and state = ?";
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Withdrawal w : batch) {
                    bind(ps, txid, raw, w.id(), w.state().name());
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("storing a signed batch: " + e.getMessage(), e);
        }
    }

    /** Records the confirmations seen (or an error) without changing the state. */
    public void note(long id, int confirmations, String error) {
        update("update custody_withdrawal set confirmations = ?, error = ?, updated_at = now() where id = ?",
                confirmations, error, id);
    }

    /** Deletes a REQUESTED withdrawal that the ledger refused to reserve (nothing moved, nothing stays). */
    public boolean deleteRequested(long id) {
        return update("delete from custody_withdrawal where id = ? and state = 'REQUESTED'", id) == 1;
    }

    /** The txids of every signed withdrawal of the asset (a batch's once). */
    public java.util.Set<String> txids(CustodyAsset asset) {
        String sql = "select distinct txid from custody_withdrawal where asset = ? and txid is not null";
        java.util.Set<String> out = new java.util.HashSet<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, asset.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading withdrawal txids: " + e.getMessage(), e);
        }
    }

    /** How many of the asset's withdrawals are in {@code state}. */
    public int count(CustodyAsset asset, WithdrawalState state) {
        String sql = "select count(*) from custody_withdrawal where asset = ? and state = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, asset.name());
            ps.setString(2, state.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting withdrawals: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating a withdrawal: " + e.getMessage(), e);
        }
    }

    private List<Withdrawal> query(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<Withdrawal> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Withdrawal(rs.getLong(1), CustodyAsset.valueOf(rs.getString(2)), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                            WithdrawalState.valueOf(rs.getString(8)), rs.getString(9), rs.getBytes(10), rs.getInt(11),
                            rs.getString(12), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading withdrawals: " + e.getMessage(), e);
        }
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
