package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.DAY0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.kafka.InProcessKafkaBroker;
import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.agent.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, run only on request ({@code -Dskyx.bench=true}; it takes minutes): end-to-end usage reports per
 * second (Kafka → decode → verify → checks → PostgreSQL with the offset, exactly once) from 1000 relays, beside
 * the raw decode+verify rate of the same records on the same machine in the same run. Prints both and the ratio.
 * Size: {@code -Dskyx.bench.records} (default 20000).
 */
@EnabledIfSystemProperty(named = "skyx.bench", matches = "true", disabledReason = "benchmark: -Dskyx.bench=true")
class SkywireThroughputIT {
    @TempDir
    Path dir;

    @Test
    void endToEndReportsPerSecondBesideTheRawVerifyRate() throws Exception {
        int relays = 1000;
        int total = Integer.getInteger("skyx.bench.records", 20_000);
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < relays; i++) {
            keys.add(Simulator.key(42, i));
        }
        List<byte[]> records = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            int i = n % relays;
            int round = n / relays;
            records.add(SkywireFixtures.report(keys.get(i), keys.get((i + 1) % relays), "stcpr", DAY0 + round * 60L,
                    DAY0 + round * 60L + 60, 1000L * (round + 1), 900L * (round + 1), round + 1).encode());
        }
        long t0 = System.nanoTime();
        int ok = 0;
        for (byte[] r : records) {
            if (SignedRecord.decode(r).verify().ok()) {
                ok++;
            }
        }
        double verifyRate = total / ((System.nanoTime() - t0) / 1e9);
        assertThat(ok).isEqualTo(total);

        DataSource ds = SkywireFixtures.migratedDatabase();
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(dir.resolve("kafka"), 0)) {
            try (KafkaProducer<byte[], byte[]> p = UsageRefusalIT.producer(broker)) {
                for (byte[] r : records) {
                    p.send(new ProducerRecord<>("skywire.usage", SignedRecord.decode(r).parsed().signer().bytes(), r));
                }
                p.flush();
            }
            UsageIngester ingester = new UsageIngester(() -> DAY0 + 2 * 86_400);
            long t1 = System.nanoTime();
            try (UsageConsumer consumer = new UsageConsumer(broker.bootstrapServers(), "bench", "skywire.usage",
                    "skywire.usage.dlt", ds, ingester)) {
                while (consumer.accepted() + consumer.refused() < total) {
                    Thread.sleep(20);
                }
                double e2e = total / ((System.nanoTime() - t1) / 1e9);
                assertThat(consumer.refused()).isZero();
                System.out.printf("[skywire bench] %d reports from %d relays: end-to-end %.0f reports/s, raw"
                        + " decode+verify %.0f/s, ratio %.1f%% (cores %d)%n", total, relays, e2e, verifyRate,
                        100 * e2e / verifyRate, Runtime.getRuntime().availableProcessors());
            }
            assertThat(count(ds, "select count(*) from skywire_usage")).isEqualTo(total);
        }
    }
}
