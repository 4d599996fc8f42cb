package io.skyx.api.settlement;

import io.skyx.node.cipher.PubKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The stored per-relay facts the stateful checks need (each relay's last sequence number, its last report per
 * transport and day, its claims per epoch), kept in memory between batches so that a batch reads from the database
 * only what this process has not seen yet. Each fact is either known (the stored value, or known to be absent) or
 * missing (read from the database by the next batch that needs it), so the cache may forget anything at any time.
 *
 * <p>It is valid only while nobody else has written: every batch, under the ingestion lock, replaces the token in
 * {@code skywire_ingest_clock} with a fresh random one and reads the one it replaced ({@link #begin}). If the
 * replaced token is the one this cache's last batch wrote, that batch committed and nobody wrote since, so its
 * changes join the cache; if it is the token before that, the last batch rolled back, so its changes are dropped;
 * any other token means another writer (another process, a restart) and the cache is emptied. A write to
 * {@code skywire_usage} or {@code skywire_claim} by anything but an ingester's marked transaction replaces the token
 * as well (a trigger, V1_22_0), so a manual fix or a bulk load empties the cache too. A
 * batch's own changes wait in a pending overlay until the next {@link #begin} learns whether they committed. Calls
 * are serialised by the ingestion lock and synchronised here.
 */
final class RelayState {
    /** Above this many facts the cache is emptied (facts are re-read on demand), bounding memory. */
    static final int MAX_FACTS = 2_000_000;

    /** The previous report of a (reporter, transport, day); {@link #NONE} when there is none. */
    record Last(long windowEnd, long sent, long recv) {
    }

    record TransportDay(PubKey reporter, UUID transport, long epoch) {
    }

    record RelayEpoch(PubKey relay, long epoch) {
    }

    static final Last NONE = new Last(-1, -1, -1);

    /** Facts by key; for sequence numbers 0 means no report (stored sequence numbers are positive). */
    static final class Facts {
        final Map<PubKey, Long> lastSeq = new HashMap<>();
        final Map<TransportDay, Last> last = new HashMap<>();
        final Map<RelayEpoch, Boolean> claimed = new HashMap<>();

        int size() {
            return lastSeq.size() + last.size() + claimed.size();
        }

        void putAll(Facts o) {
            lastSeq.putAll(o.lastSeq);
            last.putAll(o.last);
            claimed.putAll(o.claimed);
        }

        void clear() {
            lastSeq.clear();
            last.clear();
            claimed.clear();
        }
    }

    private final Facts known = new Facts();
    private Facts pending;
    private UUID base;
    private UUID pendingToken;

    /**
     * Starts a batch on {@code c} (which holds the ingestion lock): writes a new token, settles the previous
     * batch's changes, and returns the facts known to hold now plus an empty overlay for this batch's changes.
     */
    synchronized Facts begin(Connection c) throws SQLException {
        UUID token = UUID.randomUUID();
        UUID replaced;
        try (PreparedStatement ps = c.prepareStatement("update skywire_ingest_clock set previous = token, token = ?"
                + " returning previous, set_config('skyx.ingest_token', ?, true)")) {
            ps.setObject(1, token);
            ps.setString(2, token.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("skywire_ingest_clock has no row");
                }
                replaced = rs.getObject(1, UUID.class);
            }
        }
        if (pending != null && pendingToken.equals(replaced)) {
            known.putAll(pending);
        } else if (base == null || !base.equals(replaced)) {
            known.clear();
        }
        if (known.size() > MAX_FACTS) {
            known.clear();
        }
        base = replaced;
        pending = new Facts();
        pendingToken = token;
        return pending;
    }

    /** Facts known to hold at the start of the current batch (read-only for the batch, plus what it loads). */
    synchronized Facts known() {
        return known;
    }
}
