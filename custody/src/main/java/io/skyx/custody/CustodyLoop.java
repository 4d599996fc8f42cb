package io.skyx.custody;

import io.skyx.custody.deposit.DepositCrediter;
import io.skyx.custody.deposit.DepositStore;
import io.skyx.custody.deposit.Observation;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.withdrawal.WithdrawalPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One asset's custody thread: every poll (and at once when nudged) it records the chain's view of the deposit
 * addresses and credits what is deep enough, then advances the withdrawal pipeline. A failed round is logged and
 * retried on the next.
 */
public final class CustodyLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CustodyLoop.class);

    private final CustodyAsset asset;
    private final DepositStore deposits;
    private final DepositCrediter crediter;
    private final WithdrawalPipeline pipeline;
    private final Function<Set<String>, List<Observation>> chain;
    private final ScheduledExecutorService thread;
    private final List<Runnable> alsoEachRound = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param chain the outputs ever paid to these deposit addresses, with their depth */
    public CustodyLoop(CustodyAsset asset, DepositStore deposits, DepositCrediter crediter, WithdrawalPipeline pipeline,
                       Function<Set<String>, List<Observation>> chain) {
        this.asset = asset;
        this.deposits = deposits;
        this.crediter = crediter;
        this.pipeline = pipeline;
        this.chain = chain;
        String name = "custody-" + asset.name().toLowerCase(Locale.ROOT);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Gives the wallet back the stored signed transactions, then runs a round every {@code poll}. */
    public void start(Duration poll) {
        pipeline.recover();
        thread.scheduleWithFixedDelay(this::tickQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds a step run at the end of every round (the hot/cold sweeper); call before {@link #start}. */
    public void alsoEachRound(Runnable step) {
        alsoEachRound.add(step);
    }

    /** Runs a round soon (after a new withdrawal request). */
    public void nudge() {
        thread.execute(this::tickQuietly);
    }

    /** Runs {@code task} on the custody thread, after the round in progress (so it never races the pipeline). */
    public void run(Runnable task) {
        thread.execute(task);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("{} custody step failed, retrying: {}", asset, e.toString());
        }
    }

    /** One round: record and credit deposits, then advance the withdrawals (and the extra steps). */
    public synchronized void tick() {
        Map<String, DepositStore.AddressEntry> owners = deposits.addresses(asset);
        crediter.process(chain.apply(owners.keySet()), owners);
        pipeline.step();
        alsoEachRound.forEach(Runnable::run);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
