package io.skyx.api.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the signatures of accepted signed requests for as long as their timestamps are inside the window,
 * so that a captured request cannot be sent again. Entries are dropped once their timestamp has left the
 * window (after that the timestamp check refuses the request anyway). In memory, per application instance.
 */
final class ReplayGuard {

    private final long windowMillis;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicLong nextPurgeMillis = new AtomicLong();

    ReplayGuard(long windowMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("windowMillis must be positive");
        }
        this.windowMillis = windowMillis;
    }

    /**
     * Records {@code signatureHex} of a request stamped {@code timestampMillis}; false if it was seen before
     * (a replay).
     */
    boolean firstSeen(String signatureHex, long timestampMillis, long nowMillis) {
        purgeNowAndThen(nowMillis);
        return seen.putIfAbsent(signatureHex, timestampMillis + windowMillis) == null;
    }

    /** How many signatures are remembered (for tests and metrics). */
    int size() {
        return seen.size();
    }

    private void purgeNowAndThen(long nowMillis) {
        long next = nextPurgeMillis.get();
        if (nowMillis >= next && nextPurgeMillis.compareAndSet(next, nowMillis + Math.min(windowMillis, 1_000))) {
            seen.values().removeIf(expiry -> expiry < nowMillis);
        }
    }
}
