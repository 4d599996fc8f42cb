package io.skyx.api.stream;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Journal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code stream_messages} bounded. Every {@code skyx.stream.retention.every} it deletes the messages of the
 * commands that are more than {@code keep-commands} journal entries behind the streams' position, or older than
 * {@code keep-age} (whichever cut is later), oldest first, in chunks; each chunk's transaction also records how
 * far it has deleted ({@code stream_retention.pruned_through}). A resume from before that point is not served from
 * the store ({@link StreamReads#after}): the hub answers it with a snapshot or {@code RESUME_TOO_FAR}, not a gap.
 */
@Component
class StreamRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamRetention.class);
    /** Commands whose messages one transaction deletes. */
    static final long CHUNK = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Journal journal;
    private final Clock clock;
    private final long keepCommands;
    private final Duration keepAge;
    private final Duration every;
    private ScheduledExecutorService timer;

    StreamRetention(JdbcTemplate jdbc, TransactionTemplate tx, Journal journal,
                    @Value("${skyx.stream.retention.keep-commands:1000000}") long keepCommands,
                    @Value("${skyx.stream.retention.keep-age:P7D}") Duration keepAge,
                    @Value("${skyx.stream.retention.every:PT1M}") Duration every) {
        if (keepCommands < 1 || keepAge.isNegative() || keepAge.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("skyx.stream.retention: keep-commands must be at least 1, keep-age "
                    + "positive, every not negative (0: no schedule): " + keepCommands + ", " + keepAge + ", " + every);
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.journal = journal;
        this.clock = Clock.systemUTC();
        this.keepCommands = keepCommands;
        this.keepAge = keepAge;
        this.every = every;
    }

    /** How far messages are deleted: those of every command up to this seq are gone (0: none). */
    static long prunedThrough(JdbcTemplate jdbc) {
        Long p = jdbc.queryForObject("select pruned_through from stream_retention", Long.class);
        return p == null ? 0 : p;
    }

    /** Deletes what is past the window now; returns the new {@link #prunedThrough}. */
    synchronized long prune() {
        List<Long> at = jdbc.queryForList("select seq from projection_position where name = ?", Long.class,
                StreamLog.NAME);
        long position = at.isEmpty() ? 0 : at.getFirst();
        long from = prunedThrough(jdbc);
        long cutoff = Math.max(position - keepCommands, olderThan(from, position,
                clock.millis() - keepAge.toMillis()));
        while (from < cutoff) {
            long lo = from;
            long hi = Math.min(cutoff, from + CHUNK);
            Boolean done = tx.execute(s -> {
                if (jdbc.update("update stream_retention set pruned_through = ? where pruned_through = ?",
                        hi, lo) != 1) {
                    return false; // the streams were rebuilt from 0 meanwhile: the next run starts over
                }
                jdbc.update("delete from stream_messages where seq > ? and seq <= ?", lo, hi);
                return true;
            });
            if (!Boolean.TRUE.equals(done)) {
                return prunedThrough(jdbc);
            }
            from = hi;
        }
        return from;
    }

    /**
     * The last seq in [lo, hi] whose command is older than {@code limitMs} (lo when none after it is): a binary
     * search over the journal, whose timestamps never go back.
     */
    private long olderThan(long lo, long hi, long limitMs) {
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            List<AppliedCommand> e = journal.read(mid - 1, 1);
            if (!e.isEmpty() && e.getFirst().tsMs() < limitMs) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public void start() {
        if (every.isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stream-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                prune();
            } catch (RuntimeException e) {
                log.warn("Pruning stream_messages failed; retrying at the next run", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
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
