package io.skyx.api.settlement;

import io.skyx.api.jdbc.BinaryCopy;
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
 * Writes a batch's accepted records with one binary {@code COPY} per table for the records and reports (one round
 * trip however many rows, nothing hex-encoded or parsed as text, {@link BinaryCopy}), a batched insert for claims,
 * and its refusals, each keyed by the wire hash so that a record refused
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
        List<CheckedRecord> reports = new ArrayList<>();
        List<CheckedRecord> claims = new ArrayList<>();
        BinaryCopy rows = new BinaryCopy(accepted.size() * 400);
        for (CheckedRecord r : accepted) {
            rows.row(6).bytea(r.record().id().bytes()).int2(r.record().parsed().kind().code()).bytea(r.relay())
                    .int8(r.epoch()).bytea(r.wire()).text(r.source());
            (r.record().parsed() instanceof UsageReport ? reports : claims).add(r);
        }
        rows.copy(c, "copy skywire_record (id, kind, relay, epoch, wire, source) from stdin (format binary)");
        if (!reports.isEmpty()) {
            insertReports(c, reports);
        }
        if (!claims.isEmpty()) {
            insertClaims(c, claims);
        }
    }

    private static void insertReports(Connection c, List<CheckedRecord> reports) throws SQLException {
        BinaryCopy rows = new BinaryCopy(reports.size() * 250);
        for (CheckedRecord cr : reports) {
            UsageReport r = (UsageReport) cr.record().parsed();
            rows.row(12).bytea(cr.record().id().bytes()).bytea(r.reporter().bytes()).uuid(r.transportId())
                    .bytea(r.edge0().bytes()).bytea(r.edge1().bytes()).text(r.type()).int8(cr.epoch())
                    .int8(r.windowStart()).int8(r.windowEnd()).int8(r.sent()).int8(r.recv()).int8(r.seq());
        }
        rows.copy(c, "copy skywire_usage (record_id, reporter, transport_id, edge0, edge1, type, epoch, window_start,"
                + " window_end, sent, recv, seq) from stdin (format binary)");
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
