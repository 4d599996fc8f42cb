package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.DAY0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.kafka.InProcessKafkaBroker;
import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.agent.KafkaRecordSink;
import io.skyx.skywire.agent.RecordSink;
import io.skyx.skywire.agent.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across restarts: consumer restarted, broker restarted mid-stream, the stored offsets reset (the whole
 * topic read again) and every record produced a second time: the stored reports are exactly the published ones,
 * none missing, none twice.
 */
class UsageReplayIT {
    static final String TOPIC = "skywire.usage";

    @TempDir
    Path dir;

    /** Remembers what the agents published (and acknowledged). */
    static final class Capture implements RecordSink {
        final RecordSink inner;
        final List<byte[]> records = new ArrayList<>();

        Capture(RecordSink inner) {
            this.inner = inner;
        }

        @Override
        public void send(byte[] relayKey, List<byte[]> batch) throws IOException {
            inner.send(relayKey, batch);
            records.addAll(batch);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void consumerAndBrokerRestartsAndFullReplaysLoseNothingAndCountNothingTwice() throws Exception {
        DataSource ds = SkywireFixtures.migratedDatabase();
        UsageIngester ingester = new UsageIngester(() -> DAY0 + 2 * 86_400);
        Path logDir = dir.resolve("kafka");
        InProcessKafkaBroker broker = InProcessKafkaBroker.start(logDir, 0);
        String servers = broker.bootstrapServers();
        int port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
        Capture sink = new Capture(new KafkaRecordSink(servers, TOPIC));
        Simulator sim = new Simulator(20, 3, 500, dir.resolve("agents"), sink);
        for (int t = 1; t <= 5; t++) {
            sim.step(DAY0 + t * 600L);
        }
        try (UsageConsumer first = consumer(servers, ds, ingester)) {
            waitFor(() -> first.accepted() > 0);
        }
        for (int t = 6; t <= 30; t++) {
            sim.step(DAY0 + t * 600L);
        }
        int total = sink.records.size();
        assertThat(total).isEqualTo(20 * 4 * 30);
        UsageConsumer second = consumer(servers, ds, ingester);
        waitFor(() -> second.accepted() > 0);
        broker.close();
        broker = InProcessKafkaBroker.start(logDir, port);
        sim.step(DAY0 + 31 * 600L);
        total = sink.records.size();
        long want = total;
        waitFor(() -> stored(ds) == want);
        second.close();
        assertThat(storedIds(ds)).isEqualTo(ids(sink.records));
        assertThat(count(ds, "select count(*) from skywire_refusal")).isZero();

        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from skywire_consumer_offset");
        }
        try (var producer = UsageRefusalIT.producer(broker)) {
            for (byte[] r : sink.records) {
                producer.send(new ProducerRecord<>(TOPIC, SignedRecord.decode(r).parsed().signer().bytes(), r));
            }
            producer.flush();
        }
        try (UsageConsumer replay = consumer(servers, ds, ingester)) {
            waitFor(() -> replay.duplicates() == 2L * want);
            assertThat(replay.accepted()).isZero();
            assertThat(replay.refused()).isZero();
        }
        assertThat(stored(ds)).isEqualTo(want);
        assertThat(storedIds(ds)).isEqualTo(ids(sink.records));
        assertThat(count(ds, "select next_offset from skywire_consumer_offset")).isEqualTo(2L * want);
        sink.close();
        broker.close();
    }

    private static UsageConsumer consumer(String servers, DataSource ds, UsageIngester ingester) {
        return new UsageConsumer(servers, "skyx-settlement", TOPIC, TOPIC + ".dlt", ds, ingester);
    }

    private static long stored(DataSource ds) throws Exception {
        return count(ds, "select count(*) from skywire_record");
    }

    private static Set<SHA256> storedIds(DataSource ds) throws Exception {
        Set<SHA256> out = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from skywire_record")) {
            while (rs.next()) {
                out.add(SHA256.of(rs.getBytes(1)));
            }
        }
        return out;
    }

    private static Set<SHA256> ids(List<byte[]> records) throws Exception {
        Set<SHA256> out = new HashSet<>();
        for (byte[] r : records) {
            out.add(SignedRecord.decode(r).id());
        }
        return out;
    }

    private static void waitFor(CheckedCondition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    interface CheckedCondition {
        boolean get() throws Exception;
    }
}
