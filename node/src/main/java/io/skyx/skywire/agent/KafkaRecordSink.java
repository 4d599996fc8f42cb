package io.skyx.skywire.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Publishes to Kafka with an idempotent producer, {@code acks=all}, keyed by the relay key. */
public final class KafkaRecordSink implements RecordSink {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public KafkaRecordSink(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1 << 20),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(byte[] relayKey, List<byte[]> records) throws IOException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (byte[] r : records) {
            acks.add(producer.send(new ProducerRecord<>(topic, relayKey, r)));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> f : acks) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("Kafka refused a record: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
