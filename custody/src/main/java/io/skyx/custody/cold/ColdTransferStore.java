package io.skyx.custody.cold;

import io.skyx.custody.platform.CustodyAsset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Table {@code custody_cold_transfer} (V1_14_0). A transfer is inserted with its first state and each later change
 * is a conditional update from an expected state, so a repeated or concurrent step changes nothing.
 */
public final class ColdTransferStore {

    private static final String COLUMNS = "id, asset, kind, request_id, state, destination, cold_index, amount, fee, "
            + "hot_before, txid, unsigned_tx, psbt, raw_tx, confirmations, error, created_at, updated_at";

    private final DataSource db;

    /** A store on this database. */
    public ColdTransferStore(DataSource db) {
        this.db = db;
    }

    /** A new transfer; false (nothing stored) when (asset, kind, request id) is already taken. */
    public boolean insert(CustodyAsset asset, ColdTransfer.Kind kind, String requestId, ColdTransfer.State state,
                          String destination, int coldIndex, long amount, long fee, long hotBefore, String txid,
                          byte[] unsignedTx, String psbt, byte[] rawTx) {
        return update("insert into custody_cold_transfer (asset, kind, request_id, state, destination, cold_index, amount,"
                        + " fee, hot_before, txid, unsigned_tx, psbt, raw_tx) values (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                        + " on conflict (asset, kind, request_id) do nothing", asset.name(), kind.name(), requestId,
                state.name(), destination, coldIndex, amount, fee, hotBefore, txid, unsignedTx, psbt, rawTx) == 1;
    }

    /** The transfer with this request id. */
    public Optional<ColdTransfer> find(CustodyAsset asset, ColdTransfer.Kind kind, String requestId) {
        return query("select " + COLUMNS + " from custody_cold_transfer where asset = ? and kind = ? and request_id = ?",
                asset.name(), kind.name(), requestId).stream().findFirst();
    }

    /** The transfer with this id. */
    public Optional<ColdTransfer> get(long id) {
        return query("select " + COLUMNS + " from custody_cold_transfer where id = ?", id).stream().findFirst();
    }

    /** The asset's transfers that still have a step to go, oldest first. */
    public List<ColdTransfer> open(CustodyAsset asset) {
        return query("select " + COLUMNS + " from custody_cold_transfer where asset = ? and state not in "
                + "('CONFIRMED', 'FAILED', 'CANCELLED') order by id", asset.name());
    }

    /** The asset's latest transfers, newest first. */
    public List<ColdTransfer> latest(CustodyAsset asset, int limit) {
        return query("select " + COLUMNS + " from custody_cold_transfer where asset = ? order by id desc limit ?",
                asset.name(), limit);
    }

    /** How many transfers of this kind the asset has ever had (the next cold address's index). */
    public int count(CustodyAsset asset, ColdTransfer.Kind kind) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from custody_cold_transfer where asset = ? and kind = ?")) {
            ps.setString(1, asset.name());
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting cold transfers: " + e.getMessage(), e);
        }
    }

    /** Moves {@code id} from {@code from} to {@code to}; false if it was not in {@code from}. */
    public boolean move(long id, ColdTransfer.State from, ColdTransfer.State to, String error) {
        return update("update custody_cold_transfer set state = ?, error = ?, updated_at = now() where id = ? and state = ?",
                to.name(), error, id, from.name()) == 1;
    }

    /**
     * Stores the finalised transaction of an EXPORTED top-up and moves it to SIGNED; {@code txid} is the signed
     * transaction's (a Skycoin txid covers the signatures, so it is not the exported one's).
     */
    public boolean signed(long id, byte[] raw, String txid) {
        return update("update custody_cold_transfer set state = 'SIGNED', raw_tx = ?, txid = ?, error = null,"
                + " updated_at = now() where id = ? and state = 'EXPORTED'", raw, txid, id) == 1;
    }

    /** Records the confirmations seen (or an error) without changing the state. */
    public void note(long id, int confirmations, String error) {
        update("update custody_cold_transfer set confirmations = ?, error = ?, updated_at = now() where id = ?",
                confirmations, error, id);
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating a cold transfer: " + e.getMessage(), e);
        }
    }

    private List<ColdTransfer> query(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<ColdTransfer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ColdTransfer(rs.getLong(1), CustodyAsset.valueOf(rs.getString(2)),
                            ColdTransfer.Kind.valueOf(rs.getString(3)), rs.getString(4),
                            ColdTransfer.State.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getLong(8),
                            rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getBytes(12), rs.getString(13),
                            rs.getBytes(14), rs.getInt(15), rs.getString(16), instant(rs.getTimestamp(17)),
                            instant(rs.getTimestamp(18))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading cold transfers: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
