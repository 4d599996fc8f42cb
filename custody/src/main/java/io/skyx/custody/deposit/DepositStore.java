package io.skyx.custody.deposit;

import io.skyx.custody.platform.CustodyAsset;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/** Tables {@code custody_deposit_address}, {@code custody_deposit} and {@code custody_alarm} (V1_5_0). */
public final class DepositStore {

    private static final String COLUMNS = "asset, txid, vout, user_id, address, amount, confirmations, status, "
            + "first_seen_at, credited_at";

    private final DataSource db;

    /** A store on this database. */
    public DepositStore(DataSource db) {
        this.db = db;
    }

    /** A deposit address with its derivation index. */
    public record AddressEntry(long userId, int index, String address) {
    }

    /** The user's deposit address, if one was assigned. */
    public Optional<AddressEntry> address(CustodyAsset asset, long userId) {
        String sql = "select user_id, idx, address from custody_deposit_address where asset = ? and user_id = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, asset.name());
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new AddressEntry(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a deposit address: " + e.getMessage(), e);
        }
    }

    /** The user's deposit address, assigning the next index (derived by {@code derive}) on first use. */
    public AddressEntry assign(CustodyAsset asset, long userId, IntFunction<String> derive) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<AddressEntry> existing = address(asset, userId);
            if (existing.isPresent()) {
                return existing.get();
            }
            int idx = nextIndex(asset);
            String sql = "insert into custody_deposit_address (asset, user_id, idx, address) values (?, ?, ?, ?) "
                    + "on conflict do nothing";
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, asset.name());
                ps.setLong(2, userId);
                ps.setInt(3, idx);
                ps.setString(4, derive.apply(idx));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("assigning a deposit address: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("could not assign a deposit address to user " + userId);
    }

    private int nextIndex(CustodyAsset asset) {
        String sql = "select coalesce(max(idx) + 1, 0) from custody_deposit_address where asset = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, asset.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading deposit indexes: " + e.getMessage(), e);
        }
    }

    /** Every assigned address of the asset: address → entry. */
    public Map<String, AddressEntry> addresses(CustodyAsset asset) {
        String sql = "select user_id, idx, address from custody_deposit_address where asset = ?";
        Map<String, AddressEntry> out = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, asset.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(3), new AddressEntry(rs.getLong(1), rs.getInt(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading deposit addresses: " + e.getMessage(), e);
        }
    }

    /**
     * Records the watcher's complete current view: new outputs are inserted (SEEN), known ones get their depth,
     * and a known output missing from the view (its transaction left the chain) gets depth 0.
     */
    public void observe(CustodyAsset asset, List<Observation> seen, Map<String, AddressEntry> owners) {
        String upsert = "insert into custody_deposit (asset, txid, vout, user_id, address, amount, confirmations, status) "
                + "values (?, ?, ?, ?, ?, ?, ?, 'SEEN') on conflict (asset, txid, vout) do update set "
                + "confirmations = excluded.confirmations where custody_deposit.confirmations <> excluded.confirmations";
        String zero = "update custody_deposit set confirmations = 0 where asset = ? and confirmations <> 0 "
                + "and not (txid || ':' || vout = any (?))";
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                for (Observation o : seen) {
                    ps.setString(1, asset.name());
                    ps.setString(2, o.txid());
                    ps.setInt(3, o.vout());
                    ps.setLong(4, owners.get(o.address()).userId());
                    ps.setString(5, o.address());
                    ps.setLong(6, o.amount());
                    ps.setInt(7, o.confirmations());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(zero)) {
                Array keys = c.createArrayOf("text", seen.stream().map(o -> o.txid() + ":" + o.vout()).toArray());
                ps.setString(1, asset.name());
                ps.setArray(2, keys);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("recording deposits: " + e.getMessage(), e);
        }
    }

    /** SEEN deposits with at least {@code confirmations}, oldest first. */
    public List<Deposit> ready(CustodyAsset asset, int confirmations) {
        return query("select " + COLUMNS + " from custody_deposit where asset = ? and status = 'SEEN' "
                + "and confirmations >= ? order by first_seen_at, txid, vout", asset.name(), confirmations);
    }

    /** Credited deposits now shallower than {@code confirmations} that raised no alarm yet. */
    public List<Deposit> reorgedAfterCredit(CustodyAsset asset, int confirmations) {
        return query("select " + COLUMNS + " from custody_deposit where asset = ? and status = 'CREDITED' "
                + "and confirmations < ? and not reorg_alarm", asset.name(), confirmations);
    }

    /** Marks a deposit credited by the ledger command {@code seq}. */
    public void credited(Deposit d, long seq) {
        update("update custody_deposit set status = 'CREDITED', credit_seq = ?, credited_at = now() "
                + "where asset = ? and txid = ? and vout = ? and status = 'SEEN'", seq, d.asset().name(), d.txid(), d.vout());
    }

    /** Marks that a deposit's reorg alarm was raised. */
    public void reorgAlarmRaised(Deposit d) {
        update("update custody_deposit set reorg_alarm = true where asset = ? and txid = ? and vout = ?",
                d.asset().name(), d.txid(), d.vout());
    }

    /** A user's deposits of an asset, newest first. */
    public List<Deposit> byUser(long userId, CustodyAsset asset, int limit) {
        return query("select " + COLUMNS + " from custody_deposit where user_id = ? and asset = ? "
                + "order by first_seen_at desc, txid, vout limit ?", userId, asset.name(), limit);
    }

    /** Records an alarm for the operator. */
    public void alarm(CustodyAsset asset, String kind, String detail) {
        update("insert into custody_alarm (asset, kind, detail) values (?, ?, ?)", asset.name(), kind, detail);
    }

    /** The asset's alarms, oldest first: "kind: detail". */
    public List<String> alarms(CustodyAsset asset) {
        String sql = "select kind, detail from custody_alarm where asset = ? order by id";
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, asset.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ": " + rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading alarms: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating deposits: " + e.getMessage(), e);
        }
    }

    private List<Deposit> query(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Deposit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Deposit(CustodyAsset.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
                            rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getInt(7),
                            "CREDITED".equals(rs.getString(8)), instant(rs.getTimestamp(9)),
                            instant(rs.getTimestamp(10))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading deposits: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
