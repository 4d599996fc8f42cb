package io.skyx.api.custody;

import io.skyx.custody.AssetCustody;
import io.skyx.custody.cold.ColdDesk;
import io.skyx.custody.cold.Sweeper;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The optional sweep schedule ({@code skyx.custody.cold.sweep-interval} > 0): every interval, each asset with a cold
 * wallet sweeps its excess. The request id names the interval, so a run repeated within one interval is a no-op.
 */
@Component
class ColdSweepSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ColdSweepSchedule.class);

    private final List<ColdDesk> desks;
    private final long intervalMs;
    private volatile ScheduledExecutorService thread;

    ColdSweepSchedule(ObjectProvider<AssetCustody> custodies,
                      @Value("${skyx.custody.cold.sweep-interval:0s}") java.time.Duration interval) {
        this.desks = custodies.orderedStream().flatMap(c -> c.coldDesk().stream()).toList();
        this.intervalMs = interval.toMillis();
    }

    private void run() {
        String id = "auto-" + (System.currentTimeMillis() / intervalMs);
        for (ColdDesk d : desks) {
            try {
                Sweeper.Report r = d.sweep(id);
                if (r.outcome().equals("SENT")) {
                    LOG.info("{} scheduled sweep: {} to {} (fee {}), txid {}", d.asset(), r.transfer().amount(),
                            r.transfer().destination(), r.transfer().fee(), r.transfer().txid());
                }
            } catch (RuntimeException e) {
                LOG.warn("{} scheduled sweep failed: {}", d.asset(), e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        if (intervalMs <= 0 || desks.isEmpty()) {
            return;
        }
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread x = new Thread(r, "cold-sweep-schedule");
            x.setDaemon(true);
            return x;
        });
        t.scheduleWithFixedDelay(this::run, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        thread = t;
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = thread;
        thread = null;
        if (t != null) {
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
