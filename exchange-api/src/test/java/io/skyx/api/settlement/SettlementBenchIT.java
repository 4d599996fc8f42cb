package io.skyx.api.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, run only on request ({@code -Dskyx.bench=true}): the settlement job's time for one epoch of
 * {@code -Dskyx.bench.relays} relays (default 10 000) with 10 transports each (100 000 transports, 200 000 usage
 * reports, one claim per relay), written straight into the tables ({@link SettlementLoad}). Prints the time of
 * the job (load, compute, report, receipts, payout rows, commit) and of a rerun (stored summary).
 */
@EnabledIfSystemProperty(named = "skyx.bench", matches = "true", disabledReason = "benchmark: -Dskyx.bench=true")
class SettlementBenchIT {

    @Test
    void settlementJobTimeFor10000RelaysAnd100000Transports() throws Exception {
        int relays = Integer.getInteger("skyx.bench.relays", 10_000);
        DataSource ds = SkywireFixtures.migratedDatabase();
        long t0 = System.nanoTime();
        SettlementLoad.populate(ds, relays, 10, SkywireFixtures.EPOCH0);
        long t1 = System.nanoTime();
        SettlementJob.Summary s = SettlementJobKillIT.job(ds).settle(SkywireFixtures.EPOCH0);
        long t2 = System.nanoTime();
        SettlementJob.Summary again = SettlementJobKillIT.job(ds).settle(SkywireFixtures.EPOCH0);
        long t3 = System.nanoTime();
        assertThat(s.claims()).isEqualTo(relays);
        assertThat(again.alreadySettled()).isTrue();
        assertThat(s.totalPaid()).isPositive();
        System.out.printf("[settlement bench] %d relays, %d transports, %d reports: job %.1f s (report %s, paid %d"
                + " droplets), rerun %.3f s; writing the input took %.1f s (cores %d)%n", relays, relays * 10,
                relays * 20, (t2 - t1) / 1e9, s.reportHash(), s.totalPaid(), (t3 - t2) / 1e9, (t1 - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());
    }
}
