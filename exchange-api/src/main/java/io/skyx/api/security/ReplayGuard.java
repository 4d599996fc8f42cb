package io.skyx.api.security;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the signatures of accepted signed requests for as long as their timestamps are inside the window,
 * so that a captured request cannot be sent again: durably, in PostgreSQL ({@code seen_signatures}), so the
 * guard holds across restarts and is shared by every instance on the same database. An insert that finds the
 * signature already there is a replay. Expired rows (timestamp past the window, which the timestamp check
 * refuses anyway) are deleted at most once per {@code purgeEveryMillis}.
 */
final class ReplayGuard {

    private static final long PURGE_EVERY_MILLIS = 10_000;

    private final long windowMillis;
    private final ApiKeyStore store;
    private final AtomicLong nextPurgeMillis = new AtomicLong();

    ReplayGuard(long windowMillis, ApiKeyStore store) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("windowMillis must be positive");
        }
        this.windowMillis = windowMillis;
        this.store = store;
    }

    /**
     * Records {@code signatureHex} of a request stamped {@code timestampMillis}; false if it was seen before
     * (a replay), by this instance or any other, before or after a restart.
     */
    boolean firstSeen(String signatureHex, long timestampMillis, long nowMillis) {
        long next = nextPurgeMillis.get();
        if (nowMillis >= next && nextPurgeMillis.compareAndSet(next, nowMillis + PURGE_EVERY_MILLIS)) {
            store.forgetSignaturesExpiredBefore(nowMillis);
        }
        return store.firstUseOfSignature(signatureHex, timestampMillis + windowMillis);
    }
}
