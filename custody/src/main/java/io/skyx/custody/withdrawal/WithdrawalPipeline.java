package io.skyx.custody.withdrawal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.custody.CustodyException;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.Ledger;
import io.skyx.custody.platform.LedgerCommand;
import io.skyx.custody.platform.LedgerReply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The withdrawal pipeline of one asset: REQUESTED → (ReserveWithdrawal) RESERVED → [WAITING_FUNDS] → SIGNED →
 * BROADCAST → (N confirmations, CompleteWithdrawal) COMPLETED, or (conflict confirmed, RefundWithdrawal) REFUNDED.
 * Each step is persisted before the next; each ledger command has its idempotency key; a stored signed transaction
 * is the only one ever broadcast for its withdrawal, so a restart between sign and broadcast rebroadcasts it.
 * {@link #step()} runs on one thread; {@link #request} may run on any.
 */
public final class WithdrawalPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(WithdrawalPipeline.class);
    private static final Duration REBROADCAST = Duration.ofSeconds(30);

    /**
     * @param fee           the flat network fee per withdrawal, paid by the user on top of the amount, when the
     *                      caller charges no quote of its own (see {@link WithdrawalPipeline#request(long, String,
     *                      String, long, long)})
     * @param minimum       the smallest amount a destination may receive
     * @param confirmations how deep the transaction must be before CompleteWithdrawal
     * @param batchInterval zero: one transaction per withdrawal, signed at once; positive: once the oldest has
     *                      waited this long, the waiting withdrawals go out in one multi-output transaction, and the
     *                      next batch is signed only once the previous one completed (the fee must then be 0: the network fee is not
     *                      paid in the coin)
     * @param maxBatch      the most withdrawals in one batch
     */
    public record Policy(long fee, long minimum, int confirmations, Duration batchInterval, int maxBatch) {
        /** Checks the bounds. */
        public Policy {
            if (fee < 0 || minimum <= 0 || confirmations < 1 || batchInterval.isNegative() || maxBatch < 1) {
                throw new IllegalArgumentException("bad withdrawal policy " + fee + "/" + minimum + "/" + confirmations
                        + "/" + batchInterval + "/" + maxBatch);
            }
            if (!batchInterval.isZero() && fee != 0) {
                throw new IllegalArgumentException("a batching pipeline charges no fee in the coin: " + fee);
            }
        }

        /** One transaction per withdrawal. */
        public Policy(long fee, long minimum, int confirmations) {
            this(fee, minimum, confirmations, Duration.ZERO, 1);
        }

        /** Whether withdrawals are batched. */
        public boolean batched() {
            return !batchInterval.isZero();
        }
    }

    private final CustodyAsset asset;
    private final WithdrawalStore store;
    private final Ledger ledger;
    private final HotWallet wallet;
    private final Policy policy;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong shortfall = new AtomicLong();
    private final Counter completed;
    private final Counter refunded;

    /** A pipeline; its gauges are {@code custody.withdrawals.waiting_funds} and {@code custody.hot_wallet.shortfall}. */
    public WithdrawalPipeline(CustodyAsset asset, WithdrawalStore store, Ledger ledger, HotWallet wallet, Policy policy,
                              MeterRegistry meters) {
        this.asset = asset;
        this.store = store;
        this.ledger = ledger;
        this.wallet = wallet;
        this.policy = policy;
        Gauge.builder("custody.withdrawals.waiting_funds", waiting, AtomicLong::get).tag("asset", asset.name())
                .description("withdrawals waiting because the hot wallet is too low").register(meters);
        Gauge.builder("custody.hot_wallet.shortfall", shortfall, AtomicLong::get).tag("asset", asset.name())
                .description("what the hot wallet lacks for the oldest waiting withdrawal (smallest unit)")
                .register(meters);
        completed = Counter.builder("custody.withdrawals.completed").tag("asset", asset.name()).register(meters);
        refunded = Counter.builder("custody.withdrawals.refunded").tag("asset", asset.name()).register(meters);
    }

    /** The refusal of a request whose {@code maxFee} is below the fee a withdrawal is charged now. */
    public static CustodyException feeChanged(CustodyAsset asset, long fee, long maxFee) {
        return new CustodyException("FEE_CHANGED", "the " + asset + " withdrawal fee is now " + fee
                + " units, above the " + maxFee + " the request allows: read the fee again and confirm", "maxFee");
    }

    /** The policy in force. */
    public Policy policy() {
        return policy;
    }

    /**
     * Stores a withdrawal of a validated destination and reserves amount + fee in the ledger. A repeated
     * (user, request id) returns the stored withdrawal and changes nothing.
     *
     * @throws CustodyException BELOW_MINIMUM or INSUFFICIENT_FUNDS (then nothing is stored and nothing moved)
     */
    public Withdrawal request(long userId, String requestId, String destination, long amount) {
        return request(userId, requestId, destination, amount, policy.fee());
    }

    /**
     * As {@link #request(long, String, String, long)}, charging {@code fee} (the asset's current quote) instead of
     * the policy's flat fee; a repeated request keeps the fee it was first charged.
     */
    public Withdrawal request(long userId, String requestId, String destination, long amount, long fee) {
        return request(userId, requestId, destination, amount, fee, null);
    }

    /**
     * As {@link #request(long, String, String, long, long)}, refused when {@code fee} is above {@code maxFee} (the
     * fee the user saw; null: any). A repeated request returns the stored withdrawal whatever the quote is now.
     *
     * @throws CustodyException FEE_CHANGED (nothing stored, nothing moved), or as the other overloads
     */
    public Withdrawal request(long userId, String requestId, String destination, long amount, long fee, Long maxFee) {
        if (maxFee != null && fee > maxFee && store.find(userId, requestId).isEmpty()) {
            throw feeChanged(asset, fee, maxFee);
        }
        if (fee < 0 || (policy.batched() && fee != 0)) {
            throw new IllegalArgumentException("bad withdrawal fee " + fee);
        }
        if (amount < policy.minimum()) {
            throw new CustodyException("BELOW_MINIMUM", "the smallest " + asset + " withdrawal is "
                    + policy.minimum() + " units, asked " + amount, "amount");
        }
        if (amount > Long.MAX_VALUE - fee) {
            throw new CustodyException("INVALID_AMOUNT", "amount out of range", "amount");
        }
        Withdrawal w = store.insertOrGet(asset, userId, requestId, destination, amount, fee);
        if (w.amount() != amount || !w.destination().equals(destination)) {
            throw new CustodyException("DUPLICATE_REQUEST", "request id " + requestId
                    + " was already used for another withdrawal", "requestId");
        }
        if (w.state() == WithdrawalState.REQUESTED) {
            LedgerReply r = reserve(w);
            if (!r.ok()) {
                throw new CustodyException(r.code(), "INSUFFICIENT_FUNDS".equals(r.code())
                        ? "the available " + asset + " balance does not cover " + amount + " + fee " + w.fee()
                        : "the ledger refused the withdrawal: " + r.code(), "amount");
            }
        }
        return store.get(w.id()).orElseThrow();
    }

    /** After a restart: gives the wallet back every stored signed transaction. Call before the first {@link #step}. */
    public synchronized void recover() {
        for (Withdrawal w : store.open(asset)) {
            if (w.rawTx() != null && (w.state() == WithdrawalState.SIGNED || w.state() == WithdrawalState.BROADCAST)) {
                wallet.adopt(w.rawTx());
            }
        }
    }

    /** Advances every open withdrawal by as many steps as it can go now. */
    public synchronized void step() {
        long waitingNow = 0;
        long shortNow = 0;
        if (policy.batched()) {
            signBatch(store.open(asset));
        }
        for (Withdrawal w : store.open(asset)) {
            try {
                Withdrawal after = advance(w);
                if (after != null && after.state() == WithdrawalState.WAITING_FUNDS) {
                    waitingNow++;
                    if (shortNow == 0) {
                        shortNow = Math.max(0, after.debit() - wallet.spendable());
                    }
                }
            } catch (RuntimeException e) {
                Withdrawal now = store.get(w.id()).orElse(w);
                LOG.warn("{} withdrawal {} stays {}: {}", asset, w.id(), now.state(), e.toString());
                store.note(w.id(), now.confirmations(), e.getMessage());
            }
        }
        waiting.set(waitingNow);
        shortfall.set(shortNow);
    }

    private Withdrawal advance(Withdrawal w) {
        Withdrawal cur = w;
        for (int guard = 0; guard < 6 && cur != null && !cur.state().terminal(); guard++) {
            Withdrawal next = once(cur);
            if (next == null || next.state() == cur.state()) {
                return next;
            }
            cur = next;
        }
        return cur;
    }

    private Withdrawal once(Withdrawal w) {
        switch (w.state()) {
            case REQUESTED -> reserve(w);
            case RESERVED, WAITING_FUNDS -> {
                if (policy.batched()) {
                    return w;
                }
                sign(w);
            }
            case SIGNED -> broadcast(w);
            case BROADCAST -> confirm(w);
            default -> {
                return w;
            }
        }
        return store.get(w.id()).orElse(null);
    }

    private LedgerReply reserve(Withdrawal w) {
        LedgerReply r = submit(new LedgerCommand.ReserveWithdrawal(w.id(), w.userId(), asset, w.debit()));
        if (r.ok()) {
            store.move(w.id(), WithdrawalState.REQUESTED, WithdrawalState.RESERVED, null);
        } else {
            LOG.info("{} withdrawal {} refused by the ledger: {}", asset, w.id(), r.code());
            store.deleteRequested(w.id());
        }
        return r;
    }

    /**
     * Batched mode: once the oldest waiting withdrawal is one interval old and no earlier batch is still open, signs
     * one transaction paying every waiting withdrawal (oldest first, at most {@code maxBatch}); when the wallet is short, the oldest ones
     * it can cover go now and the others wait (WAITING_FUNDS).
     */
    private void signBatch(List<Withdrawal> open) {
        if (open.stream().anyMatch(w -> w.state() == WithdrawalState.SIGNED || w.state() == WithdrawalState.BROADCAST)) {
            return;
        }
        List<Withdrawal> ready = open.stream().filter(w -> w.state() == WithdrawalState.RESERVED
                || w.state() == WithdrawalState.WAITING_FUNDS).limit(policy.maxBatch()).toList();
        if (ready.isEmpty() || ready.get(0).createdAt().plus(policy.batchInterval()).isAfter(Instant.now())) {
            return;
        }
        HotWallet.Build b = wallet.buildAndSign(payments(ready));
        List<Withdrawal> going = ready;
        if (b instanceof HotWallet.Short s && s.reason() == null) {
            going = new ArrayList<>();
            long sum = 0;
            for (Withdrawal w : ready) {
                if (sum + w.amount() <= s.spendable()) {
                    going.add(w);
                    sum += w.amount();
                }
            }
            if (!going.isEmpty()) {
                b = wallet.buildAndSign(payments(going));
            }
        }
        if (b instanceof HotWallet.Signed s) {
            if (store.signedBatch(going, s.txid(), s.raw())) {
                CrashPoint.after(WithdrawalState.SIGNED);
                wallet.adopt(s.raw());
                LOG.info("{} batch of {} withdrawal(s) signed: {}", asset, going.size(), s.txid());
            }
        }
        Set<Long> sent = b instanceof HotWallet.Signed ? going.stream().map(Withdrawal::id).collect(Collectors.toSet())
                : Set.of();
        List<Withdrawal> left = ready.stream().filter(w -> !sent.contains(w.id())).toList();
        HotWallet.Short shortOf = b instanceof HotWallet.Short s ? s : null;
        for (Withdrawal w : left) {
            waitForFunds(w, shortOf != null ? shortOf : new HotWallet.Short(wallet.spendable(), w.amount()));
        }
    }

    private static List<HotWallet.Payment> payments(List<Withdrawal> ws) {
        return ws.stream().map(w -> new HotWallet.Payment(w.destination(), w.amount())).toList();
    }

    private void waitForFunds(Withdrawal w, HotWallet.Short s) {
        String msg = "hot wallet too low: spendable " + s.spendable() + ", needed " + s.needed()
                + (s.reason() == null ? "" : " (" + s.reason() + ")");
        if (w.state() == WithdrawalState.RESERVED) {
            store.move(w.id(), WithdrawalState.RESERVED, WithdrawalState.WAITING_FUNDS, msg);
            LOG.warn("{} withdrawal {}: {}", asset, w.id(), msg);
        } else {
            store.note(w.id(), 0, msg);
        }
    }

    private void sign(Withdrawal w) {
        HotWallet.Build b = wallet.buildAndSign(w.destination(), w.amount(), w.fee());
        if (b instanceof HotWallet.Signed s) {
            if (store.signed(w.id(), w.state(), s.txid(), s.raw())) {
                CrashPoint.after(WithdrawalState.SIGNED);
                wallet.adopt(s.raw());
                LOG.info("{} withdrawal {} signed: {}", asset, w.id(), s.txid());
            }
        } else if (b instanceof HotWallet.Short s) {
            waitForFunds(w, s);
        }
    }

    private void broadcast(Withdrawal w) {
        try {
            wallet.broadcast(w.rawTx());
            if (store.move(w.id(), WithdrawalState.SIGNED, WithdrawalState.BROADCAST, null)) {
                CrashPoint.after(WithdrawalState.BROADCAST);
            }
            LOG.info("{} withdrawal {} broadcast: {}", asset, w.id(), w.txid());
        } catch (HotWallet.BroadcastException e) {
            if (e.definite() && wallet.confirmations(w.txid()) < 0) {
                refund(w, WithdrawalState.SIGNED, "refused by the network: " + e.getMessage());
            } else {
                store.note(w.id(), 0, "broadcast failed, retrying: " + e.getMessage());
            }
        }
    }

    private void confirm(Withdrawal w) {
        int c = wallet.confirmations(w.txid());
        if (c < 0) {
            refund(w, WithdrawalState.BROADCAST, "a conflicting transaction was confirmed");
        } else if (c >= policy.confirmations()) {
            LedgerReply r = submit(new LedgerCommand.CompleteWithdrawal(w.id()));
            if (!r.ok()) {
                throw new IllegalStateException("ledger refused CompleteWithdrawal " + w.id() + ": " + r.code());
            }
            store.note(w.id(), c, null);
            if (store.move(w.id(), WithdrawalState.BROADCAST, WithdrawalState.COMPLETED, null)) {
                completed.increment();
            }
        } else {
            if (c == 0 && w.updatedAt() != null && w.updatedAt().isBefore(Instant.now().minus(REBROADCAST))) {
                try {
                    wallet.broadcast(w.rawTx());
                } catch (HotWallet.BroadcastException e) {
                    LOG.warn("{} withdrawal {} rebroadcast refused: {}", asset, w.id(), e.getMessage());
                }
                store.note(w.id(), c, null);
            } else if (c != w.confirmations()) {
                store.note(w.id(), c, null);
            }
        }
    }

    private void refund(Withdrawal w, WithdrawalState from, String why) {
        LedgerReply r = submit(new LedgerCommand.RefundWithdrawal(w.id()));
        if (!r.ok()) {
            throw new IllegalStateException("ledger refused RefundWithdrawal " + w.id() + ": " + r.code());
        }
        if (store.move(w.id(), from, WithdrawalState.REFUNDED, why)) {
            refunded.increment();
            LOG.warn("{} withdrawal {} refunded: {}", asset, w.id(), why);
        }
    }

    private LedgerReply submit(LedgerCommand c) {
        try {
            return ledger.submit(c).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted submitting " + c.key(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ledger did not answer " + c.key() + ": " + e, e);
        }
    }
}
