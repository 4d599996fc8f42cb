package io.skyx.api.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the signatures of accepted signed requests for as long as their timestamps are inside the window,
 * so that a captured request cannot be sent again: durably, in PostgreSQL ({@code seen_signatures}), so the
 * guard holds across restarts and is shared by every instance on the same database. An insert that finds the
 * signature already there is a replay. Expired rows (timestamp past the window, which the timestamp check
 * refuses anyway) are deleted at most once per {@code purgeEveryMillis}.
 *
 * <p>A request whose only effect is a sequenced command ({@link SignatureClaim}) is not recorded by an insert of
 * its own: its signature is claimed in memory here, and the journal records it in the transaction of its
 * command (one durable write for both). The claims in memory start as every unexpired signature recorded in
 * the table, so a replay after a restart is refused. The journal has one writer (this instance's sequencer), so
 * the claims of this instance are the whole truth for the commands it sequences.
 */
final class ReplayGuard {

    private static final long PURGE_EVERY_MILLIS = 10_000;

    private final long windowMillis;
    private final ApiKeyStore store;
    private final AtomicLong nextPurgeMillis = new AtomicLong();
    /** Signature → expiry (epoch ms) of the deferred claims and of what the table held at start. */
    private final Map<String, Long> claimed = new ConcurrentHashMap<>();

    ReplayGuard(long windowMillis, ApiKeyStore store, long nowMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("windowMillis must be positive");
        }
        this.windowMillis = windowMillis;
        this.store = store;
        store.signaturesUnexpiredAt(nowMillis, claimed::put);
    }

    /**
     * Records {@code signatureHex} of a request stamped {@code timestampMillis}; false if it was seen before
     * (a replay), by this instance or any other, before or after a restart.
     */
    boolean firstSeen(String signatureHex, long timestampMillis, long nowMillis) {
        purgeNowAndThen(nowMillis);
        return store.firstUseOfSignature(signatureHex, timestampMillis + windowMillis);
    }

    /**
     * Claims the signature of a request whose record goes into the journal; null if it was claimed or recorded
     * before (a replay). The caller passes the claim to the command and {@link #settle settles} it when done.
     */
    SignatureClaim claim(String signatureHex, long timestampMillis, long nowMillis) {
        purgeNowAndThen(nowMillis);
        long expires = timestampMillis + windowMillis;
        return claimed.putIfAbsent(signatureHex, expires) == null ? new SignatureClaim(signatureHex, expires) : null;
    }

    /** Records a claim that no journal entry recorded (its request took no effect), so a replay stays refused. */
    void settle(SignatureClaim claim) {
        if (!claim.isRecorded()) {
            store.firstUseOfSignature(claim.signatureHex(), claim.expiresAtMillis());
        }
    }

    int claimsInMemory() {
        return claimed.size();
    }

    private void purgeNowAndThen(long nowMillis) {
        long next = nextPurgeMillis.get();
        if (nowMillis >= next && nextPurgeMillis.compareAndSet(next, nowMillis + PURGE_EVERY_MILLIS)) {
            store.forgetSignaturesExpiredBefore(nowMillis);
            claimed.values().removeIf(expires -> expires < nowMillis);
        }
    }
}
