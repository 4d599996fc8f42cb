package io.skyx.api.settlement;

import io.skyx.node.cipher.PubKey;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Relay keys read back from the database, each parsed once: {@link PubKey#of} decompresses and checks the curve
 * point, which costs about as much as hashing a few kilobytes, and the same few thousand relays come back on
 * hundreds of thousands of rows (the settlement job's reports, the ingestion state of every poll).
 */
final class KeyCache {
    private final Map<ByteBuffer, PubKey> keys = new HashMap<>();

    /** Knows {@code key} already (a key decoded from a record of the batch). */
    void add(PubKey key) {
        keys.putIfAbsent(ByteBuffer.wrap(key.bytes()), key);
    }

    /** The key of these stored bytes, parsed on first sight. */
    PubKey of(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        PubKey k = keys.get(b);
        if (k == null) {
            k = SettlementJob.key(bytes);
            keys.put(b, k);
        }
        return k;
    }
}
