package io.skyx.api.custody;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.custody.AssetCustody;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.LedgerRecords;
import io.skyx.custody.reconcile.PlatformSpends;
import io.skyx.custody.reconcile.ReconciliationStore;
import io.skyx.custody.reconcile.Reconciler;
import io.skyx.custody.reconcile.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * The reconciliation job: every {@code skyx.custody.reconcile.interval} (default 5 min; 0 turns the schedule off)
 * and on an operator's request, each running custody's wallet is reconciled against the ledger
 * ({@link Reconciler}); every run is stored with its differences, and the gauge
 * {@code skyx.reconciliation.differences{asset}} (Prometheus {@code skyx_reconciliation_differences}) holds the
 * latest run's count: anything above 0 is an alarm.
 */
@Service
class Reconciliation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final ObjectProvider<AssetCustody> custodies;
    private final ObjectProvider<PlatformSpends> spends;
    private final LedgerRecords ledger;
    private final ReconciliationStore store;
    private final Duration interval;
    private final int graceBlocks;
    private final Map<CustodyAsset, Reconciler> reconcilers = new ConcurrentHashMap<>();
    private final Map<CustodyAsset, Integer> latest = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService schedule;

    Reconciliation(ObjectProvider<AssetCustody> custodies, ObjectProvider<PlatformSpends> spends,
                   LedgerRecords ledger, DataSource db, MeterRegistry meters,
                   @Value("${skyx.custody.reconcile.interval:5m}") Duration interval,
                   @Value("${skyx.custody.reconcile.grace-blocks:2}") int graceBlocks) {
        if (interval.isNegative() || graceBlocks < 0) {
            throw new IllegalStateException("skyx.custody.reconcile.interval and grace-blocks must not be negative");
        }
        this.custodies = custodies;
        this.spends = spends;
        this.ledger = ledger;
        this.store = new ReconciliationStore(db);
        this.interval = interval;
        this.graceBlocks = graceBlocks;
        for (CustodyAsset a : CustodyAsset.values()) {
            Gauge.builder("skyx.reconciliation.differences", latest, m -> m.containsKey(a) ? m.get(a) : Double.NaN)
                    .description("differences between the chain and the ledger in the latest reconciliation run "
                            + "(NaN: no run yet or no custody of the asset)")
                    .tag("asset", a.name()).register(meters);
        }
    }

    private Map<CustodyAsset, Reconciler> reconcilers() {
        if (reconcilers.isEmpty()) {
            Map<CustodyAsset, Reconciler> m = new EnumMap<>(CustodyAsset.class);
            custodies.orderedStream().forEach(c -> m.put(c.asset(), c.reconciler(ledger, () -> known(c.asset()),
                    graceBlocks)));
            reconcilers.putAll(m);
        }
        return reconcilers;
    }

    private Set<String> known(CustodyAsset asset) {
        Set<String> out = new HashSet<>();
        spends.orderedStream().forEach(s -> out.addAll(s.txids(asset)));
        return out;
    }

    /** The assets whose custody runs here. */
    Set<CustodyAsset> assets() {
        return reconcilers().keySet();
    }

    /** Reconciles {@code asset} (every running one when null) now, stores and returns the runs. */
    synchronized List<Report> runNow(CustodyAsset asset) {
        List<Report> out = new ArrayList<>();
        for (Map.Entry<CustodyAsset, Reconciler> e : reconcilers().entrySet()) {
            if (asset != null && e.getKey() != asset) {
                continue;
            }
            Report r = store.save(e.getValue().run());
            latest.put(e.getKey(), r.differences().size());
            if (!r.differences().isEmpty()) {
                log.error("RECONCILIATION {} run {}: {} difference(s) at journal seq {} / block {}: {}", r.asset(),
                        r.id(), r.differences().size(), r.journalSeq(), r.blockHeight(), r.differences());
            } else {
                log.info("Reconciliation {} run {}: clean at journal seq {} / block {}, surplus {}", r.asset(), r.id(),
                        r.journalSeq(), r.blockHeight(), r.surplus());
            }
            out.add(r);
        }
        return out;
    }

    /** The latest {@code limit} stored runs (of {@code asset}, or all when null), newest first. */
    List<Report> recent(CustodyAsset asset, int limit) {
        return store.recent(asset, limit);
    }

    @Override
    public void start() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reconciliation");
            t.setDaemon(true);
            return t;
        });
        if (!interval.isZero()) {
            s.scheduleWithFixedDelay(() -> {
                try {
                    runNow(null);
                } catch (RuntimeException e) {
                    log.warn("Reconciliation failed, retrying next time: {}", e.toString());
                }
            }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        schedule = s;
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = schedule;
        schedule = null;
        if (s != null) {
            s.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
