package io.skyx.api.sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One projection following the journal on its own thread: fed by committed batches (a bounded in-memory inbox),
 * and reading the journal itself whenever the inbox does not continue exactly where it stopped (after a start, a
 * full inbox, a failure). Each chunk is projected in one transaction together with the new position. That
 * transaction does not wait for its WAL flush (synchronous_commit off): a projection is derived from the durable
 * journal, so one lost in a crash is simply projected again from the position that was stored with it.
 */
final class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final int MAX_CHUNK = 2000;
    private static final int INBOX = 1024;

    private final Projection projection;
    private final Journal journal;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Runnable progressed;
    private final BlockingQueue<List<AppliedCommand>> inbox = new ArrayBlockingQueue<>(INBOX);
    private volatile long position;
    private volatile long latest;
    private volatile boolean running;
    private Thread thread;

    ProjectionRunner(Projection projection, Journal journal, JdbcTemplate jdbc, TransactionTemplate tx,
                     Runnable progressed) {
        if (!projection.name().matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a projection's name must be lower case letters, digits and _: "
                    + projection.name());
        }
        this.projection = projection;
        this.journal = journal;
        this.jdbc = jdbc;
        this.tx = tx;
        this.progressed = progressed;
    }

    String name() {
        return projection.name();
    }

    Projection projection() {
        return projection;
    }

    long position() {
        return position;
    }

    void start(long durable) {
        latest = durable;
        position = loadPosition();
        running = true;
        thread = new Thread(this::run, "projection-" + name());
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
        LockSupport.unpark(thread);
    }

    /** The journal is durable up to {@code seq}. */
    void nudge(long seq) {
        latest = Math.max(latest, seq);
        LockSupport.unpark(thread);
    }

    /**
     * The new position and no wait for the WAL flush at commit, in one round trip (two statements, so no
     * parameters: the name is checked to be plain lower case at construction, the position is a number).
     */
    private String positionSql(long seq) {
        return "set local synchronous_commit to off; update projection_position set seq = " + seq + " where name = '"
                + name() + "'";
    }

    private long loadPosition() {
        return tx.execute(s -> {
            jdbc.update("insert into projection_position (name, seq) values (?, 0) on conflict (name) do nothing",
                    name());
            Long seq = jdbc.queryForObject("select seq from projection_position where name = ?", Long.class, name());
            projection.load(jdbc);
            return seq == null ? 0L : seq;
        });
    }

    private void run() {
        while (running) {
            try {
                List<AppliedCommand> chunk = next();
                if (!running) {
                    return;
                }
                if (chunk.isEmpty()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    continue;
                }
                long last = chunk.getLast().seq();
                tx.executeWithoutResult(s -> {
                    projection.project(jdbc, chunk);
                    jdbc.execute(positionSql(last));
                });
                position = last;
                progressed.run();
            } catch (RuntimeException e) {
                log.error("Projection {} failed after seq {}; retrying from its stored position in 1 s", name(),
                        position, e);
                inbox.clear();
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                try {
                    position = loadPosition();
                } catch (RuntimeException again) {
                    log.error("Projection {} cannot reload its position", name(), again);
                }
            }
        }
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
