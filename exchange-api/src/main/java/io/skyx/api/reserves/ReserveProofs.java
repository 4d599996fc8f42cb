package io.skyx.api.reserves;

import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.node.reserves.ProofError;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ReserveChallenge;
import io.skyx.node.reserves.ReserveSignatures;
import io.skyx.node.reserves.SnapshotRef;
import io.skyx.node.reserves.Solvency;
import io.skyx.node.reserves.Value128;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The reserves of a snapshot: each asset's wallet is read at one chain height, every reserve address signs a
 * fresh challenge naming the snapshot and its liabilities root, the signatures are checked as any verifier checks
 * them (and no address counts twice, within or across assets), and the result is stored append-only.
 */
@Service
class ReserveProofs {

    /** One address: its balance at the snapshot's height and its signature over the challenge. */
    record AddressProof(String address, String kind, long balance, String signature) {
    }

    /**
     * One asset's reserves at a snapshot, as published. Amounts in base units. {@code cold}: the cold addresses, each
     * proven once its offline signature is imported ({@link ColdProofs}); the coverage counts only the proven ones.
     */
    record Proven(long snapshot, String asset, long blockHeight, String blockHash, String nonce, String challenge,
                  Coverage coverage, List<AddressProof> addresses, List<ColdProofs.Claim> cold) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReserveProofs.class);

    private final ChainReserves chains;
    private final JdbcTemplate jdbc;
    private final ColdProofs cold;
    private final SecureRandom random = new SecureRandom();

    ReserveProofs(ChainReserves chains, JdbcTemplate jdbc, ColdProofs cold) {
        this.chains = chains;
        this.jdbc = jdbc;
        this.cold = cold;
    }

    /**
     * Reads, signs and checks the reserves of every asset that has a wallet (nothing is stored).
     *
     * @param roots  per asset, the snapshot's liabilities root
     * @param totals per asset, the snapshot's liabilities total
     * @param pending per asset, the withdrawals the ledger held as withdrawing at the snapshot's sequence number
     *                (id → amount + fee): which of them are mined is read from the chain before the wallet, so the
     *                in-flight netting and the liabilities are of the same journal point
     * @throws ProofException when a signature does not verify or an address is counted twice
     */
    Map<String, Proven> prove(long snapshot, Map<String, String> roots, Map<String, BigInteger> totals,
                              Map<String, Map<Long, Long>> pending) {
        Map<String, ChainReserves.InFlight> flights = new LinkedHashMap<>();
        Map<String, ReserveChallenge> challenges = new LinkedHashMap<>();
        Map<String, ReserveWallet.Holdings> holdings = new LinkedHashMap<>();
        List<Solvency.Reserve> reserves = new ArrayList<>();
        for (Map.Entry<String, ReserveWallet> e : chains.wallets().entrySet()) {
            String asset = e.getKey();
            if (!roots.containsKey(asset)) {
                continue;
            }
            flights.put(asset, chains.inFlight(asset, pending.getOrDefault(asset, Map.of())));
            ReserveChallenge challenge = ReserveChallenge.fresh(new SnapshotRef(asset, snapshot), roots.get(asset),
                    random);
            ReserveWallet.Holdings h = e.getValue().holdings();
            challenges.put(asset, challenge);
            holdings.put(asset, h);
            for (ReserveWallet.Holding a : h.addresses()) {
                if (a.kind() == ReserveWallet.Kind.COLD) {
                    continue; // signed offline after the snapshot (ColdProofs); unproven until then
                }
                String signature;
                try {
                    signature = e.getValue().signMessage(a.address(), challenge.text());
                } catch (IllegalArgumentException noKey) {
                    log.warn("{} reserve address {} cannot sign ({}); its {} units are not counted", asset,
                            a.address(), noKey.getMessage(), a.balance());
                    continue;
                }
                reserves.add(new Solvency.Reserve(asset, a.address(), a.kind() == ReserveWallet.Kind.HOT,
                        a.balance(), signature));
            }
        }
        Map<String, Value128> owed = new LinkedHashMap<>();
        totals.forEach((asset, total) -> owed.put(asset, new Value128(total)));
        Solvency.check(owed, challenges, reserves, (r, c) -> verify(r.asset(), c, r.address(), r.signature()));
        Map<String, Proven> out = new LinkedHashMap<>();
        for (Map.Entry<String, ReserveChallenge> e : challenges.entrySet()) {
            String asset = e.getKey();
            List<AddressProof> addresses = new ArrayList<>();
            BigInteger hot = BigInteger.ZERO;
            BigInteger cold = BigInteger.ZERO;
            for (Solvency.Reserve r : reserves) {
                if (r.asset().equals(asset)) {
                    addresses.add(new AddressProof(r.address(), r.hot() ? "HOT" : "COLD", r.units(), r.signature()));
                    BigInteger units = BigInteger.valueOf(r.units());
                    hot = r.hot() ? hot.add(units) : hot;
                    cold = r.hot() ? cold : cold.add(units);
                }
            }
            ChainReserves.InFlight flight = flights.get(asset);
            Coverage c = new Coverage(asset, hot, cold, totals.get(asset), BigInteger.valueOf(flight.pending()),
                    BigInteger.valueOf(flight.mined()));
            ReserveWallet.Holdings h = holdings.get(asset);
            out.put(asset, new Proven(snapshot, asset, h.height(), h.blockHash(), e.getValue().nonce(),
                    e.getValue().text(), c, addresses, ColdProofs.unproven(h)));
        }
        return out;
    }

    /**
     * Checks one reserve signature over a challenge, in its chain's format.
     *
     * @throws ProofException {@code BAD_SIGNATURE} for a signature by another key or over another challenge
     */
    static void verify(String asset, ReserveChallenge challenge, String address, String signature) {
        switch (asset) {
            case "SKY" -> ReserveSignatures.verifySky(challenge, address, signature);
            case "BTC" -> {
                try {
                    ReserveSignatures.verifyBtc(challenge, AddressParser.getDefault().parseAddress(address).network(),
                            address, signature);
                } catch (AddressFormatException e) {
                    throw new ProofException(ProofError.MALFORMED, "not a bitcoin address: " + address);
                }
            }
            default -> throw new ProofException(ProofError.MALFORMED, "no signature format for " + asset);
        }
    }

    /** Stores what {@link #prove} returned (in the snapshot's transaction, after its roots). */
    void store(Map<String, Proven> proven) {
        for (Proven p : proven.values()) {
            Coverage c = p.coverage();
            jdbc.update("insert into reserve_snapshot_reserves (snapshot, asset, block_height, block_hash, nonce, challenge,"
                            + " hot_total, cold_total, pending_withdrawals, withdrawals_mined, liabilities, ratio_bp)"
                            + " values (?,?,?,?,?,?,?,?,?,?,?,?)", p.snapshot(), p.asset(), p.blockHeight(),
                    p.blockHash(), p.nonce(), p.challenge(), new BigDecimal(c.hot()), new BigDecimal(c.cold()),
                    new BigDecimal(c.pendingWithdrawals()), new BigDecimal(c.withdrawalsMined()),
                    new BigDecimal(c.liabilities()), c.ratioBp());
            List<Object[]> rows = new ArrayList<>();
            for (AddressProof a : p.addresses()) {
                rows.add(new Object[] {p.snapshot(), p.asset(), a.address(), a.kind(), a.balance(), a.signature()});
            }
            jdbc.batchUpdate("insert into reserve_snapshot_addresses (snapshot, asset, address, kind, balance, signature)"
                    + " values (?,?,?,?,?,?)", rows);
            cold.store(p.snapshot(), p.asset(), p.cold());
        }
    }

    /** The stored reserves of the snapshots after {@code after}, by "snapshot:asset". */
    Map<String, Proven> since(long after) {
        Map<String, List<AddressProof>> addresses = new LinkedHashMap<>();
        jdbc.query("select snapshot, asset, address, kind, balance, signature from reserve_snapshot_addresses"
                + " where snapshot > ? order by snapshot, asset, address", rs -> {
            addresses.computeIfAbsent(rs.getLong(1) + ":" + rs.getString(2), k -> new ArrayList<>())
                    .add(new AddressProof(rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
        }, after);
        Map<String, List<ColdProofs.Claim>> claims = cold.since(after);
        Map<String, Proven> out = new LinkedHashMap<>();
        jdbc.query("select snapshot, asset, block_height, block_hash, nonce, challenge, hot_total, cold_total,"
                + " pending_withdrawals, withdrawals_mined, liabilities from reserve_snapshot_reserves where snapshot > ?"
                + " order by snapshot, asset", rs -> {
            String key = rs.getLong(1) + ":" + rs.getString(2);
            List<ColdProofs.Claim> coldClaims = claims.getOrDefault(key, List.of());
            BigInteger provenCold = coldClaims.stream().filter(ColdProofs.Claim::proven)
                    .map(x -> BigInteger.valueOf(x.balance())).reduce(BigInteger.ZERO, BigInteger::add);
            Coverage c = new Coverage(rs.getString(2), big(rs.getBigDecimal(7)), big(rs.getBigDecimal(8)).add(provenCold),
                    big(rs.getBigDecimal(11)), big(rs.getBigDecimal(9)), big(rs.getBigDecimal(10)));
            out.put(key, new Proven(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), c, addresses.getOrDefault(key, List.of()), coldClaims));
        }, after);
        return out;
    }

    private static BigInteger big(BigDecimal d) {
        return d.toBigIntegerExact();
    }
}
