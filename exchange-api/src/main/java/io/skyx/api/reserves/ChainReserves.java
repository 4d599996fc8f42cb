package io.skyx.api.reserves;

import io.skyx.api.market.Asset;
import io.skyx.api.sequencer.LedgerPositions;
import io.skyx.custody.reserve.ChainAnchor;
import io.skyx.custody.reserve.ReserveWallet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The chain side of proof of reserves: the {@link ReserveWallet} of each asset whose custody runs (an asset without
 * one has no reserves to show: absent, never zero), its on-chain anchor if it has one, and the asset's withdrawals
 * in flight.
 * <p>Which withdrawals are in flight is the ledger's answer, never the custody rows': the pipeline completes a
 * withdrawal in the ledger first and moves its row afterwards, so after a crash (or a restart, when nothing in
 * memory remembers what the ledger completed) a row can still say BROADCAST for a withdrawal the ledger no longer
 * counts. The open rows only give the candidate ids and their txids; the engine is asked, in the same query that
 * reads what is owed, which of them are still pending and for how much ({@link LedgerPositions#position}), so owed and
 * in flight are one journal point and a withdrawal is never netted twice. Whether a pending withdrawal's
 * transaction is mined is read from the chain after that point, and the wallet's holdings after that again (so a
 * block in between can only make the ratio err low: coins gone, not yet counted as mined).
 */
@Component
class ChainReserves {

    /**
     * Withdrawals in flight: {@code pending} is their total debit (amount + fee), {@code mined} the part whose
     * transaction is already in a block, so its coins are no longer in the reserves while the users' withdrawing
     * balances still hold them until the withdrawal completes.
     */
    record InFlight(long pending, long mined) {
    }

    /**
     * What users are owed, the withdrawals in flight and what the settlement pool holds, at one journal sequence
     * number.
     */
    record Position(long sequence, long owed, InFlight inFlight, long pool) {
    }

    private record Row(long id, String txid, int confirmations) {
    }

    private final ObjectProvider<ReserveWallet> walletProvider;
    private final ObjectProvider<ChainAnchor> anchorProvider;
    private final JdbcTemplate jdbc;
    private final LedgerPositions ledger;

    ChainReserves(ObjectProvider<ReserveWallet> wallets, ObjectProvider<ChainAnchor> anchors, JdbcTemplate jdbc,
                  LedgerPositions ledger) {
        this.walletProvider = wallets;
        this.anchorProvider = anchors;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** The wallet of each asset (by ticker) whose custody runs. */
    Map<String, ReserveWallet> wallets() {
        Map<String, ReserveWallet> out = new LinkedHashMap<>();
        walletProvider.orderedStream().forEach(w -> {
            if (out.putIfAbsent(w.asset().name(), w) != null) {
                throw new IllegalStateException("two reserve wallets for " + w.asset());
            }
        });
        return out;
    }

    /** The anchor of one chain (by its coin's ticker), if it has one. */
    Optional<ChainAnchor> anchor(String chain) {
        return anchorProvider.orderedStream().filter(a -> a.asset().name().equals(chain)).findFirst();
    }

    /**
     * The asset's position now: the open withdrawal rows are read first (candidates), then the engine answers what
     * is owed and which candidates are pending, then the chain which of those are mined. Read the wallet after.
     */
    Position position(Asset asset) {
        Map<Long, Row> rows = openRows(asset.code());
        long[] ids = rows.keySet().stream().mapToLong(Long::longValue).toArray();
        LedgerPositions.Position p = ledger.position(asset.id(), ids).orTimeout(10, TimeUnit.SECONDS).join();
        return new Position(p.sequence(), p.owed(), inFlight(asset.code(), p.pending(), rows), p.pool());
    }

    /**
     * The withdrawals in flight of a liabilities snapshot: {@code pending} is what the ledger held as withdrawing
     * at the snapshot's sequence number (id → amount + fee); which of them are mined is read from the chain now.
     */
    InFlight inFlight(String asset, Map<Long, Long> pending) {
        Map<Long, Row> rows = new HashMap<>();
        if (!pending.isEmpty()) {
            String marks = String.join(",", java.util.Collections.nCopies(pending.size(), "?"));
            jdbc.query("select id, txid, confirmations from custody_withdrawal where id in (" + marks + ")", rs -> {
                rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), rs.getInt(3)));
            }, pending.keySet().toArray());
        }
        return inFlight(asset, pending, rows);
    }

    private InFlight inFlight(String asset, Map<Long, Long> pending, Map<Long, Row> rows) {
        Optional<ChainAnchor> chain = anchor(asset);
        long sum = 0;
        long mined = 0;
        for (Map.Entry<Long, Long> e : pending.entrySet()) {
            sum = Math.addExact(sum, e.getValue());
            Row r = rows.get(e.getKey());
            if (r != null && r.txid() != null) {
                int confirmations = chain.map(c -> c.confirmations(r.txid())).orElse(r.confirmations());
                if (confirmations >= 1) {
                    mined = Math.addExact(mined, e.getValue());
                }
            }
        }
        return new InFlight(sum, mined);
    }

    private Map<Long, Row> openRows(String asset) {
        List<Row> list = new ArrayList<>();
        jdbc.query("select id, txid, confirmations from custody_withdrawal where asset = ?"
                + " and state not in ('COMPLETED', 'REFUNDED')", rs -> {
            list.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3)));
        }, asset);
        Map<Long, Row> out = new HashMap<>();
        list.forEach(r -> out.put(r.id(), r));
        return out;
    }
}
