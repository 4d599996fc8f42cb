package io.skyx.api.settlement;

import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.custody.withdrawal.HotWallet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Undoes an on-chain payout batch whose transaction can never confirm ({@link HotWallet#conflict}: an input spent
 * by another confirmed transaction), in three persisted steps, each keyed or guarded by the batch state so that a
 * crash between any two resumes to the same end (docs/skywire.md, "Undoing a refused batch"):
 * <ol>
 * <li>{@link #refuse}: {@code signed}/{@code broadcast} → {@code refused} with reason {@code INPUTS_SPENT}, checked
 * against the chain again first. Nothing broadcasts or confirms a {@code refused} batch any more.</li>
 * <li>{@link #reverse}: the ledger move back. {@code PaySettlementOnChain(key = batch id)} is submitted again (the
 * sequencer answers a done one with its original result, so this learns whether it was moved, and moves it if a
 * crash cut it before the broadcast), then {@code FundSettlementPool(SKY, total, key "undo:<batch id>")}
 * (RESERVE → SETTLEMENT_POOL, through {@link PoolFunding#restoreUndone}, which says why it is not checked against
 * the proven surplus) reverses it, its seq stored in {@code undo_seq}.</li>
 * <li>{@link #release}: in one transaction the batch's payouts are recorded in {@code skywire_chain_undo}, go back
 * to {@code pending} (reason {@code INPUTS_SPENT}, {@code undone} + 1, no batch) and the batch becomes
 * {@code undone}; then the wallet forgets the transaction so its other inputs are spendable again.</li>
 * </ol>
 * The payouts are then batched again under a new batch id by the same or the next run.
 */
final class ChainUndo {
    static final String INPUTS_SPENT = "INPUTS_SPENT";

    private final DataSource db;
    private final Function<Command, CommandResult> submit;
    private final int skyAssetId;
    private final HotWallet wallet;
    private final PoolFunding funding;

    ChainUndo(DataSource db, Function<Command, CommandResult> submit, PoolFunding funding, int skyAssetId,
              HotWallet wallet) {
        this.db = db;
        this.submit = submit;
        this.funding = funding;
        this.skyAssetId = skyAssetId;
        this.wallet = wallet;
    }

    /** Step 1: marks the batch refused if its stored transaction can never confirm; false if it still can. */
    boolean refuse(String batchId) throws SQLException {
        byte[] raw = raw(batchId);
        Optional<String> why = raw == null ? Optional.empty() : wallet.conflict(raw);
        if (why.isEmpty()) {
            return false;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update skywire_chain_batch set state = 'refused',"
                     + " reason = ?, last_error = ?, updated_at = now() where batch_id = ?"
                     + " and state in ('signed', 'broadcast')")) {
            ps.setString(1, INPUTS_SPENT);
            ps.setString(2, "refused by the network: " + why.get());
            ps.setString(3, batchId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Steps 2 and 3 for a {@code refused} batch; a no-op for any other. */
    void finish(String batchId) throws SQLException {
        if (reverse(batchId)) {
            release(batchId);
        }
    }

    /** Step 2: the keyed ledger reversal of a {@code refused} batch; false if the batch is not refused. */
    boolean reverse(String batchId) throws SQLException {
        long total;
        boolean reversed;
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select total, undo_seq from skywire_chain_batch"
                     + " where batch_id = ? and state = 'refused'")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                total = rs.getLong(1);
                rs.getLong(2);
                reversed = !rs.wasNull();
            }
        }
        if (reversed) {
            return true;
        }
        CommandResult moved = submit.apply(new Command.PaySettlementOnChain(skyAssetId, total, batchId));
        long undoSeq = 0;
        if (moved.ok()) {
            CommandResult back = funding.restoreUndone(skyAssetId, total, batchId);
            if (!back.ok()) {
                throw new IllegalStateException("undo of batch " + batchId + ": FundSettlementPool refused: "
                        + back.code());
            }
            undoSeq = back.seq();
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update skywire_chain_batch set undo_seq = ?,"
                     + " ledger_seq = coalesce(ledger_seq, ?), updated_at = now() where batch_id = ?"
                     + " and state = 'refused'")) {
            ps.setLong(1, undoSeq);
            if (moved.ok()) {
                ps.setLong(2, moved.seq());
            } else {
                ps.setNull(2, java.sql.Types.BIGINT);
            }
            ps.setString(3, batchId);
            ps.executeUpdate();
        }
        return true;
    }

    /** Step 3: the batch's payouts pending again, the batch undone, the transaction released by the wallet. */
    void release(String batchId) throws SQLException {
        byte[] raw;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                String detail;
                try (PreparedStatement ps = c.prepareStatement("select raw, last_error from skywire_chain_batch"
                        + " where batch_id = ? and state = 'refused' and undo_seq is not null for update")) {
                    ps.setString(1, batchId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return;
                        }
                        raw = rs.getBytes(1);
                        detail = rs.getString(2);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into skywire_chain_undo (batch_id,"
                        + " payout_key, reason) select batch_id, payout_key, ? from skywire_payout"
                        + " where batch_id = ? and state = 'batched' on conflict do nothing")) {
                    ps.setString(1, INPUTS_SPENT);
                    ps.setString(2, batchId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update skywire_payout set state = 'pending',"
                        + " batch_id = null, undone = undone + 1, reason = ?, result = ? where batch_id = ?"
                        + " and state = 'batched'")) {
                    ps.setString(1, INPUTS_SPENT);
                    ps.setString(2, "batch " + batchId + " undone (" + INPUTS_SPENT + ": " + detail
                            + "); pending again for a new batch");
                    ps.setString(3, batchId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update skywire_chain_batch set state = 'undone',"
                        + " updated_at = now() where batch_id = ? and state = 'refused'")) {
                    ps.setString(1, batchId);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        wallet.release(raw);
    }

    /** The stored raw transaction of a batch, or null. */
    byte[] raw(String batchId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select raw from skywire_chain_batch where batch_id = ?")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }
}
