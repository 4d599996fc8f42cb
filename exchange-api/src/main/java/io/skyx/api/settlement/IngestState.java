package io.skyx.api.settlement;

import io.skyx.api.settlement.RelayState.Last;
import io.skyx.api.settlement.RelayState.RelayEpoch;
import io.skyx.api.settlement.RelayState.TransportDay;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.RecordBody;
import io.skyx.skywire.RecordChecks;
import io.skyx.skywire.UsageReport;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The stored state a batch of records is checked against, read with one query per kind of fact for the whole
 * batch (each relay's last sequence number, the last report per relay, transport and day, existing claims, the
 * settled epochs, and the stored IDs of the records that may be stored already), then updated in memory as records
 * of the batch are accepted, so that records later in the batch see the earlier ones exactly as if each had been
 * stored on its own. Per-relay facts this process already knows come from {@link RelayState} instead of the
 * database; the batch's own changes go to its overlay.
 *
 * <p>Only a record that may be stored already has its ID looked up: a report whose sequence number is not above
 * its reporter's last one, or a claim of an epoch its relay already claimed. Any other record cannot be stored:
 * every stored record has its {@code skywire_usage} row ({@code unique (reporter, seq)}, so its sequence number is
 * at most the reporter's last) or its {@code skywire_claim} row ({@code unique (relay, epoch)}), written in the
 * same transaction ({@link IngestWriter}).
 */
final class IngestState {
    private final Set<SHA256> ids = new HashSet<>();
    private final Set<Long> settled = new HashSet<>();
    private final RelayState.Facts known;
    private final RelayState.Facts batch;

    private IngestState(RelayState.Facts known, RelayState.Facts batch) {
        this.known = known;
        this.batch = batch;
    }

    /** Reads what the verified records of {@code records} are checked against and this process does not know. */
    static IngestState load(Connection c, List<CheckedRecord> records, RelayState cache) throws SQLException {
        IngestState s = new IngestState(cache.known(), cache.begin(c));
        Set<Long> epochs = new LinkedHashSet<>();
        Set<PubKey> reporters = new LinkedHashSet<>();
        Set<TransportDay> days = new LinkedHashSet<>();
        Set<RelayEpoch> claimKeys = new LinkedHashSet<>();
        KeyCache keys = new KeyCache();
        for (CheckedRecord r : records) {
            if (!r.verified()) {
                continue;
            }
            epochs.add(r.epoch());
            switch (r.record().parsed()) {
                case UsageReport u -> {
                    keys.add(u.reporter());
                    if (!s.known.lastSeq.containsKey(u.reporter())) {
                        reporters.add(u.reporter());
                    }
                    TransportDay d = new TransportDay(u.reporter(), u.transportId(),
                            RecordChecks.epochOf(u.windowStart()));
                    if (!s.known.last.containsKey(d)) {
                        days.add(d);
                    }
                }
                case EpochClaim cl -> {
                    keys.add(cl.relay());
                    RelayEpoch k = new RelayEpoch(cl.relay(), cl.epoch());
                    if (!s.known.claimed.containsKey(k)) {
                        claimKeys.add(k);
                    }
                }
            }
        }
        if (epochs.isEmpty()) {
            return s;
        }
        try (PreparedStatement ps = c.prepareStatement("select epoch from skywire_settlement where epoch = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", epochs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    s.settled.add(rs.getLong(1));
                }
            }
        }
        if (!reporters.isEmpty()) {
            loadSeqs(c, s.known, reporters, keys);
        }
        if (!days.isEmpty()) {
            loadLast(c, s.known, days, keys);
        }
        if (!claimKeys.isEmpty()) {
            loadClaims(c, s.known, claimKeys, keys);
        }
        loadIds(c, s, records);
        return s;
    }

    /** The stored IDs among the records that may be stored already (see the class comment). */
    private static void loadIds(Connection c, IngestState s, List<CheckedRecord> records) throws SQLException {
        Set<SHA256> maybe = new LinkedHashSet<>();
        for (CheckedRecord r : records) {
            if (!r.verified()) {
                continue;
            }
            boolean seen = switch (r.record().parsed()) {
                case UsageReport u -> s.known.lastSeq.getOrDefault(u.reporter(), 0L) >= u.seq();
                case EpochClaim cl -> s.known.claimed.getOrDefault(new RelayEpoch(cl.relay(), cl.epoch()), false);
            };
            if (seen) {
                maybe.add(r.record().id());
            }
        }
        if (maybe.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("select id from skywire_record where id = any(?)")) {
            ps.setArray(1, bytes(c, maybe.stream().map(SHA256::bytes).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    s.ids.add(SHA256.of(rs.getBytes(1)));
                }
            }
        }
    }

    private static void loadSeqs(Connection c, RelayState.Facts known, Set<PubKey> reporters, KeyCache keys)
            throws SQLException {
        for (PubKey r : reporters) {
            known.lastSeq.put(r, 0L);
        }
        try (PreparedStatement ps = c.prepareStatement("select k.r, m.seq from unnest(?::bytea[]) as k(r)"
                + " cross join lateral (select max(seq) as seq from skywire_usage u where u.reporter = k.r) m"
                + " where m.seq is not null")) {
            ps.setArray(1, bytes(c, reporters.stream().map(PubKey::bytes).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.lastSeq.put(keys.of(rs.getBytes(1)), rs.getLong(2));
                }
            }
        }
    }

    private static void loadLast(Connection c, RelayState.Facts known, Set<TransportDay> days, KeyCache keys)
            throws SQLException {
        for (TransportDay d : days) {
            known.last.put(d, RelayState.NONE);
        }
        try (PreparedStatement ps = c.prepareStatement("select k.r, k.t, k.e, l.window_end, l.sent, l.recv"
                + " from unnest(?::bytea[], ?::uuid[], ?::bigint[]) as k(r, t, e) cross join lateral"
                + " (select window_end, sent, recv from skywire_usage u where u.reporter = k.r"
                + " and u.transport_id = k.t and u.epoch = k.e order by seq desc limit 1) l")) {
            ps.setArray(1, bytes(c, days.stream().map(d -> d.reporter().bytes()).toList()));
            ps.setArray(2, c.createArrayOf("uuid", days.stream().map(TransportDay::transport).toArray()));
            ps.setArray(3, c.createArrayOf("bigint", days.stream().map(TransportDay::epoch).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.last.put(new TransportDay(keys.of(rs.getBytes(1)), rs.getObject(2, UUID.class),
                            rs.getLong(3)), new Last(rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            }
        }
    }

    private static void loadClaims(Connection c, RelayState.Facts known, Set<RelayEpoch> claimKeys, KeyCache keys)
            throws SQLException {
        for (RelayEpoch k : claimKeys) {
            known.claimed.put(k, false);
        }
        try (PreparedStatement ps = c.prepareStatement("select c.relay, c.epoch from skywire_claim c"
                + " join unnest(?::bytea[], ?::bigint[]) as k(relay, epoch) on c.relay = k.relay"
                + " and c.epoch = k.epoch")) {
            ps.setArray(1, bytes(c, claimKeys.stream().map(k -> k.relay().bytes()).toList()));
            ps.setArray(2, c.createArrayOf("bigint", claimKeys.stream().map(RelayEpoch::epoch).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.claimed.put(new RelayEpoch(keys.of(rs.getBytes(1)), rs.getLong(2)), true);
                }
            }
        }
    }

    static Array bytes(Connection c, List<byte[]> values) throws SQLException {
        return c.createArrayOf("bytea", values.toArray(new byte[0][]));
    }

    boolean stored(SHA256 id) {
        return ids.contains(id);
    }

    boolean settled(long epoch) {
        return settled.contains(epoch);
    }

    /** @return the relay's last accepted sequence number, or null */
    Long lastSeq(PubKey reporter) {
        Long seq = batch.lastSeq.getOrDefault(reporter, known.lastSeq.get(reporter));
        return seq == null || seq == 0 ? null : seq;
    }

    /** @return the reporter's previous report of the same transport and day, or null */
    Last last(UsageReport r) {
        TransportDay d = new TransportDay(r.reporter(), r.transportId(), RecordChecks.epochOf(r.windowStart()));
        Last l = batch.last.getOrDefault(d, known.last.get(d));
        return l == RelayState.NONE ? null : l;
    }

    boolean claimed(EpochClaim cl) {
        RelayEpoch k = new RelayEpoch(cl.relay(), cl.epoch());
        return batch.claimed.getOrDefault(k, known.claimed.getOrDefault(k, false));
    }

    /** Records an accepted record, so that later records of the batch are checked against it. */
    void accepted(SHA256 id, RecordBody body) {
        ids.add(id);
        switch (body) {
            case UsageReport r -> {
                batch.lastSeq.put(r.reporter(), r.seq()); // accepted only above the last one
                batch.last.put(new TransportDay(r.reporter(), r.transportId(), RecordChecks.epochOf(r.windowStart())),
                        new Last(r.windowEnd(), r.sent(), r.recv()));
            }
            case EpochClaim cl -> batch.claimed.put(new RelayEpoch(cl.relay(), cl.epoch()), true);
        }
    }

    /** The distinct epochs of the verified records, sorted (the order their locks are taken in). */
    static List<Long> epochs(List<CheckedRecord> batch) {
        return new ArrayList<>(batch.stream().filter(CheckedRecord::verified).map(CheckedRecord::epoch)
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}
