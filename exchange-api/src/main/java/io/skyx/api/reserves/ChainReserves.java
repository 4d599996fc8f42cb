package io.skyx.api.reserves;

import io.skyx.custody.reserve.ChainAnchor;
import io.skyx.custody.reserve.ReserveWallet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The chain side of proof of reserves: the {@link ReserveWallet} of each asset whose custody runs (an asset without
 * one has no reserves to show: absent, never zero), its on-chain anchor if it has one, and the asset's withdrawals
 * in flight (reserved in the ledger, not yet completed or refunded).
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

    private final ObjectProvider<ReserveWallet> walletProvider;
    private final ObjectProvider<ChainAnchor> anchorProvider;
    private final JdbcTemplate jdbc;

    ChainReserves(ObjectProvider<ReserveWallet> wallets, ObjectProvider<ChainAnchor> anchors, JdbcTemplate jdbc) {
        this.walletProvider = wallets;
        this.anchorProvider = anchors;
        this.jdbc = jdbc;
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

    /** The asset's withdrawals in flight. */
    InFlight inFlight(String asset) {
        Optional<ChainAnchor> chain = anchor(asset);
        long[] sums = new long[2];
        jdbc.query("select amount + fee, state, txid, confirmations from custody_withdrawal where asset = ?"
                + " and state in ('RESERVED', 'WAITING_FUNDS', 'SIGNED', 'BROADCAST')", rs -> {
            long debit = rs.getLong(1);
            sums[0] = Math.addExact(sums[0], debit);
            String txid = rs.getString(3);
            if (txid != null) {
                int confirmations = chain.map(c -> c.confirmations(txid)).orElse(rs.getInt(4));
                if (confirmations >= 1) {
                    sums[1] = Math.addExact(sums[1], debit);
                }
            }
        }, asset);
        return new InFlight(sums[0], sums[1]);
    }
}
