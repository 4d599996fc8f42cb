package io.skyx.api.settlement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads signed Skywire records from Kafka and stores them exactly once: each polled batch is ingested in one
 * PostgreSQL transaction together with the next offset of every partition it touched
 * ({@code skywire_consumer_offset}); on assignment the consumer seeks to those stored offsets (Kafka's own
 * committed offsets are not used). A crash before the commit replays the batch; a replay after it is skipped by
 * the offsets and, if the topic is replayed some other way, by the content-hash keys. New refusals are copied to
 * the dead-letter topic (header {@code reason}) before the transaction commits, so the dead-letter topic is
 * at-least-once, keyed by the wire hash. A bad record is a refusal, never a reason to stop; a database or Kafka
 * failure rolls the batch back and retries it after a pause. While one batch is stored, the next one is already
 * polled and its signatures verified on the other cores (an empty poll is retried while the pending batch is still
 * being checked, so the checkers have the next batch queued before the pending one is stored); a rebalance or a
 * failure drops that prefetched batch, and the consumer seeks back to the stored offsets.
 */
public final class UsageConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UsageConsumer.class);

    private final String topic;
    private final String deadLetterTopic;
    private final DataSource db;
    private final UsageIngester ingester;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Thread thread;
    private volatile boolean running = true;
    /** Set by a rebalance during a poll (on the consumer thread): a batch polled before it is dropped and re-read. */
    private boolean rebalanced;
    /**
     * One checker thread per core; each batch is split into {@link #CHUNK}-record tasks, so the next poll's checks
     * queue behind the current ones and no core idles at the tail of a batch (a parallel stream per batch left one
     * core idle while the other finished its last split, up to a quarter of the batch).
     */
    private final ExecutorService checker = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("skywire-check-", 0).daemon().factory());
    static final int CHUNK = 50;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong pollNanos = new AtomicLong();
    private final AtomicLong checkWaitNanos = new AtomicLong();
    private final AtomicLong storeNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();

    /**
     * Where the consumer thread's time went (nanoseconds, summed over all batches): in {@code poll}, waiting for the
     * signature checks of the batch it is about to store, in the stateful checks and writes, and in the commit.
     */
    public record Timings(long batches, long pollNanos, long checkWaitNanos, long storeNanos, long commitNanos) {
    }

    /** Creates and starts the consumer thread. */
    public UsageConsumer(String bootstrapServers, String groupId, String topic, String deadLetterTopic,
                         DataSource db, UsageIngester ingester) {
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.db = db;
        this.ingester = ingester;
        Map<String, Object> cc = new HashMap<>();
        cc.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        cc.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        cc.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cc.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cc.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        cc.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(cc, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> pc = new HashMap<>();
        pc.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        pc.put(ProducerConfig.ACKS_CONFIG, "all");
        pc.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaProducer<>(pc, new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = Thread.ofPlatform().name("skywire-consumer").daemon().unstarted(this::run);
        thread.start();
    }

    /** Records accepted so far by this consumer. */
    public long accepted() {
        return accepted.get();
    }

    /** Records seen again (already stored) so far. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Records refused so far (repeated refusals included). */
    public long refused() {
        return refused.get();
    }

    /** Where the consumer thread's time went so far. */
    public Timings timings() {
        return new Timings(batches.get(), pollNanos.get(), checkWaitNanos.get(), storeNanos.get(), commitNanos.get());
    }

    /** Batches rolled back because of a database or Kafka failure. */
    public long failures() {
        return failures.get();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // positions live in PostgreSQL; nothing to commit to Kafka
                    rebalanced = true;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    rebalanced = true;
                    seekToStored(partitions);
                }
            });
            boolean reseek = false;
            Batch pending = null;
            while (running) {
                try {
                    if (reseek) {
                        if (pending != null) {
                            pending.checked.forEach(f -> f.cancel(false));
                        }
                        pending = null;
                        seekToStored(consumer.assignment());
                        reseek = false;
                    }
                    rebalanced = false;
                    long t0 = System.nanoTime();
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(pending == null ? 200 : 0));
                    while (records.isEmpty() && pending != null && !pending.checkedAll() && !rebalanced
                            && running) {
                        // fetch the next poll while the pending one is still being checked, so that its checks
                        // are queued before the pending one is stored (else the checker idles while it is stored)
                        records = consumer.poll(Duration.ofMillis(2));
                    }
                    pollNanos.addAndGet(System.nanoTime() - t0);
                    if (rebalanced && pending != null) {
                        reseek = true;
                        continue;
                    }
                    Batch next = records.isEmpty() ? null : new Batch(records);
                    if (pending != null) {
                        Batch current = pending;
                        pending = null;
                        ingestBatch(current);
                    }
                    pending = next;
                } catch (WakeupException e) {
                    if (!running) {
                        break;
                    }
                } catch (SQLException | RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    failures.incrementAndGet();
                    LOG.warn("skywire batch rolled back, retrying from the stored offsets: {}", e.toString());
                    pause();
                    reseek = true;
                }
            }
        } finally {
            checker.shutdownNow();
            consumer.close();
        }
    }

    /**
     * A polled batch whose stateless checks (decoding, signatures) run on the checker while the previous batch is
     * being stored, so that the cores verify signatures while PostgreSQL writes.
     */
    private final class Batch {
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        final List<UsageIngester.Input> inputs = new ArrayList<>();
        final Map<TopicPartition, Long> next = new HashMap<>();
        final List<Future<List<CheckedRecord>>> checked = new ArrayList<>();

        Batch(ConsumerRecords<byte[], byte[]> polled) {
            for (ConsumerRecord<byte[], byte[]> r : polled) {
                records.add(r);
                inputs.add(new UsageIngester.Input(r.value(), "kafka:" + r.topic() + ":" + r.partition() + ":"
                        + r.offset()));
                next.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
            }
            for (int from = 0; from < inputs.size(); from += CHUNK) {
                List<UsageIngester.Input> chunk = inputs.subList(from, Math.min(inputs.size(), from + CHUNK));
                checked.add(checker.submit(() -> ingester.checkHere(chunk)));
            }
        }

        boolean checkedAll() {
            return checked.stream().allMatch(Future::isDone);
        }
    }

    private void ingestBatch(Batch batch) throws SQLException {
        List<CheckedRecord> checked = new ArrayList<>(batch.inputs.size());
        long t0 = System.nanoTime();
        try {
            for (Future<List<CheckedRecord>> chunk : batch.checked) {
                checked.addAll(chunk.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking a batch failed", e.getCause());
        }
        List<ConsumerRecord<byte[], byte[]>> list = batch.records;
        List<UsageIngester.Input> inputs = batch.inputs;
        Map<TopicPartition, Long> next = batch.next;
        long acc = 0;
        long dup = 0;
        long ref = 0;
        long t1 = System.nanoTime();
        checkWaitNanos.addAndGet(t1 - t0);
        long t2;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<UsageIngester.Outcome> outcomes = ingester.store(c, checked);
                List<Future<RecordMetadata>> dead = new ArrayList<>();
                for (int i = 0; i < outcomes.size(); i++) {
                    UsageIngester.Outcome o = outcomes.get(i);
                    switch (o.status()) {
                        case ACCEPTED -> acc++;
                        case DUPLICATE -> dup++;
                        case REFUSED -> {
                            ref++;
                            if (o.fresh()) {
                                dead.add(deadLetters.send(deadLetter(list.get(i), o, inputs.get(i).source())));
                            }
                        }
                    }
                }
                storeOffsets(c, next);
                for (Future<RecordMetadata> d : dead) {
                    d.get();
                }
                t2 = System.nanoTime();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (Exception e) {
                c.rollback();
                throw new IllegalStateException("dead-letter publish failed", e);
            }
        }
        long t3 = System.nanoTime();
        storeNanos.addAndGet(t2 - t1);
        commitNanos.addAndGet(t3 - t2);
        batches.incrementAndGet();
        accepted.addAndGet(acc);
        duplicates.addAndGet(dup);
        refused.addAndGet(ref);
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> r, UsageIngester.Outcome o,
                                                      String source) {
        ProducerRecord<byte[], byte[]> d = new ProducerRecord<>(deadLetterTopic, r.key(),
                r.value() == null ? new byte[0] : r.value());
        d.headers().add(new RecordHeader("reason", o.reason().name().getBytes(StandardCharsets.UTF_8)));
        d.headers().add(new RecordHeader("source", source.getBytes(StandardCharsets.UTF_8)));
        return d;
    }

    private static void storeOffsets(Connection c, Map<TopicPartition, Long> next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into skywire_consumer_offset (topic, part,"
                + " next_offset) values (?, ?, ?) on conflict (topic, part) do update set next_offset ="
                + " excluded.next_offset")) {
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                ps.setString(1, e.getKey().topic());
                ps.setInt(2, e.getKey().partition());
                ps.setLong(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void seekToStored(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select part, next_offset from skywire_consumer_offset"
                     + " where topic = ?")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(new TopicPartition(topic, rs.getInt(1)), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored Kafka offsets", e);
        }
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition p : partitions) {
            Long offset = stored.get(p);
            if (offset == null) {
                fromStart.add(p);
            } else {
                consumer.seek(p, offset);
            }
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
        }
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread and closes the clients. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(2));
    }
}
