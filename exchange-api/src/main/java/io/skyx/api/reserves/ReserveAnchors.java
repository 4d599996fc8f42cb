package io.skyx.api.reserves;

import io.skyx.custody.reserve.ChainAnchor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Fixes a snapshot's liabilities roots on chain. BTC: one transaction from the hot wallet with an OP_RETURN output
 * whose data is {@code "SKYX" ‖ u64 snapshot ‖ root of each asset in ascending ticker order} (32 bytes each, so
 * 76 bytes for BTC and SKY). SKY has no data field: a minimal output to the address derived from the same payload
 * ({@link io.skyx.custody.sky.SkyAnchor#address}). Each chain's txid is stored append-only with the payload.
 */
@Service
class ReserveAnchors {

    /** A stored anchor: the chain, the transaction and the payload (hex). */
    record Anchor(long snapshot, String chain, String txid, String payload) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReserveAnchors.class);
    private static final byte[] TAG = "SKYX".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> CHAINS = List.of("BTC", "SKY");

    private final ChainReserves chains;
    private final JdbcTemplate jdbc;

    ReserveAnchors(ChainReserves chains, JdbcTemplate jdbc) {
        this.chains = chains;
        this.jdbc = jdbc;
    }

    /** The OP_RETURN data for a snapshot's roots (by asset ticker). */
    static byte[] payload(long snapshot, Map<String, String> roots) {
        ByteBuffer b = ByteBuffer.allocate(TAG.length + 8 + 32 * roots.size());
        b.put(TAG).putLong(snapshot);
        new TreeMap<>(roots).values().forEach(r -> b.put(HexFormat.of().parseHex(r)));
        return b.array();
    }

    /**
     * Sends the snapshot's anchor on every chain whose custody runs (BTC, then SKY) and stores each txid. A failure
     * on one chain (the hot wallet cannot pay, the network refuses) is logged and leaves that chain unanchored.
     */
    List<Anchor> anchor(long snapshot, Map<String, String> roots) {
        byte[] payload = payload(snapshot, roots);
        List<Anchor> out = new ArrayList<>();
        for (String chain : CHAINS) {
            chains.anchor(chain).flatMap(a -> send(a, chain, snapshot, payload)).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Anchor> send(ChainAnchor anchor, String chain, long snapshot, byte[] payload) {
        try {
            String txid = anchor.publish(payload);
            jdbc.update("insert into reserve_anchors (snapshot, chain, txid, payload) values (?,?,?,?)", snapshot,
                    chain, txid, payload);
            log.info("Reserves snapshot {} anchored on {} in {}", snapshot, chain, txid);
            return Optional.of(new Anchor(snapshot, chain, txid, HexFormat.of().formatHex(payload)));
        } catch (RuntimeException e) {
            log.error("Reserves snapshot {} not anchored on {}: {}", snapshot, chain, e.getMessage());
            return Optional.empty();
        }
    }

    /** The stored anchors of the snapshots after {@code after}, by "snapshot:chain". */
    Map<String, Anchor> since(long after) {
        Map<String, Anchor> out = new LinkedHashMap<>();
        jdbc.query("select snapshot, chain, txid, payload from reserve_anchors where snapshot > ? order by snapshot",
                rs -> {
                    out.put(rs.getLong(1) + ":" + rs.getString(2), new Anchor(rs.getLong(1), rs.getString(2),
                            rs.getString(3), HexFormat.of().formatHex(rs.getBytes(4))));
                }, after);
        return out;
    }
}
