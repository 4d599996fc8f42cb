package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.DAY0;
import static io.skyx.api.settlement.SkywireFixtures.EPOCH0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static io.skyx.api.settlement.SkywireFixtures.relay;
import static io.skyx.api.settlement.SkywireFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.kafka.InProcessKafkaBroker;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.TransportId;
import io.skyx.skywire.UsageReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every forged or bad record on the real in-process broker is refused with its stored reason and copied to the
 * dead-letter topic once; the consumer keeps running and accepts the good records around them.
 */
class UsageRefusalIT {
    static final String TOPIC = "skywire.usage";
    static final String DLT = "skywire.usage.dlt";

    @TempDir
    Path dir;

    @Test
    void eachBadRecordIsRefusedWithItsReasonAndTheConsumerKeepsGoing() throws Exception {
        DataSource ds = SkywireFixtures.migratedDatabase();
        KeyPair a = relay("a");
        KeyPair b = relay("b");
        KeyPair c = relay("c");
        SignedRecord ok = report(a, b, "stcpr", DAY0, DAY0 + 3600, 1000, 500, 1);
        UsageReport wrongId = new UsageReport(a.pub(), TransportId.make(a.pub(), b.pub(), "sudph"),
                ((UsageReport) ok.parsed()).edge0(), ((UsageReport) ok.parsed()).edge1(), "stcpr", DAY0 + 3600,
                DAY0 + 7200, 1000, 500, 9);
        UsageReport stranger = new UsageReport(c.pub(), TransportId.make(a.pub(), b.pub(), "stcpr"),
                ((UsageReport) ok.parsed()).edge0(), ((UsageReport) ok.parsed()).edge1(), "stcpr", DAY0, DAY0 + 60,
                1, 1, 1);
        EpochClaim claim = new EpochClaim(a.pub(), EPOCH0, a.address(), List.of(ok.id()));
        byte[] garbage = "hello".getBytes(StandardCharsets.UTF_8);
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {ok.encode(), null});
        cases.add(new Object[] {report(b, a, "stcpr", DAY0, DAY0 + 3600, 500, 1000, 1).encode(), null});
        cases.add(new Object[] {SignedRecord.sign(UsageReport.of(a.pub(), b.pub(), "stcpr", DAY0 + 3600, DAY0 + 7200,
                5000, 5000, 2), c.sec()).encode(), "BAD_SIGNATURE"});
        cases.add(new Object[] {report(a, b, "stcpr", DAY0 + 3600, DAY0 + 7200, 2000, 900, 1).encode(),
            "REPLAYED_SEQUENCE"});
        cases.add(new Object[] {SignedRecord.sign(wrongId, a.sec()).encode(), "TRANSPORT_ID_MISMATCH"});
        cases.add(new Object[] {SignedRecord.sign(stranger, c.sec()).encode(), "REPORTER_NOT_EDGE"});
        cases.add(new Object[] {report(a, b, "stcpr", DAY0 + 3600, DAY0 + 7200, 900, 900, 3).encode(),
            "COUNTER_DECREASED"});
        cases.add(new Object[] {report(a, b, "stcpr", DAY0 + 1800, DAY0 + 7200, 2000, 900, 4).encode(),
            "WINDOW_OVERLAP"});
        cases.add(new Object[] {new byte[SignedRecord.MAX_WIRE + 1], "OVERSIZE"});
        cases.add(new Object[] {garbage, "MALFORMED"});
        cases.add(new Object[] {null, "MALFORMED"});
        cases.add(new Object[] {report(a, b, "stcpr", DAY0 + 30 * 86_400, DAY0 + 30 * 86_400 + 60, 1, 1, 5)
                .encode(), "BAD_WINDOW"});
        cases.add(new Object[] {SignedRecord.sign(claim, a.sec()).encode(), null});
        cases.add(new Object[] {SignedRecord.sign(new EpochClaim(a.pub(), EPOCH0, a.address(),
                List.of(SHA256.sum(garbage))), a.sec()).encode(), "DUPLICATE_CLAIM"});
        cases.add(new Object[] {ok.encode(), null});
        cases.add(new Object[] {SignedRecord.sign(claim, b.sec()).encode(), "BAD_SIGNATURE"});
        cases.add(new Object[] {garbage, "MALFORMED"});
        cases.add(new Object[] {report(a, b, "stcpr", DAY0 + 3600, DAY0 + 7200, 2000, 1000, 6).encode(), null});

        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(dir.resolve("kafka"), 0)) {
            Map<Long, String> expected = new LinkedHashMap<>();
            try (KafkaProducer<byte[], byte[]> p = producer(broker)) {
                for (Object[] k : cases) {
                    long offset = p.send(new ProducerRecord<>(TOPIC, a.pub().bytes(), (byte[]) k[0])).get().offset();
                    if (k[1] != null) {
                        expected.put(offset, (String) k[1]);
                    }
                }
            }
            UsageIngester ingester = new UsageIngester(() -> DAY0 + 2 * 86_400);
            try (UsageConsumer consumer = new UsageConsumer(broker.bootstrapServers(), "skyx-settlement", TOPIC, DLT,
                    ds, ingester)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (consumer.accepted() + consumer.duplicates() + consumer.refused() < cases.size()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(consumer.accepted()).isEqualTo(4);
                assertThat(consumer.duplicates()).isEqualTo(1);
                assertThat(consumer.refused()).isEqualTo(13);
            }
            Map<String, String> stored = SkywireFixtures.refusals(ds);
            Map<String, String> want = new LinkedHashMap<>();
            expected.forEach((off, reason) -> want.put("kafka:" + TOPIC + ":0:" + off, reason));
            want.remove("kafka:" + TOPIC + ":0:16");
            assertThat(stored).containsExactlyInAnyOrderEntriesOf(want);
            assertThat(count(ds, "select count(*) from skywire_usage")).isEqualTo(3);
            assertThat(count(ds, "select count(*) from skywire_claim")).isEqualTo(1);
            assertThat(count(ds, "select next_offset from skywire_consumer_offset")).isEqualTo(cases.size());
            assertThat(deadLetterReasons(broker, 12)).containsExactlyInAnyOrderElementsOf(want.values());
        }
    }

    static KafkaProducer<byte[], byte[]> producer(InProcessKafkaBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static List<String> deadLetterReasons(InProcessKafkaBroker broker, int n) {
        List<String> reasons = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DLT));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (reasons.size() < n && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    reasons.add(new String(r.headers().lastHeader("reason").value(), StandardCharsets.UTF_8));
                }
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> reasons.add("extra"));
        }
        return reasons;
    }
}
