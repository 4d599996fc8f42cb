package io.skyx.api.settlement;

import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.custody.withdrawal.HotWallet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The {@code chain} payouts of a settled epoch (relays without a SkyX account, paid to the reward address of their
 * claim), as persisted named states so that nothing is paid twice (docs/skywire.md, Payouts step 3):
 * <ol>
 * <li>{@code pending} → {@code batched}: in one database transaction a {@code skywire_chain_batch} row (id
 * {@code "<epoch>:<n>"}, state {@code built}) takes up to {@code maxBatch} pending payouts in payout-key order.</li>
 * <li>{@code signed}: the hot wallet builds and signs one multi-output transaction (the amounts are already whole
 * 0.001 SKY; the hours in proportion, SkyTransactions); its raw bytes and txid are stored before anything is
 * broadcast. A short wallet leaves the batch {@code built}.</li>
 * <li>The ledger move {@code PaySettlementOnChain(SKY, total, key = batch id)} (SETTLEMENT_POOL → RESERVE), its
 * journal seq stored; a re-submission after a crash is answered with the original result.</li>
 * <li>{@code broadcast}: the stored raw transaction is handed to the node (idempotent), never rebuilt or
 * re-signed: a crash between signing and injecting re-injects the same transaction.</li>
 * <li>{@code confirmed} after {@code confirmations} blocks: each payout {@code done} with the txid.</li>
 * </ol>
 * A short wallet leaves the batch {@code built} with reason {@code WALLET_SHORT} (and what it needs and can spend):
 * nothing is signed or moved, and a later run signs it once the wallet is topped up. A transient broadcast error
 * (node down, timeout, any refusal while the inputs are not spent elsewhere) leaves it {@code signed} with reason
 * {@code NOT_SENT}, retried by every run. Only a transaction that can never confirm ({@link HotWallet#conflict}) is
 * undone ({@link ChainUndo}): its payouts go back to {@code pending} and are paid by a new batch in the same run.
 */
final class ChainPayouts {
    static final String WALLET_SHORT = "WALLET_SHORT";
    static final String NOT_SENT = "NOT_SENT";

    /** What one run did for an epoch. */
    record Result(int batched, int signed, int broadcast, int confirmed, int waiting, int undone) {
    }

    private final DataSource db;
    private final Function<Command, CommandResult> submit;
    private final int skyAssetId;
    private final HotWallet wallet;
    private final int maxBatch;
    private final int confirmations;
    private final ChainUndo undo;
    private final Runnable onUndone;

    ChainPayouts(DataSource db, Function<Command, CommandResult> submit, PoolFunding funding, int skyAssetId,
                 HotWallet wallet, int maxBatch, int confirmations) {
        this(db, submit, funding, skyAssetId, wallet, maxBatch, confirmations, () -> { });
    }

    ChainPayouts(DataSource db, Function<Command, CommandResult> submit, PoolFunding funding, int skyAssetId,
                 HotWallet wallet, int maxBatch, int confirmations, Runnable onUndone) {
        if (maxBatch < 1 || confirmations < 1) {
            throw new IllegalArgumentException("chain payouts: max batch and confirmations must be >= 1");
        }
        this.db = db;
        this.submit = submit;
        this.skyAssetId = skyAssetId;
        this.wallet = wallet;
        this.maxBatch = maxBatch;
        this.confirmations = confirmations;
        this.undo = new ChainUndo(db, submit, funding, skyAssetId, wallet);
        this.onUndone = onUndone;
    }

    /**
     * Moves every chain payout of {@code epoch} as far as it can go now; a no-op once all are confirmed. A batch
     * found refused is undone and its payouts batched again at once. Runs of one epoch take turns
     * ({@link EpochPayoutLock}): a second runner waits for the first and then finds its work done.
     */
    Result pay(long epoch) throws SQLException {
        EpochPayoutLock lock = EpochPayoutLock.hold(db, epoch);
        try {
            return payHeld(epoch);
        } finally {
            lock.close();
        }
    }

    private Result payHeld(long epoch) throws SQLException {
        int undone = 0;
        for (String id : batches(epoch, "refused")) {
            undo.finish(id);
            undone++;
        }
        Result r = advance(epoch);
        undone += r.undone();
        if (r.undone() > 0) {
            Result again = advance(epoch);
            r = new Result(r.batched() + again.batched(), r.signed() + again.signed(),
                    r.broadcast() + again.broadcast(), r.confirmed() + again.confirmed(), again.waiting(),
                    again.undone());
            undone += again.undone();
        }
        for (int i = 0; i < undone; i++) {
            onUndone.run();
        }
        return new Result(r.batched(), r.signed(), r.broadcast(), r.confirmed(), r.waiting(), undone);
    }

    private Result advance(long epoch) throws SQLException {
        int batched = 0;
        while (batchOne(epoch)) {
            batched++;
        }
        int signed = 0;
        int waiting = 0;
        for (String id : batches(epoch, "built")) {
            if (sign(id)) {
                signed++;
            } else {
                waiting++;
            }
        }
        int[] undone = new int[1];
        int broadcast = broadcastSigned(epoch, undone);
        int confirmed = confirm(epoch, undone);
        return new Result(batched, signed, broadcast, confirmed, waiting, undone[0]);
    }

    /**
     * Tries to broadcast every {@code signed} batch of {@code epoch} and marks the refused ones, and stops there
     * (the first undo step, the one a crash cuts); returns how many were marked.
     */
    int refuseOnly(long epoch) throws SQLException {
        int n = 0;
        for (String id : batches(epoch, "signed")) {
            try {
                wallet.broadcast(undo.raw(id));
            } catch (HotWallet.BroadcastException e) {
                n += undo.refuse(id) ? 1 : 0;
            }
        }
        return n;
    }

    /** The undo steps, for tests that cut them. */
    ChainUndo undo() {
        return undo;
    }

    /** Signs every {@code built} batch of {@code epoch} and stores it, and stops there (the step a crash cuts). */
    int signOnly(long epoch) throws SQLException {
        while (batchOne(epoch)) {
            continue;
        }
        int signed = 0;
        for (String id : batches(epoch, "built")) {
            signed += sign(id) ? 1 : 0;
        }
        return signed;
    }

    private boolean batchOne(long epoch) throws SQLException {
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

    private List<String> batches(long epoch, String state) throws SQLException {
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

    private boolean sign(String batchId) throws SQLException {
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
        HotWallet.Build b = wallet.buildAndSign(payments);
        if (b instanceof HotWallet.Short s) {
            waitForWallet(batchId, s);
            return false;
        }
        HotWallet.Signed signed = (HotWallet.Signed) b;
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
        return true;
    }

    private void waitForWallet(String batchId, HotWallet.Short s) throws SQLException {
        String text = "waiting for the hot wallet (" + WALLET_SHORT + "): can spend " + s.spendable() + " of "
                + s.needed() + " droplets" + (s.reason() == null ? "" : " (" + s.reason() + ")");
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement b = c.prepareStatement("update skywire_chain_batch set reason = ?, needed = ?,"
                    + " spendable = ?, last_error = ?, updated_at = now() where batch_id = ? and state = 'built'");
                 PreparedStatement p = c.prepareStatement("update skywire_payout set reason = ?, result = ?"
                         + " where batch_id = ? and state = 'batched'")) {
                b.setString(1, WALLET_SHORT);
                b.setLong(2, s.needed());
                b.setLong(3, s.spendable());
                b.setString(4, text);
                b.setString(5, batchId);
                b.executeUpdate();
                p.setString(1, WALLET_SHORT);
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

    private int broadcastSigned(long epoch, int[] undone) throws SQLException {
        record Signed(String id, long total, byte[] raw, boolean moved) {
        }
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
        int n = 0;
        for (Signed s : signed) {
            if (undo.refuse(s.id())) {
                undo.finish(s.id());
                undone[0]++;
                continue;
            }
            if (!s.moved()) {
                CommandResult r = submit.apply(new Command.PaySettlementOnChain(skyAssetId, s.total(), s.id()));
                if (!r.ok()) {
                    update("update skywire_chain_batch set last_error = ? where batch_id = ?",
                            "PaySettlementOnChain refused: " + r.code(), s.id());
                    continue;
                }
                try (Connection c = db.getConnection();
                     PreparedStatement ps = c.prepareStatement("update skywire_chain_batch set ledger_seq = ?"
                             + " where batch_id = ?")) {
                    ps.setLong(1, r.seq());
                    ps.setString(2, s.id());
                    ps.executeUpdate();
                }
            }
            wallet.adopt(s.raw());
            try {
                wallet.broadcast(s.raw());
            } catch (HotWallet.BroadcastException e) {
                if (undo.refuse(s.id())) {
                    undo.finish(s.id());
                    undone[0]++;
                } else {
                    update("update skywire_chain_batch set reason = '" + NOT_SENT + "', last_error = ?,"
                            + " updated_at = now() where batch_id = ?", "not sent yet, retried: " + e.getMessage(),
                            s.id());
                }
                continue;
            }
            update("update skywire_chain_batch set state = 'broadcast', last_error = null, reason = null,"
                    + " updated_at = now() where batch_id = ? and state = ?", s.id(), "signed");
            n++;
        }
        return n;
    }

    private int confirm(long epoch, int[] undone) throws SQLException {
        int n = 0;
        for (String id : batches(epoch, "broadcast")) {
            String txid = txid(id);
            int depth = wallet.confirmations(txid);
            if (depth < confirmations && undo.refuse(id)) {
                undo.finish(id);
                undone[0]++;
            } else if (depth >= confirmations) {
                try (Connection c = db.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement b = c.prepareStatement("update skywire_chain_batch set state = 'confirmed'"
                            + " where batch_id = ? and state = 'broadcast'");
                         PreparedStatement p = c.prepareStatement("update skywire_payout set state = 'done',"
                                 + " txid = ?, reason = null, result = cast(? as text) || case when undone > 0 then '; repaid after '"
                                 + " || undone || ' undone batch(es)' else '' end where batch_id = ?"
                                 + " and state = 'batched'")) {
                        b.setString(1, id);
                        b.executeUpdate();
                        p.setString(1, txid);
                        p.setString(2, "tx " + txid + " (batch " + id + ")");
                        p.setString(3, id);
                        p.executeUpdate();
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    }
                }
                n++;
            }
        }
        return n;
    }

    private String txid(String batchId) throws SQLException {
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
