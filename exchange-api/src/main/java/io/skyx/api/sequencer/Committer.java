package io.skyx.api.sequencer;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second stage of the pipelined group commit: on its own thread it appends one batch at a time to the
 * journal while the sequencer thread applies the next. Only after the append returns are the batch's futures
 * completed and the commit listeners told. If an append fails the committer is broken: it fails that batch and
 * every later one, unacknowledged, until the sequencer has rebuilt its state from the journal and calls
 * {@link #repaired}.
 */
final class Committer {

    private static final Logger log = LoggerFactory.getLogger(Committer.class);

    private final Journal journal;
    private final SnapshotStore snapshots;
    private final List<CommitListener> listeners;
    private final Runnable wake;
    private final BlockingQueue<Batch> slot = new ArrayBlockingQueue<>(1);
    private final AtomicBoolean idle = new AtomicBoolean(true);
    private final Timer commitTimer;
    private final DistributionSummary batchSize;
    private volatile boolean broken;
    private volatile long durableSeq;
    private volatile boolean running = true;
    private final Thread thread;

    Committer(Journal journal, SnapshotStore snapshots, List<CommitListener> listeners, MeterRegistry meters,
              Runnable wake, long durableSeq) {
        this.journal = journal;
        this.snapshots = snapshots;
        this.listeners = listeners;
        this.wake = wake;
        this.durableSeq = durableSeq;
        this.commitTimer = Timer.builder("skyx.journal.commit").description("journal group commit (one batch)")
                .publishPercentileHistogram().register(meters);
        this.batchSize = DistributionSummary.builder("skyx.sequencer.batch.size")
                .description("commands per group commit").publishPercentileHistogram().register(meters);
        this.thread = new Thread(this::run, "sequencer-commit");
        thread.start();
    }

    /** Hands over a batch if the committer is idle; false (keep accumulating) when it is busy. */
    boolean offer(Batch b) {
        if (!idle.compareAndSet(true, false)) {
            return false;
        }
        slot.add(b);
        return true;
    }

    /** True when no batch is being committed or waiting. */
    boolean isIdle() {
        return idle.get() && slot.isEmpty();
    }

    boolean isBroken() {
        return broken;
    }

    /** The last sequence number known durable. */
    long durableSeq() {
        return durableSeq;
    }

    /** After the sequencer rebuilt its state up to {@code seq} from the journal. */
    void repaired(long seq) {
        durableSeq = seq;
        broken = false;
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Batch b = slot.poll();
        if (b != null) {
            b.failAll(new SequencerUnavailableException("the sequencer stopped"));
        }
    }

    private void run() {
        while (running) {
            Batch b;
            try {
                b = slot.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                commit(b);
            } finally {
                idle.set(true);
                wake.run();
            }
        }
    }

    private void commit(Batch b) {
        if (broken) {
            b.failAll(new SequencerUnavailableException("the journal is unavailable, retry"));
            return;
        }
        if (b.commands() > 0) {
            try {
                long t0 = System.nanoTime();
                journal.append(b.applied, b.marks);
                commitTimer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                batchSize.record(b.commands());
            } catch (RuntimeException e) {
                broken = true;
                log.error("Journal commit failed for seq {}..{}; nothing after it is acknowledged, the state is "
                        + "rebuilt from the journal", b.applied.getFirst().seq(), b.lastSeq(), e);
                b.failAll(new SequencerUnavailableException("the journal is unavailable, retry"));
                return;
            }
            durableSeq = b.lastSeq();
            b.marks.forEach(ReplayMark::recorded);
            for (CommitListener l : listeners) {
                try {
                    l.committed(b.applied);
                } catch (RuntimeException e) {
                    log.error("Commit listener {} failed", l.getClass().getSimpleName(), e);
                }
            }
        }
        b.completeAll();
        if (b.snapshot != null) {
            try {
                snapshots.save(b.lastSeq(), b.snapshot, b.snapshotHash);
                log.info("Snapshot at seq {} ({} bytes)", b.lastSeq(), b.snapshot.length);
            } catch (RuntimeException e) {
                log.error("Snapshot at seq {} failed; the next one will be taken later", b.lastSeq(), e);
            }
        }
    }
}
