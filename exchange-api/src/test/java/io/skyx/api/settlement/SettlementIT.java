package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.DAY0;
import static io.skyx.api.settlement.SkywireFixtures.EPOCH0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.kafka.InProcessKafkaBroker;
import io.skyx.node.cipher.PubKey;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.UsageReport;
import io.skyx.skywire.agent.KafkaRecordSink;
import io.skyx.skywire.agent.Simulator;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated relays with known traffic, through the real broker, the consumer and PostgreSQL, into the settlement
 * job: exactly the expected payouts to the droplet, the same report hash on two independent runs, and a rerun of
 * a settled epoch changes nothing.
 */
class SettlementIT {
    static final int RELAYS = 6;
    static final long SEED = 7;
    static final long RATE = 1000;
    static final long POOL = 1_117_808_000L;

    @TempDir
    Path dir;

    @Test
    void simulatedRelaysArePaidExactlyWithTheSameReportOnEveryRun() throws Exception {
        String first = run(dir.resolve("run1"));
        String second = run(dir.resolve("run2"));
        assertThat(second).isEqualTo(first);
    }

    private String run(Path base) throws Exception {
        DataSource ds = SkywireFixtures.migratedDatabase();
        RelayDirectory relays = new RelayDirectory(ds);
        for (int i = 0; i < RELAYS; i++) {
            relays.register(Simulator.key(SEED, i).pub(), "10.0.0." + i, i == 0 ? 1001L : null);
        }
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(base.resolve("kafka"), 0);
             KafkaRecordSink sink = new KafkaRecordSink(broker.bootstrapServers(), "skywire.usage")) {
            Simulator sim = new Simulator(RELAYS, SEED, RATE, base.resolve("agents"), sink);
            int published = sim.step(DAY0 + 3600) + sim.step(DAY0 + 43_200) + sim.step(DAY0 + 86_400);
            assertThat(published).isEqualTo(RELAYS * 4 * 3);
            assertThat(sim.claim(EPOCH0)).isEqualTo(RELAYS);
            UsageIngester ingester = new UsageIngester(() -> DAY0 + 2 * 86_400);
            try (UsageConsumer consumer = new UsageConsumer(broker.bootstrapServers(), "skyx-settlement",
                    "skywire.usage", "skywire.usage.dlt", ds, ingester)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (consumer.accepted() < published + RELAYS && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(consumer.accepted()).isEqualTo(published + RELAYS);
                assertThat(consumer.refused()).isZero();
            }
            SettlementJob job = new SettlementJob(ds, POOL, "0.5", 8, 64);
            SettlementJob.Summary s = job.settle(EPOCH0);
            assertThat(s.alreadySettled()).isFalse();
            assertThat(s.claims()).isEqualTo(RELAYS);
            Map<PubKey, Long> expected = expectedPayouts(sim);
            assertThat(payouts(ds)).isEqualTo(expected);
            long paid = expected.values().stream().mapToLong(Long::longValue).sum();
            assertThat(s.totalPaid()).isEqualTo(paid);
            assertThat(s.remainder()).isEqualTo(POOL - paid);
            assertThat(count(ds, "select count(*) from skywire_payout where method = 'ledger' and user_id = 1001"))
                    .isEqualTo(1);
            assertThat(count(ds, "select count(*) from skywire_payout where method = 'chain'")).isEqualTo(RELAYS - 1);

            SettlementJob.Summary again = job.settle(EPOCH0);
            assertThat(again.alreadySettled()).isTrue();
            assertThat(again.reportHash()).isEqualTo(s.reportHash());
            assertThat(again.totalPaid()).isEqualTo(s.totalPaid());
            assertThat(count(ds, "select count(*) from skywire_receipt")).isEqualTo(RELAYS);
            assertThat(count(ds, "select count(*) from skywire_payout")).isEqualTo(RELAYS);

            SignedRecord late = SignedRecord.sign(UsageReport.of(Simulator.key(SEED, 0).pub(),
                    Simulator.key(SEED, 3).pub(), "dmsg", DAY0, DAY0 + 60, 1, 1, 10_000), Simulator.key(SEED, 0).sec());
            try (Connection c = ds.getConnection()) {
                UsageIngester.Outcome o = ingester.ingest(c, late.encode(), "test");
                assertThat(o.reason()).hasToString("EPOCH_SETTLED");
            }
            assertThat(job.report(EPOCH0, false)).contains("\"merkle_root\":\"" + s.merkleRoot() + "\"");
            assertThat(relays.receipts(Simulator.key(SEED, 1).pub(), 10)).hasSize(1).first().asString()
                    .contains("\"report_hash\":\"" + s.reportHash() + "\"", "\"payout_method\":\"chain\"");
            return s.reportHash();
        }
    }

    /** Independent arithmetic: bytes from the simulator's rates, weight ⌊√(bytes·2^64)⌋, then the pool split. */
    private static Map<PubKey, Long> expectedPayouts(Simulator sim) {
        BigInteger[] w = new BigInteger[RELAYS];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < RELAYS; i++) {
            long bytes = 0;
            for (int j = 0; j < RELAYS; j++) {
                if (sim.linked(i, j)) {
                    bytes += sim.rate(i, j) * 86_400;
                }
            }
            w[i] = BigInteger.valueOf(bytes).shiftLeft(64).sqrt();
            sum = sum.add(w[i]);
        }
        Map<PubKey, Long> out = new HashMap<>();
        for (int i = 0; i < RELAYS; i++) {
            long share = BigInteger.valueOf(POOL).multiply(w[i]).divide(sum).longValueExact();
            out.put(Simulator.key(SEED, i).pub(), share - share % 1000);
        }
        return out;
    }

    private static Map<PubKey, Long> payouts(DataSource ds) throws Exception {
        Map<PubKey, Long> out = new HashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select relay, payout from skywire_receipt");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(PubKey.of(rs.getBytes(1)), rs.getLong(2));
            }
        }
        return out;
    }
}
