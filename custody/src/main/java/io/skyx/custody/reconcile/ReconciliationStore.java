package io.skyx.custody.reconcile;

import io.skyx.custody.platform.CustodyAsset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Tables {@code custody_reconciliation_run} and {@code custody_reconciliation_difference} (V1_15_0), append-only. */
public final class ReconciliationStore {

    private final DataSource db;

    /** A store on this database. */
    public ReconciliationStore(DataSource db) {
        this.db = db;
    }

    /** Stores a run and its differences in one transaction; returns it with its id and time. */
    public Report save(Report r) {
        String run = "insert into custody_reconciliation_run (asset, journal_seq, block_height, block_hash, holdings,"
                + " mined_in_flight, uncredited, ledger_owned, surplus, differences) values (?,?,?,?,?,?,?,?,?,?)"
                + " returning id, created_at";
        String diff = "insert into custody_reconciliation_difference (run_id, n, kind, txid, vout, amount, detail)"
                + " values (?,?,?,?,?,?,?)";
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                Instant at;
                try (PreparedStatement ps = c.prepareStatement(run)) {
                    ps.setString(1, r.asset().name());
                    ps.setLong(2, r.journalSeq());
                    ps.setLong(3, r.blockHeight());
                    ps.setString(4, r.blockHash());
                    ps.setLong(5, r.holdings());
                    ps.setLong(6, r.minedInFlight());
                    ps.setLong(7, r.uncredited());
                    ps.setLong(8, r.ledgerOwned());
                    ps.setLong(9, r.surplus());
                    ps.setInt(10, r.differences().size());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                        at = rs.getTimestamp(2).toInstant();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(diff)) {
                    int n = 0;
                    for (Difference d : r.differences()) {
                        ps.setLong(1, id);
                        ps.setInt(2, n++);
                        ps.setString(3, d.kind().name());
                        ps.setString(4, d.txid());
                        ps.setObject(5, d.vout() < 0 ? null : d.vout());
                        ps.setLong(6, d.amount());
                        ps.setString(7, d.detail());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return r.stored(id, at);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing a reconciliation run: " + e.getMessage(), e);
        }
    }

    /** The latest {@code limit} runs (of {@code asset}, or of every asset when null), newest first. */
    public List<Report> recent(CustodyAsset asset, int limit) {
        String sql = "select id, asset, journal_seq, block_height, block_hash, holdings, mined_in_flight, uncredited,"
                + " ledger_owned, surplus, created_at from custody_reconciliation_run"
                + (asset == null ? "" : " where asset = ?") + " order by id desc limit ?";
        Map<Long, Object[]> runs = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (asset != null) {
                    ps.setString(i++, asset.name());
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.put(rs.getLong(1), new Object[] {CustodyAsset.valueOf(rs.getString(2)), rs.getLong(3),
                            rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            rs.getLong(10), rs.getTimestamp(11).toInstant(), new ArrayList<Difference>()});
                    }
                }
            }
            if (!runs.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("select run_id, kind, txid, vout, amount, detail"
                        + " from custody_reconciliation_difference where run_id = any (?) order by run_id, n")) {
                    ps.setArray(1, c.createArrayOf("bigint", runs.keySet().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Object vout = rs.getObject(4);
                            @SuppressWarnings("unchecked")
                            List<Difference> l = (List<Difference>) runs.get(rs.getLong(1))[10];
                            l.add(new Difference(Difference.Kind.valueOf(rs.getString(2)), rs.getString(3),
                                    vout == null ? -1 : ((Number) vout).intValue(), rs.getLong(5), rs.getString(6)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading reconciliation runs: " + e.getMessage(), e);
        }
        List<Report> out = new ArrayList<>();
        runs.forEach((id, v) -> {
            @SuppressWarnings("unchecked")
            List<Difference> diffs = (List<Difference>) v[10];
            out.add(new Report(id, (CustodyAsset) v[0], (long) v[1], (long) v[2], (String) v[3], (long) v[4],
                    (long) v[5], (long) v[6], (long) v[7], (long) v[8], diffs, (Instant) v[9]));
        });
        return out;
    }
}
