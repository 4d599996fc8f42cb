package io.skyx.api.reserves;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Projections;
import io.skyx.node.reserves.InclusionProof;
import io.skyx.node.reserves.LiabilityTree;
import io.skyx.node.reserves.SnapshotRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes and serves liabilities snapshots. A leaf's account id is the user's public (opaque) id, as the API shows it. A snapshot reads every account's balance (available + locked +
 * withdrawing) and the journal sequence number they are the state of (the ledger projection's position) in one
 * repeatable-read transaction, builds one tree per asset,
 * and stores the roots (append-only) and leaf values; a user's proof is rebuilt from the stored leaves. The same
 * snapshot records each asset's signed reserves ({@link ReserveProofs}) and is anchored on chain
 * ({@link ReserveAnchors}).
 */
@Service
public class LiabilitySnapshots {

    /** One published root. */
    public record Published(long snapshot, String asset, long journalSeq, long blockHeight, String root,
                            String total, int accounts, Instant createdAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(LiabilitySnapshots.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshotTx;
    private final TransactionTemplate writeTx;
    private final MarketCatalog catalog;
    private final Projections projections;
    private final ReserveProofs reserves;
    private final ReserveAnchors anchors;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LiabilityTree> cache = new ConcurrentHashMap<>();
    private final Map<String, BigInteger> latestTotals = new ConcurrentHashMap<>();

    LiabilitySnapshots(JdbcTemplate jdbc, PlatformTransactionManager tm, MarketCatalog catalog, MeterRegistry meters,
                       Projections projections, ReserveProofs reserves, ReserveAnchors anchors) {
        this.jdbc = jdbc;
        this.reserves = reserves;
        this.anchors = anchors;
        this.projections = projections;
        this.catalog = catalog;
        this.snapshotTx = new TransactionTemplate(tm);
        snapshotTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshotTx.setReadOnly(true);
        this.writeTx = new TransactionTemplate(tm);
        for (Asset a : catalog.assets()) {
            Gauge.builder("skyx.reserves.liabilities", latestTotals,
                            m -> m.getOrDefault(a.code(), BigInteger.ZERO).doubleValue())
                    .description("total owed to users in the latest liabilities snapshot (base units)")
                    .tag("asset", a.code()).register(meters);
        }
    }

    /** Takes a snapshot of every asset now; returns its published roots. */
    public synchronized List<Published> take() {
        record Read(long seq, Map<String, List<LiabilityTree.Account>> byAsset, Map<String, Map<Long, Long>> pending) {
        }
        // everything acknowledged before "snapshot now" is in the balances it reads
        projections.caughtUp().join();
        Map<String, Long> internalIds = new HashMap<>();
        Read read = snapshotTx.execute(s -> {
            // the balances projection's own position, read in the same snapshot as its rows: the sequence number
            // these balances are the state of
            Long seq = jdbc.queryForObject("select coalesce((select seq from projection_position where name = 'ledger'), 0)",
                    Long.class);
            Map<String, List<LiabilityTree.Account>> byAsset = new LinkedHashMap<>();
            for (Asset a : catalog.assets()) {
                byAsset.put(a.code(), new ArrayList<>());
            }
            jdbc.query("select a.user_id, u.public_id::text, a.asset, a.available + a.locked + a.withdrawing"
                    + " from accounts a join users u on u.id = a.user_id order by a.user_id", rs -> {
                List<LiabilityTree.Account> list = byAsset.get(rs.getString(3));
                if (list != null) {
                    list.add(new LiabilityTree.Account(rs.getString(2), rs.getLong(4)));
                    internalIds.put(rs.getString(2), rs.getLong(1));
                }
            });
            // the withdrawals withdrawing at the same sequence number: the reserves net only those that are mined
            Map<String, Map<Long, Long>> pending = new HashMap<>();
            jdbc.query("select asset, reference_id, sum(amount) from ledger_entries where account = 'withdrawing'"
                    + " group by asset, reference_id having sum(amount) <> 0", rs -> {
                pending.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
            });
            return new Read(seq == null ? 0 : seq, byAsset, pending);
        });
        Long last = jdbc.queryForObject("select coalesce(max(snapshot), 0) from reserve_snapshots", Long.class);
        long snapshot = (last == null ? 0 : last) + 1;
        Map<String, LiabilityTree> trees = new LinkedHashMap<>();
        Map<String, byte[]> saltKeys = new HashMap<>();
        Map<String, String> roots = new LinkedHashMap<>();
        Map<String, BigInteger> totals = new LinkedHashMap<>();
        for (Map.Entry<String, List<LiabilityTree.Account>> e : read.byAsset().entrySet()) {
            byte[] saltKey = new byte[32];
            random.nextBytes(saltKey);
            LiabilityTree tree = LiabilityTree.build(new SnapshotRef(e.getKey(), snapshot), e.getValue(), salts(saltKey));
            trees.put(e.getKey(), tree);
            saltKeys.put(e.getKey(), saltKey);
            roots.put(e.getKey(), tree.rootHash());
            totals.put(e.getKey(), tree.total().amount());
        }
        // the reserves are read, signed and checked before anything is stored: a bad signature publishes nothing
        Map<String, ReserveProofs.Proven> proven = reserves.prove(snapshot, roots, totals, read.pending());
        List<Published> out = new ArrayList<>();
        writeTx.executeWithoutResult(s -> {
            for (Map.Entry<String, List<LiabilityTree.Account>> e : read.byAsset().entrySet()) {
                LiabilityTree tree = trees.get(e.getKey());
                ReserveProofs.Proven chain = proven.get(e.getKey());
                jdbc.update("insert into reserve_snapshots (snapshot, asset, journal_seq, block_height, root_hash, total,"
                                + " accounts, salt_key) values (?,?,?,?,?,?,?,?)", snapshot, e.getKey(), read.seq(),
                        chain == null ? 0L : chain.blockHeight(), tree.rootHash(), new BigDecimal(tree.total().amount()),
                        tree.accounts(), saltKeys.get(e.getKey()));
                List<Object[]> rows = new ArrayList<>(e.getValue().size());
                for (LiabilityTree.Account a : e.getValue()) {
                    rows.add(new Object[] {snapshot, e.getKey(), internalIds.get(a.id()), a.units()});
                }
                jdbc.batchUpdate("insert into reserve_snapshot_leaves (snapshot, asset, user_id, units) values (?,?,?,?)",
                        rows);
                cache.put(key(snapshot, e.getKey()), tree);
            }
            reserves.store(proven);
        });
        anchors.anchor(snapshot, roots);
        for (Published p : list(1)) {
            latestTotals.put(p.asset(), new BigInteger(p.total()));
            out.add(p);
        }
        trimCache(snapshot);
        log.info("Liabilities snapshot {} at journal seq {}: {}", snapshot, read.seq(), out);
        return out;
    }

    /** The roots of the latest {@code snapshots} snapshots, newest first. */
    public List<Published> list(int snapshots) {
        return jdbc.query("select snapshot, asset, journal_seq, block_height, root_hash, total, accounts, created_at"
                        + " from reserve_snapshots where snapshot > (select coalesce(max(snapshot), 0) from reserve_snapshots) - ?"
                        + " order by snapshot desc, asset",
                (rs, i) -> new Published(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getBigDecimal(6).toBigIntegerExact().toString(), rs.getInt(7),
                        rs.getTimestamp(8).toInstant()), snapshots);
    }

    /** The user's inclusion proof for one asset of one snapshot, or null when the user is not in it. */
    public InclusionProof proof(long userId, String asset, long snapshot) {
        LiabilityTree tree = cache.get(key(snapshot, asset));
        if (tree == null) {
            List<byte[]> saltKey = jdbc.query("select salt_key from reserve_snapshots where snapshot = ? and asset = ?",
                    (rs, i) -> rs.getBytes(1), snapshot, asset);
            if (saltKey.isEmpty()) {
                return null;
            }
            List<LiabilityTree.Account> accounts = jdbc.query(
                    "select u.public_id::text, l.units from reserve_snapshot_leaves l join users u on u.id = l.user_id"
                            + " where l.snapshot = ? and l.asset = ? order by l.user_id",
                    (rs, i) -> new LiabilityTree.Account(rs.getString(1), rs.getLong(2)), snapshot, asset);
            tree = LiabilityTree.build(new SnapshotRef(asset, snapshot), accounts, salts(saltKey.getFirst()));
            cache.put(key(snapshot, asset), tree);
            trimCache(snapshot);
        }
        List<String> publicId = jdbc.queryForList("select public_id::text from users where id = ?", String.class, userId);
        return publicId.isEmpty() ? null : tree.proof(publicId.getFirst());
    }

    private static String key(long snapshot, String asset) {
        return snapshot + ":" + asset;
    }

    private void trimCache(long keep) {
        if (cache.size() > 2 * catalog.assets().size()) {
            Map<String, LiabilityTree> copy = new HashMap<>(cache);
            copy.keySet().stream().filter(k -> !k.startsWith(keep + ":")).forEach(cache::remove);
        }
    }

    private static LiabilityTree.SaltSource salts(byte[] saltKey) {
        return (ref, account) -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(saltKey, "HmacSHA256"));
                return mac.doFinal((ref.asset() + "|" + ref.snapshot() + "|" + account).getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
            }
        };
    }
}
