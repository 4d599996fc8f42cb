package io.skyx.api.settlement;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The stored state a batch of records is checked against, read with one query per kind of fact for the whole
 * batch (stored IDs, settled epochs, each relay's last sequence number, the last report per relay, transport and
 * day, existing claims), then updated in memory as records of the batch are accepted, so that records later in
 * the batch see the earlier ones exactly as if each had been stored on its own.
 */
final class IngestState {
    /** The previous report of a (reporter, transport, day). */
    record Last(long windowEnd, long sent, long recv) {
    }

    private record TransportDay(PubKey reporter, UUID transport, long epoch) {
    }

    private record RelayEpoch(PubKey relay, long epoch) {
    }

    private final Set<SHA256> ids = new HashSet<>();
    private final Set<Long> settled = new HashSet<>();
    private final Map<PubKey, Long> lastSeq = new HashMap<>();
    private final Map<TransportDay, Last> last = new HashMap<>();
    private final Set<RelayEpoch> claims = new HashSet<>();

    /** Reads everything the verified records of {@code batch} are checked against. */
    static IngestState load(Connection c, List<CheckedRecord> batch) throws SQLException {
        IngestState s = new IngestState();
        Set<SHA256> ids = new LinkedHashSet<>();
        Set<Long> epochs = new LinkedHashSet<>();
        Set<PubKey> reporters = new LinkedHashSet<>();
        Set<TransportDay> days = new LinkedHashSet<>();
        Set<RelayEpoch> claimKeys = new LinkedHashSet<>();
        KeyCache known = new KeyCache();
        for (CheckedRecord r : batch) {
            if (!r.verified()) {
                continue;
            }
            ids.add(r.record().id());
            epochs.add(r.epoch());
            switch (r.record().parsed()) {
                case UsageReport u -> {
                    reporters.add(u.reporter());
                    known.add(u.reporter());
                    days.add(new TransportDay(u.reporter(), u.transportId(), RecordChecks.epochOf(u.windowStart())));
                }
                case EpochClaim cl -> {
                    claimKeys.add(new RelayEpoch(cl.relay(), cl.epoch()));
                    known.add(cl.relay());
                }
            }
        }
        if (ids.isEmpty()) {
            return s;
        }
        try (PreparedStatement ps = c.prepareStatement("select id from skywire_record where id = any(?)")) {
            ps.setArray(1, bytes(c, ids.stream().map(SHA256::bytes).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    s.ids.add(SHA256.of(rs.getBytes(1)));
                }
            }
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
            loadReports(c, s, reporters, days, known);
        }
        if (!claimKeys.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("select c.relay, c.epoch from skywire_claim c"
                    + " join unnest(?::bytea[], ?::bigint[]) as k(relay, epoch) on c.relay = k.relay"
                    + " and c.epoch = k.epoch")) {
                ps.setArray(1, bytes(c, claimKeys.stream().map(k -> k.relay().bytes()).toList()));
                ps.setArray(2, c.createArrayOf("bigint", claimKeys.stream().map(RelayEpoch::epoch).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        s.claims.add(new RelayEpoch(known.of(rs.getBytes(1)), rs.getLong(2)));
                    }
                }
            }
        }
        return s;
    }

    private static void loadReports(Connection c, IngestState s, Set<PubKey> reporters, Set<TransportDay> days,
                                    KeyCache known) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select k.r, m.seq from unnest(?::bytea[]) as k(r)"
                + " cross join lateral (select max(seq) as seq from skywire_usage u where u.reporter = k.r) m"
                + " where m.seq is not null")) {
            ps.setArray(1, bytes(c, reporters.stream().map(PubKey::bytes).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    s.lastSeq.put(known.of(rs.getBytes(1)), rs.getLong(2));
                }
            }
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
                    s.last.put(new TransportDay(known.of(rs.getBytes(1)), rs.getObject(2, UUID.class),
                            rs.getLong(3)), new Last(rs.getLong(4), rs.getLong(5), rs.getLong(6)));
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
        return lastSeq.get(reporter);
    }

    /** @return the reporter's previous report of the same transport and day, or null */
    Last last(UsageReport r) {
        return last.get(new TransportDay(r.reporter(), r.transportId(), RecordChecks.epochOf(r.windowStart())));
    }

    boolean claimed(EpochClaim cl) {
        return claims.contains(new RelayEpoch(cl.relay(), cl.epoch()));
    }

    /** Records an accepted record, so that later records of the batch are checked against it. */
    void accepted(SHA256 id, RecordBody body) {
        ids.add(id);
        switch (body) {
            case UsageReport r -> {
                lastSeq.merge(r.reporter(), r.seq(), Math::max);
                last.put(new TransportDay(r.reporter(), r.transportId(), RecordChecks.epochOf(r.windowStart())),
                        new Last(r.windowEnd(), r.sent(), r.recv()));
            }
            case EpochClaim cl -> claims.add(new RelayEpoch(cl.relay(), cl.epoch()));
        }
    }

    /** The distinct epochs of the verified records, sorted (the order their locks are taken in). */
    static List<Long> epochs(List<CheckedRecord> batch) {
        return new ArrayList<>(batch.stream().filter(CheckedRecord::verified).map(CheckedRecord::epoch)
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}
