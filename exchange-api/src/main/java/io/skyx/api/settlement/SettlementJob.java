package io.skyx.api.settlement;

import io.skyx.api.settlement.SettlementCalculator.Line;
import io.skyx.api.settlement.SettlementInput.Claim;
import io.skyx.api.settlement.SettlementInput.Report;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Settles one epoch: loads its stored reports, claims and relay IPs, computes the report
 * ({@link SettlementCalculator}, {@link SettlementReport}) and stores it with a receipt per claim and a pending
 * payout per paid relay, all in one transaction holding the epoch's lock exclusively (ingestion holds it shared,
 * and refuses records of a settled epoch). A job killed before its commit leaves nothing, and the rerun computes
 * the same report from the same stored inputs; a rerun after the commit returns the stored report and changes
 * nothing.
 */
public final class SettlementJob {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** What a run returns. {@code alreadySettled}: the stored result of an earlier run. */
    public record Summary(long epoch, String reportHash, String merkleRoot, long pool, long totalPaid,
                          long remainder, int claims, boolean alreadySettled) {
    }

    private final DataSource db;
    private final long poolDroplets;
    private final String exponent;
    private final int ipCap;
    private final long minBytes;

    /** The pool rules (docs/skywire.md); checked here so a bad configuration fails at start. */
    public SettlementJob(DataSource db, long poolDroplets, String exponent, int ipCap, long minBytes) {
        new SettlementInput.Params(poolDroplets, 0, exponent, ipCap, minBytes);
        this.db = db;
        this.poolDroplets = poolDroplets;
        this.exponent = exponent;
        this.ipCap = ipCap;
        this.minBytes = minBytes;
    }

    /** Settles {@code epoch} once; later calls return the stored summary. */
    public Summary settle(long epoch) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, UsageIngester.epochLockKey(epoch));
                    ps.execute();
                }
                Summary stored = stored(c, epoch);
                if (stored != null) {
                    c.rollback();
                    return stored;
                }
                SettlementInput input = load(c, epoch);
                SettlementReport report = SettlementReport.of(SettlementCalculator.compute(input));
                store(c, report, loadUsers(c));
                c.commit();
                SettlementCalculator.Outcome o = report.outcome();
                return new Summary(epoch, report.hash().hex(), report.root().hex(), o.pool(), o.totalPaid(),
                        o.remainder(), o.lines().size(), false);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** @return the stored report of a settled epoch as JSON or CSV text, or null */
    public String report(long epoch, boolean csv) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + (csv ? "report_csv" : "report_json")
                     + " from skywire_settlement where epoch = ?")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Summary stored(Connection c, long epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select report_hash, merkle_root, pool, total_paid, remainder,"
                + " (select count(*) from skywire_receipt r where r.epoch = s.epoch) from skywire_settlement s"
                + " where epoch = ?")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                HexFormat hex = HexFormat.of();
                return new Summary(epoch, hex.formatHex(rs.getBytes(1)), hex.formatHex(rs.getBytes(2)), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getInt(6), true);
            }
        }
    }

    private SettlementInput load(Connection c, long epoch) throws SQLException {
        long carry = 0;
        try (PreparedStatement ps = c.prepareStatement("select remainder from skywire_settlement where epoch = ?")) {
            ps.setLong(1, epoch - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    carry = rs.getLong(1);
                }
            }
        }
        KeyCache keys = new KeyCache();
        List<Report> reports = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select record_id, reporter, edge0, edge1, transport_id, type,"
                + " sent, recv, seq from skywire_usage where epoch = ?")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PubKey reporter = keys.of(rs.getBytes(2));
                    PubKey e0 = keys.of(rs.getBytes(3));
                    PubKey peer = reporter.equals(e0) ? keys.of(rs.getBytes(4)) : e0;
                    reports.add(new Report(SHA256.of(rs.getBytes(1)), reporter, peer, rs.getObject(5, UUID.class),
                            rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
                }
            }
        }
        List<Claim> claims = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select record_id, relay, reward_address, report_ids"
                + " from skywire_claim where epoch = ?")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] ids = rs.getBytes(4);
                    List<SHA256> list = new ArrayList<>();
                    for (int i = 0; i < ids.length; i += SHA256.SIZE) {
                        list.add(SHA256.of(Arrays.copyOfRange(ids, i, i + SHA256.SIZE)));
                    }
                    claims.add(new Claim(SHA256.of(rs.getBytes(1)), keys.of(rs.getBytes(2)), rs.getString(3), list));
                }
            }
        }
        Map<PubKey, String> ips = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select relay, external_ip from skywire_relay"
                + " where external_ip is not null");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ips.put(keys.of(rs.getBytes(1)), rs.getString(2));
            }
        }
        return new SettlementInput(epoch, reports, claims, ips,
                new SettlementInput.Params(poolDroplets, carry, exponent, ipCap, minBytes));
    }

    private static Map<PubKey, Long> loadUsers(Connection c) throws SQLException {
        Map<PubKey, Long> users = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select relay, user_id from skywire_relay"
                + " where user_id is not null");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.put(key(rs.getBytes(1)), rs.getLong(2));
            }
        }
        return users;
    }

    private static void store(Connection c, SettlementReport report, Map<PubKey, Long> users) throws SQLException {
        SettlementCalculator.Outcome o = report.outcome();
        try (PreparedStatement ps = c.prepareStatement("insert into skywire_settlement (epoch, report_hash,"
                + " merkle_root, pool, carry_in, total_paid, remainder, report_json, report_csv)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, o.epoch());
            ps.setBytes(2, report.hash().bytes());
            ps.setBytes(3, report.root().bytes());
            ps.setLong(4, o.pool());
            ps.setLong(5, o.params().carryIn());
            ps.setLong(6, o.totalPaid());
            ps.setLong(7, o.remainder());
            ps.setString(8, report.json());
            ps.setString(9, report.csv());
            ps.executeUpdate();
        }
        try (PreparedStatement receipt = c.prepareStatement("insert into skywire_receipt (claim_id, epoch, relay,"
                + " payout, reasons, receipt) values (?, ?, ?, ?, ?, ?)");
             PreparedStatement payout = c.prepareStatement("insert into skywire_payout (payout_key, epoch, relay,"
                     + " amount, method, user_id, reward_address) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < o.lines().size(); i++) {
                Line l = o.lines().get(i);
                ObjectNode r = SettlementReport.lineJson(l, report.leaves().get(i));
                r.put("epoch", o.epoch());
                r.put("report_hash", report.hash().hex());
                r.put("merkle_root", report.root().hex());
                Long user = users.get(l.relay());
                r.put("payout_method", l.payout() == 0 ? "none" : user != null ? "ledger" : "chain");
                receipt.setBytes(1, l.claimId().bytes());
                receipt.setLong(2, o.epoch());
                receipt.setBytes(3, l.relay().bytes());
                receipt.setLong(4, l.payout());
                receipt.setString(5, SettlementReport.reasons(l));
                receipt.setString(6, MAPPER.writeValueAsString(r));
                receipt.addBatch();
                if (l.payout() > 0) {
                    payout.setString(1, o.epoch() + ":" + l.relay().hex());
                    payout.setLong(2, o.epoch());
                    payout.setBytes(3, l.relay().bytes());
                    payout.setLong(4, l.payout());
                    payout.setString(5, user != null ? "ledger" : "chain");
                    payout.setObject(6, user);
                    payout.setString(7, l.rewardAddress());
                    payout.addBatch();
                }
            }
            receipt.executeBatch();
            payout.executeBatch();
        }
    }

    static PubKey key(byte[] bytes) {
        try {
            return PubKey.of(bytes);
        } catch (CipherException e) {
            throw new IllegalStateException("stored relay key is invalid", e);
        }
    }
}
