package io.skyx.custody.cold;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.withdrawal.HotWallet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot → cold sweeps of one asset and the chain steps of every cold transfer (sweeps and signed top-ups): a sweep
 * sends the hot wallet's excess over its target to the next cold address as an ordinary hot-wallet transaction.
 * The signed transaction is stored before it is sent (SIGNED), so a restart rebroadcasts that one and never signs a
 * second; a repeated request id returns the stored sweep. A sweep moves the platform's own coins between its own
 * addresses: no ledger command, the reserve account is unchanged. Call {@link #sweep} and {@link #step} on the
 * asset's custody thread (they pick coins the withdrawal pipeline also picks).
 */
public final class Sweeper {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    private static final Duration REBROADCAST = Duration.ofSeconds(30);

    /** What a sweep request did: SENT (a new sweep), REPEATED (the stored one), NOTHING (inside the band). */
    public record Report(String outcome, ColdTransfer transfer, long hotBalance, long target, long sweepAbove,
                         String reason) {
    }

    /** The operator's view of one asset. */
    public record View(CustodyAsset asset, long hot, long cold, HotTarget target, boolean low,
                       List<String> coldAddresses, List<ColdTransfer> latest) {
    }

    private final CustodyAsset asset;
    private final ColdTransferStore store;
    private final HotWallet hot;
    private final ColdSide cold;
    private final ColdSide.Payer payer;
    private final HotTarget target;
    private final int confirmations;
    private final AtomicLong low = new AtomicLong();

    /**
     * @param confirmations how deep a transfer must be to be CONFIRMED; gauge {@code custody.hot_wallet.low} is 1
     *                      while the hot wallet is below the target's alarm line
     */
    public Sweeper(CustodyAsset asset, ColdTransferStore store, HotWallet hot, ColdSide cold, ColdSide.Payer payer,
                   HotTarget target, int confirmations, MeterRegistry meters) {
        this.asset = asset;
        this.store = store;
        this.hot = hot;
        this.cold = cold;
        this.payer = payer;
        this.target = target;
        this.confirmations = confirmations;
        Gauge.builder("custody.hot_wallet.low", low, AtomicLong::get).tag("asset", asset.name())
                .description("1 while the hot wallet holds less than its top-up line (target x alarm-below)")
                .register(meters);
    }

    /** The target and band. */
    public HotTarget target() {
        return target;
    }

    /** Sweeps the excess now (a repeated {@code requestId} returns the stored sweep and sends nothing). */
    public synchronized Report sweep(String requestId) {
        var existing = store.find(asset, ColdTransfer.Kind.SWEEP, requestId);
        long balance = hot.spendable();
        if (existing.isPresent()) {
            return new Report("REPEATED", existing.get(), balance, target.target(), target.sweepAbove(), null);
        }
        ColdTransfer inFlight = store.open(asset).stream().filter(t -> t.kind() == ColdTransfer.Kind.SWEEP).findFirst()
                .orElse(null);
        if (inFlight != null) {
            return new Report("NOTHING", inFlight, balance, target.target(), target.sweepAbove(),
                    "sweep " + inFlight.id() + " is not confirmed yet");
        }
        long excess = target.excess(balance);
        if (excess == 0) {
            return new Report("NOTHING", null, balance, target.target(), target.sweepAbove(),
                    "the hot wallet holds " + balance + ", not above " + target.sweepAbove());
        }
        int index = store.count(asset, ColdTransfer.Kind.SWEEP);
        String to = cold.address(index);
        ColdSide.Paid p = payer.pay(to, excess);
        if (!store.insert(asset, ColdTransfer.Kind.SWEEP, requestId, ColdTransfer.State.SIGNED, to, index, p.amount(),
                p.fee(), balance, p.txid(), null, null, p.raw())) {
            throw new IllegalStateException("sweep request " + requestId + " stored concurrently");
        }
        hot.adopt(p.raw());
        ColdTransfer t = store.find(asset, ColdTransfer.Kind.SWEEP, requestId).orElseThrow();
        LOG.info("{} sweep {} signed: {} to cold {} (index {}), fee {}, txid {}", asset, t.id(), p.amount(), to, index,
                p.fee(), p.txid());
        broadcast(t);
        return new Report("SENT", store.get(t.id()).orElseThrow(), balance, target.target(), target.sweepAbove(), null);
    }

    /** After a restart: gives the hot wallet back every stored signed sweep. Call before the first {@link #step}. */
    public synchronized void recover() {
        for (ColdTransfer t : store.open(asset)) {
            if (t.kind() == ColdTransfer.Kind.SWEEP && t.rawTx() != null) {
                hot.adopt(t.rawTx());
            }
        }
    }

    /** Advances every open transfer: broadcast what is signed, confirm what is deep enough. */
    public synchronized void step() {
        for (ColdTransfer t : store.open(asset)) {
            try {
                switch (t.state()) {
                    case SIGNED -> broadcast(t);
                    case BROADCAST -> confirm(t);
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("{} cold transfer {} stays {}: {}", asset, t.id(), t.state(), e.toString());
                store.note(t.id(), t.confirmations(), e.getMessage());
            }
        }
        low.set(target.low(hot.spendable()) ? 1 : 0);
    }

    private void broadcast(ColdTransfer t) {
        try {
            hot.broadcast(t.rawTx());
            store.move(t.id(), ColdTransfer.State.SIGNED, ColdTransfer.State.BROADCAST, null);
        } catch (HotWallet.BroadcastException e) {
            if (e.definite() && hot.confirmations(t.txid()) < 0) {
                store.move(t.id(), ColdTransfer.State.SIGNED, ColdTransfer.State.FAILED,
                        "refused by the network: " + e.getMessage());
            } else {
                store.note(t.id(), 0, "broadcast failed, retrying: " + e.getMessage());
            }
        }
    }

    private void confirm(ColdTransfer t) {
        int c = hot.confirmations(t.txid());
        if (c < 0) {
            store.move(t.id(), ColdTransfer.State.BROADCAST, ColdTransfer.State.FAILED,
                    "a conflicting transaction was confirmed");
        } else if (c >= confirmations) {
            store.note(t.id(), c, null);
            store.move(t.id(), ColdTransfer.State.BROADCAST, ColdTransfer.State.CONFIRMED, null);
            LOG.info("{} cold transfer {} confirmed: {}", asset, t.id(), t.txid());
        } else if (c == 0 && t.updatedAt() != null && t.updatedAt().isBefore(Instant.now().minus(REBROADCAST))) {
            try {
                hot.broadcast(t.rawTx());
            } catch (HotWallet.BroadcastException e) {
                LOG.warn("{} cold transfer {} rebroadcast refused: {}", asset, t.id(), e.getMessage());
            }
            store.note(t.id(), c, null);
        } else if (c != t.confirmations()) {
            store.note(t.id(), c, null);
        }
    }

    /** The operator's view: hot and cold balances, the target, the latest transfers (pending PSBTs included). */
    public View view(int limit) {
        long h = hot.spendable();
        return new View(asset, h, cold.balance(), target, target.low(h), cold.addresses(), store.latest(asset, limit));
    }
}
