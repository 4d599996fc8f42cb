package io.skyx.api.settlement;

import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.Reason;
import io.skyx.skywire.UsageReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a batch's accepted records with one multi-row insert per table ({@code unnest} of one array per column,
 * a single round trip however many rows), and its refusals, each keyed by the wire hash so that a record refused
 * again adds nothing.
 */
final class IngestWriter {
    /** A refused record with its stored reason. */
    record Refusal(CheckedRecord record, Reason reason, String detail) {
    }

    private IngestWriter() {
    }

    static void insert(Connection c, List<CheckedRecord> accepted) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        List<byte[]> ids = new ArrayList<>();
        List<Object> kinds = new ArrayList<>();
        List<byte[]> relays = new ArrayList<>();
        List<Object> epochs = new ArrayList<>();
        List<byte[]> wires = new ArrayList<>();
        List<Object> sources = new ArrayList<>();
        List<CheckedRecord> reports = new ArrayList<>();
        List<CheckedRecord> claims = new ArrayList<>();
        for (CheckedRecord r : accepted) {
            ids.add(r.record().id().bytes());
            kinds.add(r.record().parsed().kind().code());
            relays.add(r.relay());
            epochs.add(r.epoch());
            wires.add(r.wire());
            sources.add(r.source());
            (r.record().parsed() instanceof UsageReport ? reports : claims).add(r);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into skywire_record (id, kind, relay, epoch, wire,"
                + " source) select id, kind::smallint, relay, epoch, wire, source from unnest(?::bytea[], ?::int[],"
                + " ?::bytea[], ?::bigint[], ?::bytea[], ?::text[]) as r(id, kind, relay, epoch, wire, source)")) {
            ps.setArray(1, IngestState.bytes(c, ids));
            ps.setArray(2, c.createArrayOf("int4", kinds.toArray()));
            ps.setArray(3, IngestState.bytes(c, relays));
            ps.setArray(4, c.createArrayOf("bigint", epochs.toArray()));
            ps.setArray(5, IngestState.bytes(c, wires));
            ps.setArray(6, c.createArrayOf("text", sources.toArray()));
            ps.executeUpdate();
        }
        if (!reports.isEmpty()) {
            insertReports(c, reports);
        }
        if (!claims.isEmpty()) {
            insertClaims(c, claims);
        }
    }

    private static void insertReports(Connection c, List<CheckedRecord> reports) throws SQLException {
        int n = reports.size();
        List<byte[]> ids = new ArrayList<>(n);
        List<byte[]> reporters = new ArrayList<>(n);
        List<byte[]> edge0 = new ArrayList<>(n);
        List<byte[]> edge1 = new ArrayList<>(n);
        Object[] transports = new Object[n];
        Object[] types = new Object[n];
        Object[][] longs = new Object[6][n];
        for (int i = 0; i < n; i++) {
            CheckedRecord cr = reports.get(i);
            UsageReport r = (UsageReport) cr.record().parsed();
            ids.add(cr.record().id().bytes());
            reporters.add(r.reporter().bytes());
            edge0.add(r.edge0().bytes());
            edge1.add(r.edge1().bytes());
            transports[i] = r.transportId();
            types[i] = r.type();
            longs[0][i] = cr.epoch();
            longs[1][i] = r.windowStart();
            longs[2][i] = r.windowEnd();
            longs[3][i] = r.sent();
            longs[4][i] = r.recv();
            longs[5][i] = r.seq();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into skywire_usage (record_id, reporter, transport_id,"
                + " edge0, edge1, type, epoch, window_start, window_end, sent, recv, seq) select * from"
                + " unnest(?::bytea[], ?::bytea[], ?::uuid[], ?::bytea[], ?::bytea[], ?::text[], ?::bigint[],"
                + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])")) {
            ps.setArray(1, IngestState.bytes(c, ids));
            ps.setArray(2, IngestState.bytes(c, reporters));
            ps.setArray(3, c.createArrayOf("uuid", transports));
            ps.setArray(4, IngestState.bytes(c, edge0));
            ps.setArray(5, IngestState.bytes(c, edge1));
            ps.setArray(6, c.createArrayOf("text", types));
            for (int k = 0; k < 6; k++) {
                ps.setArray(7 + k, c.createArrayOf("bigint", longs[k]));
            }
            ps.executeUpdate();
        }
    }

    private static void insertClaims(Connection c, List<CheckedRecord> claims) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into skywire_claim (record_id, relay, epoch,"
                + " reward_address, report_ids) values (?, ?, ?, ?, ?)")) {
            for (CheckedRecord cr : claims) {
                EpochClaim cl = (EpochClaim) cr.record().parsed();
                byte[] list = new byte[cl.reports().size() * SHA256.SIZE];
                for (int i = 0; i < cl.reports().size(); i++) {
                    System.arraycopy(cl.reports().get(i).bytes(), 0, list, i * SHA256.SIZE, SHA256.SIZE);
                }
                ps.setBytes(1, cr.record().id().bytes());
                ps.setBytes(2, cl.relay().bytes());
                ps.setLong(3, cl.epoch());
                ps.setString(4, cl.rewardAddress().toString());
                ps.setBytes(5, list);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** @return per refusal, whether it was stored now (false: the same wire was refused before) */
    static boolean[] refuse(Connection c, List<Refusal> refusals) throws SQLException {
        boolean[] fresh = new boolean[refusals.size()];
        if (refusals.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into skywire_refusal (wire_hash, reason, detail,"
                + " relay, source, wire) values (?, ?, ?, ?, ?, ?) on conflict (wire_hash) do nothing")) {
            for (Refusal f : refusals) {
                ps.setBytes(1, SHA256.sum(f.record().wire()).bytes());
                ps.setString(2, f.reason().name());
                ps.setString(3, f.detail());
                ps.setBytes(4, f.record().relay());
                ps.setString(5, f.record().source());
                ps.setBytes(6, f.record().wire());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                fresh[i] = counts[i] == 1;
            }
        }
        return fresh;
    }
}
