package io.skyx.skywire.agent;

import java.io.IOException;
import java.util.List;

/** Where an agent publishes signed records (Kafka in production, a list in tests). */
public interface RecordSink extends AutoCloseable {
    /**
     * Publishes the wire records of one relay and returns only once every one of them is acknowledged.
     *
     * @param relayKey the relay's public key bytes (the Kafka record key)
     */
    void send(byte[] relayKey, List<byte[]> records) throws IOException;

    @Override
    void close();
}
