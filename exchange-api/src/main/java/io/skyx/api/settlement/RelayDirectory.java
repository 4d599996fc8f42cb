package io.skyx.api.settlement;

import io.skyx.node.cipher.PubKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Relays as the operator knows them (external IP, SkyX account) and the receipts a relay can read. */
public final class RelayDirectory {
    private final DataSource db;

    public RelayDirectory(DataSource db) {
        this.db = db;
    }

    /**
     * Sets a relay's external IP and SkyX account (the user's public id; either may be null). Returns false, and
     * changes nothing, when no user has that public id.
     */
    public boolean registerByPublicId(PubKey relay, String externalIp, java.util.UUID publicUserId) throws SQLException {
        Long userId = null;
        if (publicUserId != null) {
            try (Connection c = db.getConnection();
                 PreparedStatement q = c.prepareStatement("select id from users where public_id = ?")) {
                q.setObject(1, publicUserId);
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    userId = rs.getLong(1);
                }
            }
        }
        register(relay, externalIp, userId);
        return true;
    }

    /** Sets a relay's external IP and SkyX account by the user's internal id (either may be null). */
    public void register(PubKey relay, String externalIp, Long userId) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into skywire_relay (relay, external_ip, user_id)"
                    + " values (?, ?, ?) on conflict (relay) do update set external_ip = excluded.external_ip,"
                    + " user_id = excluded.user_id, updated_at = now()")) {
                ps.setBytes(1, relay.bytes());
                ps.setString(2, externalIp == null ? null : externalIp.trim().toLowerCase(java.util.Locale.ROOT));
                ps.setObject(3, userId);
                ps.executeUpdate();
            }
        }
    }

    /**
     * @return the relay's receipts (JSON objects), newest epoch first, each with {@code payout_txid} once its
     *         on-chain payout is confirmed
     */
    public List<String> receipts(PubKey relay, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select r.receipt, p.txid from skywire_receipt r"
                     + " left join skywire_payout p on p.epoch = r.epoch and p.relay = r.relay and p.state = 'done'"
                     + " where r.relay = ? order by r.epoch desc limit ?")) {
            ps.setBytes(1, relay.bytes());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String receipt = rs.getString(1);
                    String txid = rs.getString(2);
                    out.add(txid == null || !receipt.endsWith("}") ? receipt
                            : receipt.substring(0, receipt.length() - 1) + ",\"payout_txid\":\"" + txid + "\"}");
                }
            }
        }
        return out;
    }

    /** @return the refusals of a relay's records: reason, detail, source (newest first) */
    public List<String[]> refusals(PubKey relay, int limit) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select reason, detail, source, refused_at from"
                     + " skywire_refusal where relay = ? order by refused_at desc limit ?")) {
            ps.setBytes(1, relay.bytes());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant().toString()});
                }
            }
        }
        return out;
    }
}
