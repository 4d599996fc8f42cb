package io.skyx.api.reserves;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommitListener;
import io.skyx.custody.reserve.ChainAnchor;
import io.skyx.custody.reserve.ReserveWallet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The chain side of proof of reserves: the {@link ReserveWallet} of each asset whose custody runs (an asset without
 * one has no reserves to show: absent, never zero), its on-chain anchor if it has one, and the asset's withdrawals
 * in flight (reserved in the ledger, not yet completed or refunded).
 * <p>The custody pipeline completes a withdrawal in the ledger first and moves its row afterwards, so a row can
 * still say BROADCAST for a withdrawal the ledger no longer counts. The completions and refunds seen in the journal
 * are therefore left out of the rows; what is owed is read from the engine before the rows, so a withdrawal is never
 * netted twice (one settled in between is still owed but no longer netted: the ratio errs low, never high).
 */
@Component
class ChainReserves implements CommitListener {

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
    private final Set<Long> settledInLedger = ConcurrentHashMap.newKeySet();

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

    @Override
    public void committed(List<AppliedCommand> batch) {
        for (AppliedCommand a : batch) {
            switch (a.command()) {
                case Command.CompleteWithdrawal c -> settledInLedger.add(c.withdrawalId());
                case Command.RefundWithdrawal r -> settledInLedger.add(r.withdrawalId());
                default -> {
                }
            }
        }
    }

    /**
     * The asset's withdrawals in flight, as the ledger counts them: read what is owed from the engine first, then
     * this (a withdrawal settled in between is left out: the ratio errs low, never high).
     */
    InFlight inFlight(String asset) {
        Optional<ChainAnchor> chain = anchor(asset);
        long[] sums = new long[2];
        Set<Long> open = new HashSet<>();
        // every asset's open rows (ids are shared): an id settled in the ledger is forgotten once no row is open
        jdbc.query("select amount + fee, state, txid, confirmations, id, asset from custody_withdrawal"
                + " where state in ('RESERVED', 'WAITING_FUNDS', 'SIGNED', 'BROADCAST')", rs -> {
            long id = rs.getLong(5);
            open.add(id);
            if (settledInLedger.contains(id) || !asset.equals(rs.getString(6))) {
                return;
            }
            long debit = rs.getLong(1);
            sums[0] = Math.addExact(sums[0], debit);
            String txid = rs.getString(3);
            if (txid != null) {
                int confirmations = chain.map(c -> c.confirmations(txid)).orElse(rs.getInt(4));
                if (confirmations >= 1) {
                    sums[1] = Math.addExact(sums[1], debit);
                }
            }
        });
        settledInLedger.retainAll(open);
        return new InFlight(sums[0], sums[1]);
    }
}
