package io.skyx.api.custody;

import io.skyx.api.account.AutoSweep;
import io.skyx.api.account.WithdrawalPolicy;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.CommitListener;
import io.skyx.api.sequencer.Projections;
import io.skyx.custody.AssetCustody;
import io.skyx.custody.CustodyException;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.withdrawal.Withdrawal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Auto-sweep to the user's own wallet: after commands settle (every committed batch wakes it, at most once every
 * {@code skyx.custody.auto-sweep.interval}, default 5 s; 0 turns it off), a user's free balance of an asset above
 * the balance they keep back ({@link AutoSweep#minimum()}) is withdrawn to their registered address through the
 * same withdrawal pipeline as {@code POST /api/v1/withdrawals}: the same destination checks, whitelist (the
 * setting is used only once its cool-off is over and, with the whitelist on, only if the address is a usable entry)
 * and limits (the pipeline's minimum, the ledger's balance check). No 2FA code is asked per sweep: registering the
 * address required one. A sweep goes only when the amount is at least the asset's sweep minimum
 * ({@code skyx.custody.auto-sweep.btc-minimum} / {@code sky-minimum}), never for more than the free balance (BTC:
 * less its current withdrawal fee; SKY: rounded down to 0.001), never while a previous sweep of that user and asset is in
 * flight, and with the request id {@code sweep:<asset>:<journal seq / window>}: one sweep per (user, asset,
 * sequence window), so a repeated run in the same window is the same withdrawal, never a second one.
 */
@Service
class AutoSweeper implements CommitListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AutoSweeper.class);
    static final String PREFIX = "sweep:";

    private final ObjectProvider<AssetCustody> custodies;
    private final WithdrawalPolicy policy;
    private final Projections projections;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final long window;
    private final Map<CustodyAsset, Long> minimum = new LinkedHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final AtomicLong committedSeq = new AtomicLong();
    private volatile Thread thread;

    AutoSweeper(ObjectProvider<AssetCustody> custodies, WithdrawalPolicy policy, Projections projections,
                JdbcTemplate jdbc, @Value("${skyx.custody.auto-sweep.interval:5s}") Duration interval,
                @Value("${skyx.custody.auto-sweep.window:1000}") long window,
                @Value("${skyx.custody.auto-sweep.btc-minimum:100000}") long btcMinimum,
                @Value("${skyx.custody.auto-sweep.sky-minimum:1000000}") long skyMinimum) {
        if (interval.isNegative() || window < 1 || btcMinimum < 1 || skyMinimum < 1) {
            throw new IllegalStateException("skyx.custody.auto-sweep: interval >= 0, window and minimums >= 1");
        }
        this.custodies = custodies;
        this.policy = policy;
        this.projections = projections;
        this.jdbc = jdbc;
        this.interval = interval;
        this.window = window;
        minimum.put(CustodyAsset.BTC, btcMinimum);
        minimum.put(CustodyAsset.SKY, skyMinimum);
    }

    /** One sweep made by a run. */
    record Swept(long userId, CustodyAsset asset, Withdrawal withdrawal) {
    }

    /** Sweeps every user's free balance above what they keep back, now (on the caller's thread). */
    synchronized List<Swept> runOnce() {
        List<Swept> out = new ArrayList<>();
        // the projections up to the last batch this sweeper was told of: listeners are called in no set order, so
        // "caught up" alone could still be the position before that batch
        long seq = projections.reach(committedSeq.get()).thenCombine(projections.caughtUp(), Math::max)
                .orTimeout(30, TimeUnit.SECONDS).join();
        for (AssetCustody c : custodies.orderedStream().toList()) {
            CustodyAsset asset = c.asset();
            List<Long> users = jdbc.queryForList("select user_id from account_auto_sweep where asset = ?"
                    + " and usable_at <= now() order by user_id", Long.class, asset.name());
            for (long userId : users) {
                try {
                    sweep(c, userId, seq).ifPresent(w -> out.add(new Swept(userId, asset, w)));
                } catch (RuntimeException e) {
                    log.warn("auto-sweep of {} for user {} not made: {}", asset, userId, e.toString());
                }
            }
        }
        return out;
    }

    private Optional<Withdrawal> sweep(AssetCustody c, long userId, long seq) {
        CustodyAsset asset = c.asset();
        Optional<AutoSweep> setting = policy.autoSweep(userId, asset.name());
        if (setting.isEmpty()) {
            return Optional.empty();
        }
        Integer open = jdbc.queryForObject("select count(*) from custody_withdrawal where user_id = ? and asset = ?"
                + " and request_id like 'sweep:%' and state not in ('COMPLETED', 'REFUNDED')", Integer.class, userId,
                asset.name());
        if (open != null && open > 0) {
            return Optional.empty();
        }
        List<Long> free = jdbc.queryForList("select available from accounts where user_id = ? and asset = ?",
                Long.class, userId, asset.name());
        long available = free.isEmpty() ? 0 : free.getFirst();
        long amount = available - setting.get().minimum() - c.withdrawalFee().fee();
        if (asset == CustodyAsset.SKY) {
            amount -= amount % 1_000;
        }
        if (amount < Math.max(minimum.get(asset), c.policy().minimum())) {
            return Optional.empty();
        }
        String requestId = PREFIX + asset.name() + ":" + seq / window;
        String units = CustodyController.amount(amount, asset);
        c.validate(setting.get().address(), units);
        try {
            Withdrawal w = c.withdraw(userId, requestId, setting.get().address(), units);
            log.info("auto-sweep: {} {} of user {} to {} (withdrawal {})", units, asset, userId,
                    setting.get().address(), w.id());
            return Optional.of(w);
        } catch (CustodyException e) {
            if (e.code().equals("DUPLICATE_REQUEST")) {
                // this window's sweep was already made for another amount: the next window sweeps the rest
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void committed(List<AppliedCommand> batch) {
        committedSeq.accumulateAndGet(batch.getLast().seq(), Math::max);
        dirty.set(true);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void run() {
        long lastRun = System.nanoTime();
        while (thread == Thread.currentThread()) {
            long wait = lastRun + interval.toNanos() - System.nanoTime();
            if (wait > 0 || !dirty.get()) {
                // at most one run per interval, however many batches commit
                LockSupport.parkNanos(wait > 0 ? wait : interval.toNanos());
                continue;
            }
            dirty.set(false);
            lastRun = System.nanoTime();
            try {
                runOnce();
            } catch (RuntimeException e) {
                dirty.set(true);
                log.warn("auto-sweep run failed, retrying: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        if (interval.isZero()) {
            return;
        }
        Thread t = new Thread(this::run, "auto-sweep");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
