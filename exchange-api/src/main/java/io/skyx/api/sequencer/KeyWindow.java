package io.skyx.api.sequencer;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency keys of the most recent commands (bounded), in front of the journal's unique index. Written
 * by the sequencer thread only; {@link #contains} may be called from any thread. Keys of commands not yet durable
 * are never evicted. {@link #evictedUpTo()} is the highest sequence number whose key may be missing here: a
 * lookup in the index that saw the journal only up to an older sequence number must be repeated.
 */
final class KeyWindow {

    private final int capacity;
    private final Map<String, AppliedCommand> byKey = new ConcurrentHashMap<>();
    private final ArrayDeque<AppliedCommand> order = new ArrayDeque<>();
    private volatile long evictedUpTo;

    KeyWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("key window capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Forgets everything: keys up to {@code seq} are then only in the index. */
    void reset(long seq) {
        byKey.clear();
        order.clear();
        evictedUpTo = seq;
    }

    boolean contains(String key) {
        return byKey.containsKey(key);
    }

    AppliedCommand get(String key) {
        return byKey.get(key);
    }

    long evictedUpTo() {
        return evictedUpTo;
    }

    int size() {
        return order.size();
    }

    /** Remembers an applied command's key; evicts the oldest durable keys beyond the capacity. */
    void put(String key, AppliedCommand a, long durableSeq) {
        byKey.put(key, a);
        order.addLast(a);
        while (order.size() > capacity && order.peekFirst().seq() <= durableSeq) {
            AppliedCommand old = order.removeFirst();
            byKey.remove(old.command().idempotencyKey());
            evictedUpTo = Math.max(evictedUpTo, old.seq());
        }
    }
}
