package io.skyx.api.settlement;

import io.skyx.custody.withdrawal.HotWallet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The persisted states of an epoch's on-chain payout batches ({@code skywire_chain_batch} and the payouts they
 * take): each step {@link ChainPayouts} moves a batch through is one database transaction here, guarded by the
 * state it leaves, so a step repeated after a crash changes nothing.
 */
final class ChainBatchStore {
    /** A {@code signed} batch: its total, stored raw transaction and whether its ledger move is made. */
    record Signed(String id, long total, byte[] raw, boolean moved) {
    }

    private final DataSource db;

    ChainBatchStore(DataSource db) {
        this.db = db;
    }

    /** Takes up to {@code maxBatch} pending payouts of {@code epoch} into a new {@code built} batch. */
    boolean batchOne(long epoch, int maxBatch) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> keys = new ArrayList<>();
                long total = 0;
                try (PreparedStatement ps = c.prepareStatement("select payout_key, amount from skywire_payout"
                        + " where epoch = ? and method = 'chain' and state = 'pending' order by payout_key"
                        + " limit ? for update")) {
                    ps.setLong(1, epoch);
                    ps.setInt(2, maxBatch);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            keys.add(rs.getString(1));
                            total = Math.addExact(total, rs.getLong(2));
                        }
                    }
                }
                if (keys.isEmpty()) {
                    c.rollback();
                    return false;
                }
                String id;
                try (PreparedStatement ps = c.prepareStatement("select count(*) from skywire_chain_batch"
                        + " where epoch = ?")) {
                    ps.setLong(1, epoch);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = epoch + ":" + rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into skywire_chain_batch (batch_id, epoch,"
                        + " total, payouts) values (?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setLong(2, epoch);
                    ps.setLong(3, total);
                    ps.setInt(4, keys.size());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update skywire_payout set state = 'batched',"
                        + " batch_id = ? where payout_key = ?")) {
                    for (String k : keys) {
                        ps.setString(1, id);
                        ps.setString(2, k);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The batches of {@code epoch} in {@code state}, oldest first. */
    List<String> batches(long epoch, String state) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select batch_id from skywire_chain_batch where epoch = ?"
                     + " and state = ? order by created_at, batch_id")) {
            ps.setLong(1, epoch);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** What a batch pays, in payout-key order. */
    List<HotWallet.Payment> payments(String batchId) throws SQLException {
        List<HotWallet.Payment> payments = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select reward_address, amount from skywire_payout"
                     + " where batch_id = ? order by payout_key")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payments.add(new HotWallet.Payment(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return payments;
    }

    /** {@code built} → {@code signed} with its transaction, stored before anything is broadcast. */
    void signed(String batchId, HotWallet.Signed signed) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update skywire_chain_batch set state = 'signed', txid = ?,"
                     + " raw = ?, last_error = null, reason = null, needed = null, spendable = null,"
                     + " updated_at = now() where batch_id = ? and state = 'built'")) {
            ps.setString(1, signed.txid());
            ps.setBytes(2, signed.raw());
            ps.setString(3, batchId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("batch " + batchId + " was signed concurrently");
            }
        }
    }

    /** A {@code built} batch and its payouts marked {@link ChainPayouts#WALLET_SHORT} with what the wallet has. */
    void waitForWallet(String batchId, HotWallet.Short s) throws SQLException {
        String text = "waiting for the hot wallet (" + ChainPayouts.WALLET_SHORT + "): can spend " + s.spendable()
                + " of " + s.needed() + " droplets" + (s.reason() == null ? "" : " (" + s.reason() + ")");
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement b = c.prepareStatement("update skywire_chain_batch set reason = ?, needed = ?,"
                    + " spendable = ?, last_error = ?, updated_at = now() where batch_id = ? and state = 'built'");
                 PreparedStatement p = c.prepareStatement("update skywire_payout set reason = ?, result = ?"
                         + " where batch_id = ? and state = 'batched'")) {
                b.setString(1, ChainPayouts.WALLET_SHORT);
                b.setLong(2, s.needed());
                b.setLong(3, s.spendable());
                b.setString(4, text);
                b.setString(5, batchId);
                b.executeUpdate();
                p.setString(1, ChainPayouts.WALLET_SHORT);
                p.setString(2, text);
                p.setString(3, batchId);
                p.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The {@code signed} batches of {@code epoch}, by batch id. */
    List<Signed> signed(long epoch) throws SQLException {
        List<Signed> signed = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select batch_id, total, raw, ledger_seq from"
                     + " skywire_chain_batch where epoch = ? and state = 'signed' order by batch_id")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    signed.add(new Signed(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getObject(4) != null));
                }
            }
        }
        return signed;
    }

    /** The journal seq of a batch's ledger move. */
    void moved(String batchId, long seq) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update skywire_chain_batch set ledger_seq = ?"
                     + " where batch_id = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, batchId);
            ps.executeUpdate();
        }
    }

    /** A batch's last error, its state unchanged. */
    void lastError(String batchId, String error) throws SQLException {
        update("update skywire_chain_batch set last_error = ? where batch_id = ?", error, batchId);
    }

    /** A {@code signed} batch not handed to the node yet ({@link ChainPayouts#NOT_SENT}), retried by every run. */
    void notSent(String batchId, String error) throws SQLException {
        update("update skywire_chain_batch set reason = '" + ChainPayouts.NOT_SENT + "', last_error = ?,"
                + " updated_at = now() where batch_id = ?", error, batchId);
    }

    /** {@code signed} → {@code broadcast}. */
    void broadcast(String batchId) throws SQLException {
        update("update skywire_chain_batch set state = 'broadcast', last_error = null, reason = null,"
                + " updated_at = now() where batch_id = ? and state = ?", batchId, "signed");
    }

    /** {@code broadcast} → {@code confirmed}, and each of its payouts {@code done} with the txid. */
    void confirmed(String batchId, String txid) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement b = c.prepareStatement("update skywire_chain_batch set state = 'confirmed'"
                    + " where batch_id = ? and state = 'broadcast'");
                 PreparedStatement p = c.prepareStatement("update skywire_payout set state = 'done',"
                         + " txid = ?, reason = null, result = cast(? as text) || case when undone > 0 then"
                         + " '; repaid after ' || undone || ' undone batch(es)' else '' end where batch_id = ?"
                         + " and state = 'batched'")) {
                b.setString(1, batchId);
                b.executeUpdate();
                p.setString(1, txid);
                p.setString(2, "tx " + txid + " (batch " + batchId + ")");
                p.setString(3, batchId);
                p.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The txid of a signed batch. */
    String txid(String batchId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select txid from skywire_chain_batch where batch_id = ?")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void update(String sql, String a, String b) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a);
            ps.setString(2, b);
            ps.executeUpdate();
        }
    }
}
