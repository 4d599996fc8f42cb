package io.skyx.api.settlement;

import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.TransportId;
import io.skyx.skywire.agent.Simulator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * A large, deterministic settlement input written straight into the tables the job reads (the ingestion path has
 * its own benchmark): {@code relays} relays, relay i linked to i+1 … i+{@code links} on {@code stcpr}, so
 * {@code relays × links} transports, each reported by both edges (recv ≈ 99 % of the peer's sent), three relays
 * per IP, one claim per relay listing its reports. Record IDs are content hashes of the row's fields; the wire
 * column holds no signed record (the job does not read it).
 */
final class SettlementLoad {
    static final int CHUNK = 5000;

    private SettlementLoad() {
    }

    static void populate(DataSource ds, int relays, int links, long epoch) throws SQLException {
        long day = epoch * 86_400;
        List<KeyPair> keys = IntStream.range(0, relays).parallel().mapToObj(i -> Simulator.key(7, i)).toList();
        List<List<byte[]>> claimIds = new ArrayList<>();
        for (int i = 0; i < relays; i++) {
            claimIds.add(new ArrayList<>());
        }
        long[] seq = new long[relays];
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into skywire_relay (relay, external_ip)"
                    + " select * from unnest(?::bytea[], ?::text[])")) {
                List<byte[]> ks = new ArrayList<>();
                List<String> ips = new ArrayList<>();
                for (int i = 0; i < relays; i++) {
                    ks.add(keys.get(i).pub().bytes());
                    ips.add("198.18." + (i / 3 / 256) + "." + (i / 3 % 256));
                }
                ps.setArray(1, IngestState.bytes(c, ks));
                ps.setArray(2, c.createArrayOf("text", ips.toArray()));
                ps.executeUpdate();
            }
            Rows rows = new Rows();
            for (int i = 0; i < relays; i++) {
                for (int k = 1; k <= links; k++) {
                    int j = (i + k) % relays;
                    KeyPair a = keys.get(i);
                    KeyPair b = keys.get(j);
                    UUID t = TransportId.make(a.pub(), b.pub(), "stcpr");
                    long ab = 1_000_000L + (31L * i + 17L * j) % 7 * 250_000L;
                    long ba = 800_000L + (13L * i + 29L * j) % 5 * 300_000L;
                    rows.add(c, claimIds.get(i), a, b, t, day, ab, ba * 99 / 100, ++seq[i]);
                    rows.add(c, claimIds.get(j), b, a, t, day, ba, ab * 99 / 100, ++seq[j]);
                }
            }
            rows.flush(c);
            try (PreparedStatement rec = c.prepareStatement("insert into skywire_record (id, kind, relay, epoch, wire,"
                    + " source) values (?, 2, ?, ?, '\\x00', 'bench')");
                 PreparedStatement cl = c.prepareStatement("insert into skywire_claim (record_id, relay, epoch,"
                         + " reward_address, report_ids) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < relays; i++) {
                    byte[] list = new byte[claimIds.get(i).size() * SHA256.SIZE];
                    for (int n = 0; n < claimIds.get(i).size(); n++) {
                        System.arraycopy(claimIds.get(i).get(n), 0, list, n * SHA256.SIZE, SHA256.SIZE);
                    }
                    byte[] id = SHA256.sum(list).bytes();
                    rec.setBytes(1, id);
                    rec.setBytes(2, keys.get(i).pub().bytes());
                    rec.setLong(3, epoch);
                    rec.addBatch();
                    cl.setBytes(1, id);
                    cl.setBytes(2, keys.get(i).pub().bytes());
                    cl.setLong(3, epoch);
                    cl.setString(4, keys.get(i).address().toString());
                    cl.setBytes(5, list);
                    cl.addBatch();
                }
                rec.executeBatch();
                cl.executeBatch();
            }
            c.commit();
        }
    }

    /** Usage rows, written {@link #CHUNK} at a time with one multi-row insert per table. */
    private static final class Rows {
        final List<byte[]> ids = new ArrayList<>();
        final List<byte[]> reporters = new ArrayList<>();
        final List<byte[]> edge0 = new ArrayList<>();
        final List<byte[]> edge1 = new ArrayList<>();
        final List<Object> transports = new ArrayList<>();
        final List<Object> sent = new ArrayList<>();
        final List<Object> recv = new ArrayList<>();
        final List<Object> seqs = new ArrayList<>();
        long epoch;
        long day;

        void add(Connection c, List<byte[]> claim, KeyPair me, KeyPair peer, UUID t, long day, long s, long r,
                 long seq) throws SQLException {
            this.day = day;
            this.epoch = day / 86_400;
            byte[] id = SHA256.sum((me.pub().hex() + t + s + r + seq).getBytes(StandardCharsets.UTF_8)).bytes();
            claim.add(id);
            ids.add(id);
            reporters.add(me.pub().bytes());
            var edges = TransportId.sortEdges(me.pub(), peer.pub());
            edge0.add(edges[0].bytes());
            edge1.add(edges[1].bytes());
            transports.add(t);
            sent.add(s);
            recv.add(r);
            seqs.add(seq);
            if (ids.size() == CHUNK) {
                flush(c);
            }
        }

        void flush(Connection c) throws SQLException {
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("insert into skywire_record (id, kind, relay, epoch, wire,"
                    + " source) select id, 1, relay, ?, '\\x00', 'bench' from unnest(?::bytea[], ?::bytea[])"
                    + " as r(id, relay)")) {
                ps.setLong(1, epoch);
                ps.setArray(2, IngestState.bytes(c, ids));
                ps.setArray(3, IngestState.bytes(c, reporters));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into skywire_usage (record_id, reporter,"
                    + " transport_id, edge0, edge1, type, epoch, window_start, window_end, sent, recv, seq)"
                    + " select id, rep, t, e0, e1, 'stcpr', ?, ?, ?, s, r, q from unnest(?::bytea[], ?::bytea[],"
                    + " ?::uuid[], ?::bytea[], ?::bytea[], ?::bigint[], ?::bigint[], ?::bigint[])"
                    + " as u(id, rep, t, e0, e1, s, r, q)")) {
                ps.setLong(1, epoch);
                ps.setLong(2, day);
                ps.setLong(3, day + 3600);
                ps.setArray(4, IngestState.bytes(c, ids));
                ps.setArray(5, IngestState.bytes(c, reporters));
                ps.setArray(6, c.createArrayOf("uuid", transports.toArray()));
                ps.setArray(7, IngestState.bytes(c, edge0));
                ps.setArray(8, IngestState.bytes(c, edge1));
                ps.setArray(9, c.createArrayOf("bigint", sent.toArray()));
                ps.setArray(10, c.createArrayOf("bigint", recv.toArray()));
                ps.setArray(11, c.createArrayOf("bigint", seqs.toArray()));
                ps.executeUpdate();
            }
            for (List<?> l : List.of(ids, reporters, edge0, edge1, transports, sent, recv, seqs)) {
                l.clear();
            }
        }
    }
}
