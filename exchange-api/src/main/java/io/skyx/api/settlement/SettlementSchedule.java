package io.skyx.api.settlement;

import io.skyx.skywire.RecordChecks;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional settlement schedule ({@code skyx.skywire.schedule.enabled}; off by default, on in the local
 * profile): every {@code interval-seconds} it runs every {@linkplain SettlementRunner#due due} epoch that ended at
 * least {@code grace-seconds} ago (so that relays can still send the claim of a finished day), oldest first. A run
 * is idempotent per epoch, so a tick that overlaps an admin or CLI run, or repeats after a crash, changes nothing
 * that is already settled or paid.
 */
final class SettlementSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SettlementSchedule.class);
    static final String ACTOR = "schedule skyx.skywire.schedule";

    private final SettlementRunner runner;
    private final long graceSeconds;
    private final LongSupplier nowSeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("skywire-settle").daemon().factory());

    SettlementSchedule(SettlementRunner runner, long intervalSeconds, long graceSeconds, LongSupplier nowSeconds) {
        if (intervalSeconds < 1 || graceSeconds < 0) {
            throw new IllegalArgumentException("skyx.skywire.schedule: interval-seconds must be at least 1 and"
                    + " grace-seconds not negative");
        }
        this.runner = runner;
        this.graceSeconds = graceSeconds;
        this.nowSeconds = nowSeconds;
        timer.scheduleWithFixedDelay(this::tick, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Runs every due epoch once; returns how many it ran. */
    int tick() {
        int ran = 0;
        try {
            long lastEnded = RecordChecks.epochOf(nowSeconds.getAsLong() - graceSeconds) - 1;
            for (long epoch : runner.due(lastEnded)) {
                SettlementRunner.Result r;
                try {
                    r = runner.run(epoch, ACTOR);
                } catch (SettlementRunner.AlreadyRunning e) {
                    LOG.info("settlement schedule: {} (left to that run)", e.getMessage());
                    continue;
                }
                LOG.info("settled epoch {}: report {}, paid {} droplets, {} credited, {} pending on chain", epoch,
                        r.settlement().reportHash(), r.settlement().totalPaid(), r.payouts().credited(),
                        r.payouts().pendingOnChain());
                ran++;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("settlement schedule: {} (retried at the next tick)", e.toString());
        }
        return ran;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
