package io.skyx.api.sequencer;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.engine.L2Book;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link Projection} as a reader of the journal, all together on one {@link ProjectionRunner} thread
 * (one transaction per chunk for all of them; while the journal is busy a chunk coalesces the commits of up to
 * {@code skyx.projection.linger-ms}, cut short by {@code skyx.projection.min-chunk} commands waiting or by a read
 * waiting here), and lets reads wait for them: {@link #reach(long)} completes once every projection has stored the command {@code seq}, and
 * {@link #caughtUp()} once they have stored everything durable at the time of the call (a read that must see the
 * caller's own acknowledged write). Both fail after {@code skyx.projection.read-wait-ms} with
 * {@link SequencerUnavailableException}.
 */
@Component
public class Projections implements CommitListener, SmartLifecycle {

    private final List<ProjectionRunner> runners = new CopyOnWriteArrayList<>();
    private final ObjectProvider<Projection> provider;
    private final Journal journal;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final long readWaitMs;
    private final long lingerMs;
    private final int minChunk;
    private final int runnerCount;
    private final DistributionSummary chunkSize;
    private final ConcurrentSkipListMap<Long, List<CompletableFuture<Long>>> waiters = new ConcurrentSkipListMap<>();
    private final java.util.Set<String> gauges = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long durable;
    private volatile boolean running;

    Projections(ObjectProvider<Projection> provider, Journal journal, JdbcTemplate jdbc, TransactionTemplate tx,
                MeterRegistry meters, @Value("${skyx.projection.read-wait-ms:10000}") long readWaitMs,
                @Value("${skyx.projection.linger-ms:3}") long lingerMs,
                @Value("${skyx.projection.min-chunk:256}") int minChunk,
                @Value("${skyx.projection.runners:1}") int runnerCount) {
        if (runnerCount < 1) {
            throw new IllegalArgumentException("skyx.projection.runners must be at least 1, was " + runnerCount);
        }
        this.provider = provider;
        this.journal = journal;
        this.jdbc = jdbc;
        this.tx = tx;
        this.meters = meters;
        this.readWaitMs = readWaitMs;
        this.lingerMs = lingerMs;
        this.minChunk = minChunk;
        this.runnerCount = runnerCount;
        this.chunkSize = DistributionSummary.builder("skyx.projection.chunk.size")
                .description("journal entries per projection transaction (all projections together)")
                .register(meters);
    }

    /** Completes (with the lowest position) once every projection has stored command {@code seq}. */
    public CompletableFuture<Long> reach(long seq) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        if (position() >= seq) {
            f.complete(position());
            return f;
        }
        synchronized (waiters) {
            waiters.computeIfAbsent(seq, s -> new ArrayList<>()).add(f);
        }
        CompletableFuture.delayedExecutor(readWaitMs, TimeUnit.MILLISECONDS).execute(() -> f.completeExceptionally(
                new SequencerUnavailableException("the read models are behind the journal, retry")));
        runners.forEach(r -> r.nudge(durable));
        progressed();
        return f;
    }

    /** Completes once every projection has stored everything durable now. */
    public CompletableFuture<Long> caughtUp() {
        return reach(durable);
    }

    /** The lowest position over all projections. */
    public long position() {
        long min = Long.MAX_VALUE;
        for (ProjectionRunner r : runners) {
            min = Math.min(min, r.position());
        }
        return min == Long.MAX_VALUE ? durable : min;
    }

    /** The position of one projection by name, or -1 when there is none of that name. */
    public long position(String name) {
        for (ProjectionRunner r : runners) {
            long at = r.position(name);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Deletes every projection's rows and projects the journal again from sequence 0 (operators, tests); the
     * returned future completes when they have caught up with what was durable when it was called.
     */
    public CompletableFuture<Long> rebuild() {
        long target = durable;
        for (ProjectionRunner r : runners) {
            r.stopAndJoin();
        }
        List<ProjectionRunner> fresh = new ArrayList<>();
        List<ProjectionRunner> old = List.copyOf(runners);
        tx.executeWithoutResult(s -> {
            for (ProjectionRunner r : old) {
                for (Projection p : r.projections()) {
                    p.reset(jdbc);
                    jdbc.update("update projection_position set seq = 0 where name = ?", p.name());
                }
            }
        });
        for (ProjectionRunner r : old) {
            fresh.add(runner(r.projections()));
        }
        fresh.forEach(r -> r.start(durable));
        runners.clear();
        runners.addAll(fresh);
        return reach(target);
    }

    @Override
    public void started(long seq, Map<Integer, L2Book> books) {
        durable = seq;
        runners.forEach(r -> r.nudge(seq));
    }

    @Override
    public void committed(List<AppliedCommand> batch) {
        durable = batch.getLast().seq();
        for (ProjectionRunner r : runners) {
            r.offer(batch);
        }
    }

    /**
     * The projections dealt, by name, over at most {@code count} runners: each runner is one thread and one
     * transaction per chunk, so a second one lets the database work on two chunks at once when one runner alone
     * falls behind the journal.
     */
    static List<List<Projection>> groups(List<Projection> all, int count) {
        List<Projection> byName = all.stream().sorted(java.util.Comparator.comparing(Projection::name)).toList();
        List<List<Projection>> groups = new ArrayList<>();
        for (int i = 0; i < Math.min(count, byName.size()); i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < byName.size(); i++) {
            groups.get(i % groups.size()).add(byName.get(i));
        }
        return groups;
    }

    private ProjectionRunner runner(List<Projection> projections) {
        return new ProjectionRunner(projections, journal, jdbc, tx, this::progressed, () -> !waiters.isEmpty(),
                chunkSize::record, lingerMs, minChunk);
    }

    void progressed() {
        long pos = position();
        if (waiters.isEmpty() || waiters.firstKey() > pos) {
            return;
        }
        synchronized (waiters) {
            Map<Long, List<CompletableFuture<Long>>> done = waiters.headMap(pos, true);
            done.values().forEach(l -> l.forEach(f -> f.complete(pos)));
            done.clear();
        }
    }

    /** Also after a stop (Spring pauses the lifecycle of idle test contexts): fresh runners from the stored positions. */
    @Override
    public void start() {
        runners.forEach(ProjectionRunner::stopAndJoin);
        runners.clear();
        List<Projection> all = provider.orderedStream().toList();
        for (List<Projection> group : groups(all, runnerCount)) {
            runners.add(runner(group));
        }
        for (Projection p : all) {
            if (gauges.add(p.name())) {
                meters.gauge("skyx.projection.position", List.of(io.micrometer.core.instrument.Tag.of("projection",
                        p.name())), this, me -> me.position(p.name()));
            }
        }
        durable = journal.lastSequence();
        runners.forEach(r -> r.start(durable));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        runners.forEach(ProjectionRunner::stopAndJoin);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the sequencer (phase 0), so the readers follow from its first commit. */
    @Override
    public int getPhase() {
        return -1;
    }
}
