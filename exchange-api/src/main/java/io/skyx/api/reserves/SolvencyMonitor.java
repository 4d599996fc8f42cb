package io.skyx.api.reserves;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.CommitListener;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.engine.AccountKind;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Continuous solvency: per asset, the wallet's reserves at its best block against what users are owed now (the
 * engine's system accounts: no tree, no scan), recomputed after every committed batch that posts to or from a
 * system account or a withdrawing balance (withdrawals, deposits, trades' fees; not orders that only lock and
 * release a user's own money) and at least every {@code skyx.reserves.solvency-poll} (new blocks). Exported as
 * Micrometer gauges; below 100 % an alarm fires: {@code skyx.solvency.alarm} = 1, an error in the log, and the
 * status {@code BELOW} on the public status endpoint and page. An asset without a wallet is {@code ABSENT}. A cold
 * address counts only once it is proven in the asset's latest snapshot ({@link ColdProofs}); the rest is shown as
 * {@code unprovenCold}.
 */
@Component
class SolvencyMonitor implements CommitListener, SmartLifecycle {

    /** What the status of one asset says. */
    enum State { SOLVENT, BELOW, ABSENT }

    /** One asset's position now; amounts in base units, null where the asset has no wallet. */
    record Status(String asset, State state, Long blockHeight, String blockHash, BigInteger reserves, BigInteger hot,
                  BigInteger cold, BigInteger liabilities, BigInteger pendingWithdrawals, BigInteger withdrawalsMined,
                  Long ratioBp, Instant at, BigInteger unprovenCold) {
    }

    private static final Logger log = LoggerFactory.getLogger(SolvencyMonitor.class);

    private final ProvenReserves reserves;
    private final Sequencer sequencer;
    private final MarketCatalog catalog;
    private final Duration poll;
    private final Duration minInterval;
    private final Map<String, Status> latest = new ConcurrentHashMap<>();
    private final Counter alarms;
    private final Timer checks;
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private volatile Thread thread;

    SolvencyMonitor(ProvenReserves reserves, Sequencer sequencer, MarketCatalog catalog, MeterRegistry meters,
                    @Value("${skyx.reserves.solvency-poll:1s}") Duration poll,
                    @Value("${skyx.reserves.solvency-min-interval:100ms}") Duration minInterval) {
        this.reserves = reserves;
        this.sequencer = sequencer;
        this.catalog = catalog;
        this.poll = poll;
        this.minInterval = minInterval;
        this.alarms = Counter.builder("skyx.solvency.alarms").description("times an asset's reserves fell below 100 %")
                .register(meters);
        this.checks = Timer.builder("skyx.solvency.check").description("time of one solvency check of every asset")
                .register(meters);
        for (Asset a : catalog.assets()) {
            String code = a.code();
            gauge(meters, "skyx.solvency.ratio.bp", "reserves / liabilities in basis points (NaN: no wallet or nothing owed)",
                    code, s -> s.ratioBp() == null ? Double.NaN : s.ratioBp());
            gauge(meters, "skyx.solvency.reserves", "reserves on chain at the wallet's best block (base units)", code,
                    s -> s.reserves() == null ? Double.NaN : s.reserves().doubleValue());
            gauge(meters, "skyx.solvency.liabilities", "what users are owed now (base units)", code,
                    s -> s.liabilities().doubleValue());
            gauge(meters, "skyx.solvency.alarm", "1 while the reserves are below 100 % of what is owed", code,
                    s -> s.state() == State.BELOW ? 1 : 0);
        }
    }

    private void gauge(MeterRegistry meters, String name, String description, String asset,
                       java.util.function.ToDoubleFunction<Status> value) {
        Gauge.builder(name, latest, m -> m.containsKey(asset) ? value.applyAsDouble(m.get(asset)) : Double.NaN)
                .description(description).tag("asset", asset).register(meters);
    }

    @Override
    public void committed(List<AppliedCommand> batch) {
        if (!movesWhatIsOwed(batch)) {
            return;
        }
        // already dirty: the thread refreshes once its interval is over, no need to wake it on every commit
        if (dirty.getAndSet(true)) {
            return;
        }
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Whether a batch can change a check's journal side: what users are owed is minus the system accounts, and
     * what is in flight is the users' withdrawing balances, so only a posting to or from one of those can. Orders
     * and trades between users without a fee move neither (new blocks are the poll's).
     */
    static boolean movesWhatIsOwed(List<AppliedCommand> batch) {
        for (AppliedCommand a : batch) {
            for (EngineEvent e : a.events()) {
                if (e instanceof EngineEvent.Posted p && (owedSide(p.from()) || owedSide(p.to()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean owedSide(AccountKind k) {
        return k.system() || k == AccountKind.WITHDRAWING;
    }

    /** Every asset's position as last computed, in catalog order. */
    List<Status> statuses() {
        List<Status> out = new ArrayList<>();
        for (Asset a : catalog.assets()) {
            Status s = latest.get(a.code());
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Recomputes every asset's position now (on the caller's thread). */
    synchronized List<Status> refresh() {
        long started = System.nanoTime();
        Map<String, Status> next = new LinkedHashMap<>();
        for (Asset a : catalog.assets()) {
            // owed and in flight at one journal point, which of them is mined, then the wallet: never counted twice
            Optional<ProvenReserves.Reading> read = reserves.read(a);
            if (read.isEmpty()) {
                BigInteger owed = BigInteger.valueOf(sequencer.owedToUsers(a.id()).orTimeout(10, TimeUnit.SECONDS)
                        .join());
                next.put(a.code(), new Status(a.code(), State.ABSENT, null, null, null, null, null, owed, null, null,
                        null, Instant.now(), null));
                continue;
            }
            ProvenReserves.Reading r = read.get();
            Coverage c = r.coverage();
            next.put(a.code(), new Status(a.code(), c.solvent() ? State.SOLVENT : State.BELOW, r.height(),
                    r.blockHash(), c.reserves(), c.hot(), c.cold(), c.liabilities(), c.pendingWithdrawals(),
                    c.withdrawalsMined(), c.ratioBp(), Instant.now(), r.unprovenCold()));
        }
        for (Status s : next.values()) {
            Status before = latest.put(s.asset(), s);
            boolean wasBelow = before != null && before.state() == State.BELOW;
            if (s.state() == State.BELOW && !wasBelow) {
                alarms.increment();
                log.error("SOLVENCY ALARM {}: reserves {} below what is owed {} (ratio {} %, block {})", s.asset(),
                        s.reserves(), s.liabilities().subtract(s.withdrawalsMined()), Coverage.percent(s.ratioBp()),
                        s.blockHeight());
            } else if (s.state() != State.BELOW && wasBelow) {
                log.warn("Solvency {} restored: reserves {}, owed {}", s.asset(), s.reserves(), s.liabilities());
            }
        }
        checks.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return statuses();
    }

    private void run() {
        long lastRun = System.nanoTime() - minInterval.toNanos();
        while (thread == Thread.currentThread()) {
            // every commit unparks this thread: wait out the whole interval, not just until the next commit
            long wait;
            while ((wait = lastRun + minInterval.toNanos() - System.nanoTime()) > 0
                    && thread == Thread.currentThread()) {
                LockSupport.parkNanos(wait);
            }
            if (!dirty.getAndSet(false)) {
                LockSupport.parkNanos(poll.toNanos());
                dirty.set(false);
            }
            if (thread != Thread.currentThread()) {
                return;
            }
            lastRun = System.nanoTime();
            try {
                refresh();
            } catch (RuntimeException e) {
                log.warn("Solvency check failed, retrying: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        Thread t = new Thread(this::run, "solvency-monitor");
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

    @Override
    public int getPhase() {
        return sequencer.getPhase() + 1;
    }
}
