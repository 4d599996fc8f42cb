package io.skyx.api.settlement;

import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.custody.withdrawal.HotWallet;
import java.sql.SQLException;
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
 * Each state change is one transaction of {@link ChainBatchStore}; this class decides which step comes next.
 */
final class ChainPayouts {
    static final String WALLET_SHORT = "WALLET_SHORT";
    static final String NOT_SENT = "NOT_SENT";

    /** What one run did for an epoch. */
    record Result(int batched, int signed, int broadcast, int confirmed, int waiting, int undone) {
    }

    private final DataSource db;
    private final ChainBatchStore store;
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
        this.store = new ChainBatchStore(db);
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
        for (String id : store.batches(epoch, "refused")) {
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
        while (store.batchOne(epoch, maxBatch)) {
            batched++;
        }
        int signed = 0;
        int waiting = 0;
        for (String id : store.batches(epoch, "built")) {
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
        for (String id : store.batches(epoch, "signed")) {
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
        while (store.batchOne(epoch, maxBatch)) {
            continue;
        }
        int signed = 0;
        for (String id : store.batches(epoch, "built")) {
            signed += sign(id) ? 1 : 0;
        }
        return signed;
    }

    private boolean sign(String batchId) throws SQLException {
        HotWallet.Build b = wallet.buildAndSign(store.payments(batchId));
        if (b instanceof HotWallet.Short s) {
            store.waitForWallet(batchId, s);
            return false;
        }
        store.signed(batchId, (HotWallet.Signed) b);
        return true;
    }

    private int broadcastSigned(long epoch, int[] undone) throws SQLException {
        int n = 0;
        for (ChainBatchStore.Signed s : store.signed(epoch)) {
            if (undo.refuse(s.id())) {
                undo.finish(s.id());
                undone[0]++;
                continue;
            }
            if (!s.moved()) {
                CommandResult r = submit.apply(new Command.PaySettlementOnChain(skyAssetId, s.total(), s.id()));
                if (!r.ok()) {
                    store.lastError(s.id(), "PaySettlementOnChain refused: " + r.code());
                    continue;
                }
                store.moved(s.id(), r.seq());
            }
            wallet.adopt(s.raw());
            try {
                wallet.broadcast(s.raw());
            } catch (HotWallet.BroadcastException e) {
                if (undo.refuse(s.id())) {
                    undo.finish(s.id());
                    undone[0]++;
                } else {
                    store.notSent(s.id(), "not sent yet, retried: " + e.getMessage());
                }
                continue;
            }
            store.broadcast(s.id());
            n++;
        }
        return n;
    }

    private int confirm(long epoch, int[] undone) throws SQLException {
        int n = 0;
        for (String id : store.batches(epoch, "broadcast")) {
            String txid = store.txid(id);
            int depth = wallet.confirmations(txid);
            if (depth < confirmations && undo.refuse(id)) {
                undo.finish(id);
                undone[0]++;
            } else if (depth >= confirmations) {
                store.confirmed(id, txid);
                n++;
            }
        }
        return n;
    }
}
