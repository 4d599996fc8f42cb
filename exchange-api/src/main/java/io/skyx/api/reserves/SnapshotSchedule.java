package io.skyx.api.reserves;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Takes a liabilities snapshot every {@code skyx.reserves.snapshot-interval} (0: only on demand). */
@Component
class SnapshotSchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SnapshotSchedule.class);

    private final LiabilitySnapshots snapshots;
    private final Duration interval;
    private ScheduledExecutorService timer;

    SnapshotSchedule(LiabilitySnapshots snapshots, @Value("${skyx.reserves.snapshot-interval:PT1H}") Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("skyx.reserves.snapshot-interval must not be negative: " + interval);
        }
        this.snapshots = snapshots;
        this.interval = interval;
    }

    @Override
    public void start() {
        if (interval.isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reserves-snapshot");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                snapshots.take();
            } catch (RuntimeException e) {
                log.error("Scheduled liabilities snapshot failed; will retry at the next interval", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
