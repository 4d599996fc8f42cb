package io.skyx.api.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.testing.IntegrationTestBase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The failure path of the pipelined group commit: a journal whose append throws once. The failed batch and every
 * batch applied after it are not acknowledged, nothing unacknowledged is in the journal, the engine is rebuilt
 * from the journal (its state hash equals a fresh replay), and the sequencer goes on without a gap.
 */
@Import(FlakyJournalIT.Config.class)
class FlakyJournalIT extends IntegrationTestBase {

    /** Delegates to the PostgreSQL journal; {@link #failNext} makes the next append throw. */
    static final class FlakyJournal implements Journal {
        private final Journal delegate;
        final AtomicBoolean failNext = new AtomicBoolean();

        FlakyJournal(Journal delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(List<AppliedCommand> batch, List<ReplayMark> marks) {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("test: the disk is gone");
            }
            delegate.append(batch, marks);
        }

        @Override
        public long lastSequence() {
            return delegate.lastSequence();
        }

        @Override
        public List<AppliedCommand> read(long afterSeq, int max) {
            return delegate.read(afterSeq, max);
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        FlakyJournal flakyJournal(PgJournal pg) {
            return new FlakyJournal(pg);
        }
    }

    @Autowired
    Sequencer sequencer;
    @Autowired
    FlakyJournal journal;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MarketCatalog catalog;

    @Test
    void aFailedCommitAcknowledgesNothingAfterItAndTheStateIsRebuiltFromTheJournal() throws Exception {
        long user = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        CommandResult before = sequencer.submit(new Command.CreditDeposit(user, 1, 1_000_000L, "f:" + user + ":0")).join();
        assertThat(before.ok()).isTrue();

        journal.failNext.set(true);
        List<CompletableFuture<CommandResult>> futures = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            futures.add(sequencer.submit(new Command.CreditDeposit(user, 1, 1_000L, "f:" + user + ":" + i)));
        }
        List<Long> acked = new ArrayList<>();
        int failed = 0;
        int firstFailedKeyIndex = Integer.MAX_VALUE;
        int lastFailed = -1;
        for (int i = 0; i < futures.size(); i++) {
            try {
                acked.add(futures.get(i).join().seq());
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(SequencerUnavailableException.class);
                failed++;
                firstFailedKeyIndex = Math.min(firstFailedKeyIndex, i);
                lastFailed = i;
            }
        }
        assertThat(failed).as("commands of the failed batch and after it").isPositive();
        assertThat(failed).as("the failed batch and every batch applied behind it, one run: nothing after the "
                + "failure was acknowledged before the rebuild").isEqualTo(lastFailed - firstFailedKeyIndex + 1);
        List<Long> journaled = jdbc.queryForList("select seq from journal where idem_key like ? order by seq",
                Long.class, "deposit:f:" + user + ":%");
        assertThat(journaled).as("exactly the acknowledged commands are journaled")
                .containsExactlyElementsOf(concat(before.seq(), acked));

        CommandResult after = sequencer.submit(new Command.CreditDeposit(user, 1, 7L, "f:" + user + ":after")).join();
        assertThat(after.ok()).isTrue();
        assertThat(after.seq()).as("no gap after the rebuild").isEqualTo(journaled.getLast() + 1);
        Sequencer.StateView live = sequencer.state().join();
        try (Connection c = dataSource.getConnection()) {
            assertThat(JournalReplay.replay(c, catalog.engineConfig())).isEqualTo(live);
        }
        CommandResult retried = sequencer.submit(new Command.CreditDeposit(user, 1, 1_000L,
                "f:" + user + ":" + (firstFailedKeyIndex + 1))).join();
        assertThat(retried.repeated()).as("a failed command may be retried with its key").isFalse();
    }

    private static List<Long> concat(long first, List<Long> rest) {
        List<Long> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
