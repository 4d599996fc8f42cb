package io.skyx.api.sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections following the journal together on one thread: fed by committed batches (a bounded in-memory
 * inbox), and reading the journal itself whenever the inbox does not continue exactly where it stopped (after a
 * start, a full inbox, a failure). Each chunk is projected by every projection in ONE transaction together with
 * all their new positions (one statement), so each projection's rows and position still commit together, and a
 * chunk costs one transaction however many projections there are. That transaction does not wait for its WAL
 * flush (synchronous_commit off): a projection is derived from the durable journal, so one lost in a crash is
 * simply projected again from the position stored with it. A chunk no projection has anything to write for
 * ({@link Projection#writes}) opens no transaction: the positions move on in memory and are stored with the next
 * chunk that writes, or once the runner is idle and the last store is {@link #LAZY_STORE_NANOS} old.
 *
 * <p>While the journal is busy the runner coalesces commits: it starts a chunk at most every {@code lingerNanos}
 * unless {@code minChunk} commands are waiting or a read waits for the projections ({@code hurry}), so a burst
 * of small group commits costs a few transactions. After a quiet spell the next commit is projected at once.
 *
 * <p>Projections may start at different stored positions (one added later, a rebuild): each is given only the
 * entries after its own position; once a chunk is stored they are all at its end.
 */
final class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final int MAX_CHUNK = 2000;
    private static final int INBOX = 1024;
    private static final long LAZY_STORE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final List<Projection> projections;
    private final Journal journal;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Runnable progressed;
    private final BooleanSupplier hurry;
    private final IntConsumer transactions;
    private final long lingerNanos;
    private final int minChunk;
    private final String positionSql;
    private final BlockingQueue<List<AppliedCommand>> inbox = new ArrayBlockingQueue<>(INBOX);
    /** The lowest position over the projections: every entry up to it is projected by all. */
    private volatile long position;
    /** Per projection, its position when last loaded (it is at least {@link #position} too). */
    private volatile long[] loaded;
    private long stored;
    private long storedAt;
    private long chunkAt;
    private volatile long latest;
    private volatile boolean lingering;
    private volatile boolean running;
    private Thread thread;

    ProjectionRunner(List<Projection> projections, Journal journal, JdbcTemplate jdbc, TransactionTemplate tx,
                     Runnable progressed, BooleanSupplier hurry, IntConsumer transactions, long lingerMs,
                     int minChunk) {
        if (projections.isEmpty() || lingerMs < 0 || minChunk < 1) {
            throw new IllegalArgumentException("a runner needs projections, a linger >= 0 and a min chunk >= 1");
        }
        for (Projection p : projections) {
            if (!p.name().matches("[a-z][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("a projection's name must be lower case letters, digits and _: "
                        + p.name());
            }
        }
        this.projections = List.copyOf(projections);
        this.journal = journal;
        this.jdbc = jdbc;
        this.tx = tx;
        this.progressed = progressed;
        this.hurry = hurry;
        this.transactions = transactions;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
        this.minChunk = minChunk;
        this.positionSql = positionSql(this.projections.stream().map(p -> "'" + p.name() + "'")
                .collect(Collectors.joining(",")));
        this.loaded = new long[this.projections.size()];
    }

    List<Projection> projections() {
        return projections;
    }

    /** The lowest position over the runner's projections. */
    long position() {
        return position;
    }

    /** The position of the projection of that name, -1 when it is not one of this runner's. */
    long position(String name) {
        long[] at = loaded;
        for (int i = 0; i < projections.size(); i++) {
            if (projections.get(i).name().equals(name)) {
                return Math.max(at[i], position);
            }
        }
        return -1;
    }

    void start(long durable) {
        latest = durable;
        position = loadPositions();
        chunkAt = System.nanoTime() - lingerNanos;
        running = true;
        thread = new Thread(this::run, "projections-" + projections.getFirst().name());
        thread.setDaemon(true);
        thread.start();
    }

    void stopAndJoin() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A committed batch; dropped when the inbox is full (the runner then reads the journal). */
    void offer(List<AppliedCommand> batch) {
        latest = batch.getLast().seq();
        inbox.offer(batch);
        if (!lingering || latest - position >= minChunk) {
            LockSupport.unpark(thread);
        }
    }

    /** The journal is durable up to {@code seq}, or a read waits: project without lingering. */
    void nudge(long seq) {
        latest = Math.max(latest, seq);
        LockSupport.unpark(thread);
    }

    /**
     * The new position (the one parameter) and no wait for the WAL flush at commit, in one statement whose text
     * never changes, so it is prepared once per connection instead of parsed and planned per chunk (the names are
     * checked to be plain lower case at construction). A projection already past the position (it was stored
     * further before a restart) keeps its own.
     */
    private static String positionSql(String inNames) {
        return "with async as (select set_config('synchronous_commit', 'off', true)) update projection_position "
                + "set seq = greatest(seq, ?) from async where name in (" + inNames + ")";
    }

    /** Loads every projection's position (and state); returns the lowest. */
    private long loadPositions() {
        return tx.execute(s -> {
            long[] at = new long[projections.size()];
            long min = Long.MAX_VALUE;
            for (int i = 0; i < at.length; i++) {
                Projection p = projections.get(i);
                jdbc.update("insert into projection_position (name, seq) values (?, 0) on conflict (name) do nothing",
                        p.name());
                Long seq = jdbc.queryForObject("select seq from projection_position where name = ?", Long.class,
                        p.name());
                p.load(jdbc);
                at[i] = seq == null ? 0L : seq;
                min = Math.min(min, at[i]);
            }
            loaded = at;
            stored = min;
            return min;
        });
    }

    /** Projects {@code parts} (per projection, null when it writes nothing) and stores every position as last. */
    private void store(List<List<AppliedCommand>> parts, long last) {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) != null) {
                    projections.get(i).project(jdbc, parts.get(i));
                }
            }
            jdbc.update(positionSql, last);
        });
        stored = last;
        storedAt = System.nanoTime();
    }

    private void run() {
        while (running) {
            try {
                linger();
                List<AppliedCommand> chunk = next();
                if (!running) {
                    return;
                }
                if (chunk.isEmpty()) {
                    if (position > stored && System.nanoTime() - storedAt >= LAZY_STORE_NANOS) {
                        store(List.of(), position);
                    }
                    LockSupport.parkNanos(LAZY_STORE_NANOS);
                    continue;
                }
                chunkAt = System.nanoTime();
                long last = chunk.getLast().seq();
                List<List<AppliedCommand>> parts = parts(chunk);
                if (parts.stream().anyMatch(p -> p != null)) {
                    store(parts, last);
                    transactions.accept(chunk.size());
                }
                position = last;
                progressed.run();
            } catch (RuntimeException e) {
                log.error("Projections failed after seq {}; retrying from their stored positions in 1 s", position,
                        e);
                inbox.clear();
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                try {
                    position = loadPositions();
                } catch (RuntimeException again) {
                    log.error("Projections cannot reload their positions", again);
                }
            }
        }
    }

    /**
     * While the journal is busy (the last chunk began less than the linger ago) and fewer than {@code minChunk}
     * commands wait and no read waits, waits for the linger to pass: the next chunk then takes several commits.
     */
    private void linger() {
        while (running && lingerNanos > 0) {
            long wait = chunkAt + lingerNanos - System.nanoTime();
            if (wait <= 0 || latest <= position || latest - position >= minChunk || hurry.getAsBoolean()) {
                return;
            }
            lingering = true;
            try {
                LockSupport.parkNanos(wait);
            } finally {
                lingering = false;
            }
        }
    }

    /** Per projection the entries of the chunk after its own position, or null when it writes nothing for them. */
    private List<List<AppliedCommand>> parts(List<AppliedCommand> chunk) {
        long[] at = loaded;
        List<List<AppliedCommand>> parts = new ArrayList<>(projections.size());
        for (int i = 0; i < projections.size(); i++) {
            List<AppliedCommand> part = chunk;
            if (at[i] >= chunk.getFirst().seq()) {
                int from = 0;
                while (from < chunk.size() && chunk.get(from).seq() <= at[i]) {
                    from++;
                }
                part = chunk.subList(from, chunk.size());
            }
            parts.add(!part.isEmpty() && projections.get(i).writes(part) ? part : null);
        }
        return parts;
    }

    /** The next consecutive entries after the position: from the inbox, else from the journal. */
    private List<AppliedCommand> next() {
        List<AppliedCommand> out = new ArrayList<>();
        long expect = position + 1;
        List<AppliedCommand> b;
        boolean gap = false;
        while (!gap && out.size() < MAX_CHUNK && (b = inbox.poll()) != null) {
            for (AppliedCommand a : b) {
                if (a.seq() == expect) {
                    out.add(a);
                    expect++;
                } else if (a.seq() > expect) {
                    gap = true;
                    break;
                }
            }
        }
        if (out.isEmpty() && latest > position) {
            return journal.read(position, MAX_CHUNK);
        }
        return out;
    }
}
