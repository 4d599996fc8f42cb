package io.skyx.api.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.engine.ResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections' runner on the real PostgreSQL, fed with synthetic committed batches (sequence numbers of their
 * own, under projection names of their own, so the app's journal and projections are not touched): the
 * projections share one transaction per chunk, each gets only the entries after its own stored position, and
 * while commits come quickly they are coalesced into few transactions unless a read waits.
 */
class ProjectionGroupIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PgJournal journal;

    /** Records the entries and the transaction id it was given. */
    private final class Recording implements Projection {
        final String name;
        final List<Long> seqs = new CopyOnWriteArrayList<>();
        final List<Long> txids = new CopyOnWriteArrayList<>();

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void project(JdbcTemplate j, List<AppliedCommand> batch) {
            batch.forEach(a -> seqs.add(a.seq()));
            txids.add(j.queryForObject("select txid_current()", Long.class));
        }

        @Override
        public void reset(JdbcTemplate j) {
        }
    }

    private static String unique(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    private static List<AppliedCommand> entries(long from, long to) {
        List<AppliedCommand> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(new AppliedCommand(s, 1L, new Command.CreditDeposit(1, 1, 1, "g:" + s), ResultCode.OK,
                    List.of()));
        }
        return out;
    }

    private long stored(String name) {
        return jdbc.queryForObject("select seq from projection_position where name = ?", Long.class, name);
    }

    private void storePosition(String name, long seq) {
        jdbc.update("insert into projection_position (name, seq) values (?, ?) on conflict (name) do update set "
                + "seq = excluded.seq", name, seq);
    }

    private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void projectionsShareOneTransactionAndEachStartsAfterItsOwnPosition() throws Exception {
        Recording behind = new Recording(unique("g_behind"));
        Recording mid = new Recording(unique("g_mid"));
        Recording ahead = new Recording(unique("g_ahead"));
        storePosition(mid.name, 5);
        storePosition(ahead.name, 20);
        ProjectionRunner runner = new ProjectionRunner(List.of(behind, mid, ahead), journal, jdbc, tx, () -> { },
                () -> false, n -> { }, 0, 256);
        runner.start(0);
        try {
            runner.offer(entries(1, 8));
            await("projected up to 8", () -> runner.position() >= 8);
            assertThat(behind.seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(mid.seqs).containsExactly(6L, 7L, 8L);
            assertThat(ahead.seqs).isEmpty();
            assertThat(behind.txids).hasSize(1).isEqualTo(mid.txids);
            assertThat(stored(behind.name)).isEqualTo(8);
            assertThat(stored(mid.name)).isEqualTo(8);
            assertThat(stored(ahead.name)).as("a projection past the chunk keeps its own position").isEqualTo(20);
            assertThat(runner.position(ahead.name)).isEqualTo(20);
            assertThat(runner.position(mid.name)).isEqualTo(8);
        } finally {
            runner.stopAndJoin();
        }
    }

    @Test
    void quickCommitsAreCoalescedWhileNoReadWaitsAndAWaitingReadCutsTheLingerShort() throws Exception {
        Recording p = new Recording(unique("g_linger"));
        AtomicBoolean hurry = new AtomicBoolean();
        AtomicInteger transactions = new AtomicInteger();
        ProjectionRunner runner = new ProjectionRunner(List.of(p), journal, jdbc, tx, () -> { }, hurry::get,
                n -> transactions.incrementAndGet(), 1500, 10_000);
        runner.start(0);
        try {
            runner.offer(entries(1, 1));
            await("the first commit after a quiet spell is projected at once", () -> runner.position() >= 1);
            for (long s = 2; s <= 6; s++) {
                runner.offer(entries(s, s));
            }
            Thread.sleep(300);
            assertThat(runner.position()).as("within the linger the later commits wait").isEqualTo(1);
            await("projected after the linger", () -> runner.position() >= 6);
            assertThat(transactions.get()).as("commits 2..6 in one transaction").isEqualTo(2);
            assertThat(p.seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(stored(p.name)).isEqualTo(6);

            hurry.set(true);
            runner.offer(entries(7, 7));
            runner.nudge(7);
            long t0 = System.nanoTime();
            await("a waiting read is served without the linger", () -> runner.position() >= 7);
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.MILLISECONDS.toNanos(1400));
        } finally {
            runner.stopAndJoin();
        }
    }

    @Test
    void enoughWaitingCommandsEndTheLinger() throws Exception {
        Recording p = new Recording(unique("g_min"));
        ProjectionRunner runner = new ProjectionRunner(List.of(p), journal, jdbc, tx, () -> { }, () -> false,
                n -> { }, 60_000, 4);
        runner.start(0);
        try {
            runner.offer(entries(1, 1));
            await("first", () -> runner.position() >= 1);
            runner.offer(entries(2, 3));
            runner.offer(entries(4, 5));
            await("four waiting commands end a linger of a minute", () -> runner.position() >= 5);
            assertThat(p.seqs).containsExactly(1L, 2L, 3L, 4L, 5L);
        } finally {
            runner.stopAndJoin();
        }
    }
}
