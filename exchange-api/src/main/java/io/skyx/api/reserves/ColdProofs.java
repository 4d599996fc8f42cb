package io.skyx.api.reserves;

import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ReserveChallenge;
import io.skyx.node.reserves.SnapshotRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Cold reserve addresses (issue 11): their keys are offline, so a snapshot records each cold address's balance at
 * its block unproven; the operator exports the snapshot's challenge, signs it offline with each cold key, and
 * imports the signatures. The server checks each against the latest snapshot's challenge (a signature over an
 * older one is refused) before it is published; only a proven cold address counts in the reserves, in the
 * snapshot's coverage and in continuous solvency. Tables {@code reserve_snapshot_cold} and
 * {@code reserve_cold_signatures} (V1_14_1), append-only.
 */
@Service
class ColdProofs {

    /** A refused import, with a stable code; nothing was stored. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final int status;

        Refused(String code, int status, String message) {
            super(message);
            this.code = code;
            this.status = status;
        }

        String code() {
            return code;
        }

        int status() {
            return status;
        }
    }

    /** One cold address of a snapshot; {@code signature} null while unproven. */
    record Claim(String address, long balance, String signature) {
        boolean proven() {
            return signature != null;
        }
    }

    /** What the operator signs offline: the latest snapshot's challenge and its cold addresses. */
    record Challenge(long snapshot, String asset, String text, List<Claim> addresses) {
    }

    private final JdbcTemplate jdbc;

    ColdProofs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cold holdings of a snapshot's wallet read, unproven. */
    static List<Claim> unproven(ReserveWallet.Holdings h) {
        return h.addresses().stream().filter(a -> a.kind() == ReserveWallet.Kind.COLD)
                .map(a -> new Claim(a.address(), a.balance(), null)).toList();
    }

    /** Stores the cold addresses of a snapshot (in the snapshot's transaction, after its reserves row). */
    void store(long snapshot, String asset, List<Claim> claims) {
        List<Object[]> rows = new ArrayList<>();
        for (Claim c : claims) {
            rows.add(new Object[] {snapshot, asset, c.address(), c.balance()});
        }
        jdbc.batchUpdate("insert into reserve_snapshot_cold (snapshot, asset, address, balance) values (?,?,?,?)", rows);
    }

    /** The cold addresses of the snapshots after {@code after}, by "snapshot:asset", with their signatures. */
    Map<String, List<Claim>> since(long after) {
        Map<String, List<Claim>> out = new LinkedHashMap<>();
        jdbc.query("select c.snapshot, c.asset, c.address, c.balance, s.signature from reserve_snapshot_cold c"
                + " left join reserve_cold_signatures s on s.snapshot = c.snapshot and s.address = c.address"
                + " where c.snapshot > ? order by c.snapshot, c.asset, c.address", rs -> {
            out.computeIfAbsent(rs.getLong(1) + ":" + rs.getString(2), k -> new ArrayList<>())
                    .add(new Claim(rs.getString(3), rs.getLong(4), rs.getString(5)));
        }, after);
        return out;
    }

    /** The cold addresses proven in the asset's latest snapshot (the ones continuous solvency counts). */
    Set<String> proven(String asset) {
        return new HashSet<>(jdbc.queryForList("select s.address from reserve_cold_signatures s"
                + " join reserve_snapshot_cold c on c.snapshot = s.snapshot and c.address = s.address"
                + " where c.asset = ? and c.snapshot = (select max(snapshot) from reserve_snapshot_reserves where asset = ?)",
                String.class, asset, asset));
    }

    /** The latest snapshot's challenge for the asset and its cold addresses. */
    Challenge challenge(String asset) {
        List<Object[]> latest = jdbc.query("select r.snapshot, r.challenge from reserve_snapshot_reserves r"
                + " where r.asset = ? order by r.snapshot desc limit 1", (rs, i) -> new Object[] {rs.getLong(1),
                rs.getString(2)}, asset);
        if (latest.isEmpty()) {
            throw new Refused("NO_SNAPSHOT", 404, "no " + asset + " snapshot with reserves yet");
        }
        long snapshot = (Long) latest.getFirst()[0];
        return new Challenge(snapshot, asset, (String) latest.getFirst()[1],
                since(snapshot - 1).getOrDefault(snapshot + ":" + asset, List.of()));
    }

    /**
     * Checks and stores an offline signature of a cold address over the challenge of {@code snapshot}.
     *
     * @throws Refused STALE_SNAPSHOT (not the asset's latest snapshot), UNKNOWN_COLD_ADDRESS, ALREADY_PROVEN,
     *                 BAD_SIGNATURE or MALFORMED_SIGNATURE; nothing stored then
     */
    Claim prove(String asset, long snapshot, String address, String signature) {
        Challenge latest = challenge(asset);
        if (snapshot != latest.snapshot()) {
            throw new Refused("STALE_SNAPSHOT", 409, "snapshot " + snapshot + " is not the latest " + asset
                    + " snapshot (" + latest.snapshot() + "): sign the latest challenge");
        }
        Claim claim = latest.addresses().stream().filter(c -> c.address().equals(address)).findFirst()
                .orElseThrow(() -> new Refused("UNKNOWN_COLD_ADDRESS", 404, address + " is not a cold " + asset
                        + " address of snapshot " + snapshot));
        if (claim.proven()) {
            throw new Refused("ALREADY_PROVEN", 409, address + " is already proven for snapshot " + snapshot);
        }
        if (signature == null || signature.isBlank() || signature.length() > 200) {
            throw new Refused("MALFORMED_SIGNATURE", 400, "signature: the chain's message signature (BTC base64, SKY hex)");
        }
        String[] stored = jdbc.queryForObject("select root_hash, (select nonce from reserve_snapshot_reserves r"
                + " where r.snapshot = s.snapshot and r.asset = s.asset) from reserve_snapshots s where snapshot = ?"
                + " and asset = ?", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, snapshot, asset);
        ReserveChallenge challenge = new ReserveChallenge(new SnapshotRef(asset, snapshot), stored[0], stored[1]);
        try {
            ReserveProofs.verify(asset, challenge, address, signature.strip());
        } catch (ProofException e) {
            throw new Refused(e.error().name().equals("BAD_SIGNATURE") ? "BAD_SIGNATURE" : "MALFORMED_SIGNATURE", 422,
                    "the signature does not prove " + address + " over the challenge of snapshot " + snapshot + ": "
                            + e.getMessage());
        }
        try {
            jdbc.update("insert into reserve_cold_signatures (snapshot, address, signature) values (?,?,?)", snapshot,
                    address, signature.strip());
        } catch (DuplicateKeyException e) {
            throw new Refused("ALREADY_PROVEN", 409, address + " is already proven for snapshot " + snapshot);
        }
        return new Claim(address, claim.balance(), signature.strip());
    }
}
