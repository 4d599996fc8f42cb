package io.skyx.custody.reconcile;

import io.skyx.custody.deposit.DepositStore;
import io.skyx.custody.deposit.Observation;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.LedgerRecords;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reconciles one asset: the ledger's records (read first, as of one journal sequence number) against the wallet's
 * view of the chain (read after). Differences, each with its txid:
 * <ul>
 * <li>UNCREDITED_PAYMENT: an output paying a deposit address, at least {@code confirmations + graceBlocks} deep,
 *     that the ledger has not credited (a crediter that is stuck or lost a deposit);</li>
 * <li>CREDIT_WITHOUT_PAYMENT / AMOUNT_MISMATCH: a ledger credit keyed {@code "<chain>:<txid>:<output>"} with no
 *     such output in a block of the best chain, or with another amount;</li>
 * <li>WITHDRAWAL_NOT_ON_CHAIN: a withdrawal the ledger completed whose transaction is not in a block;</li>
 * <li>UNKNOWN_SPEND: a confirmed spend of the wallet's coins that is neither a withdrawal nor one of the
 *     {@link PlatformSpends};</li>
 * <li>RESERVE_SHORT: holdings + withdrawals mined but not yet completed − confirmed deposits not yet credited is
 *     below −reserve. Above it, the surplus is the operator's own coins (the float), reported, not a difference.</li>
 * </ul>
 * The ledger is read before the chain, so a deposit credited or a withdrawal completed in between is seen on
 * both sides consistently; a deposit output that an uncredited spend already used is the one case the totals err
 * low on. Reads only: it never changes the ledger or the wallet.
 */
public final class Reconciler {

    private final CustodyAsset asset;
    private final LedgerRecords ledger;
    private final ChainView chain;
    private final DepositStore deposits;
    private final WithdrawalStore withdrawals;
    private final Supplier<Set<String>> platformSpends;
    private final int confirmations;
    private final int graceBlocks;

    /**
     * @param confirmations  the depth at which the crediter credits a deposit
     * @param graceBlocks    how many more blocks an uncredited deposit may wait before it is a difference
     * @param platformSpends the txids of the platform's own spends (asked on every run)
     */
    public Reconciler(CustodyAsset asset, LedgerRecords ledger, ChainView chain, DepositStore deposits,
                      WithdrawalStore withdrawals, Supplier<Set<String>> platformSpends, int confirmations,
                      int graceBlocks) {
        if (confirmations < 1 || graceBlocks < 0) {
            throw new IllegalArgumentException("confirmations >= 1 and graceBlocks >= 0: " + confirmations + "/"
                    + graceBlocks);
        }
        this.asset = asset;
        this.ledger = ledger;
        this.chain = chain;
        this.deposits = deposits;
        this.withdrawals = withdrawals;
        this.platformSpends = platformSpends;
        this.confirmations = confirmations;
        this.graceBlocks = graceBlocks;
    }

    /** The asset reconciled. */
    public CustodyAsset asset() {
        return asset;
    }

    /** One run (not stored). */
    public Report run() {
        LedgerRecords.Records books = ledger.read(asset);
        Map<String, DepositStore.AddressEntry> owners = deposits.addresses(asset);
        List<Observation> seen = chain.observe(owners.keySet());
        ReserveWallet.Holdings holdings = chain.holdings();
        List<Difference> out = new ArrayList<>();
        String prefix = asset.name().toLowerCase(Locale.ROOT) + ":";

        Map<String, Observation> confirmed = new HashMap<>();
        long uncredited = 0;
        for (Observation o : seen) {
            String key = prefix + o.txid() + ":" + o.vout();
            if (o.confirmations() >= 1) {
                confirmed.put(key, o);
            }
            Long credit = books.credits().get(key);
            if (credit == null) {
                if (o.confirmations() >= 1) {
                    uncredited = Math.addExact(uncredited, o.amount());
                }
                if (o.confirmations() >= confirmations + graceBlocks) {
                    out.add(new Difference(Difference.Kind.UNCREDITED_PAYMENT, o.txid(), o.vout(), o.amount(),
                            "paid to deposit address " + o.address() + " (user " + owners.get(o.address()).userId()
                                    + "), " + o.confirmations() + " deep, not credited"));
                }
            }
        }
        for (Map.Entry<String, Long> c : books.credits().entrySet()) {
            if (!c.getKey().startsWith(prefix)) {
                continue;
            }
            String[] parts = c.getKey().substring(prefix.length()).split(":", 2);
            String txid = parts[0];
            int vout = parts.length > 1 ? parseVout(parts[1]) : -1;
            Observation o = confirmed.get(c.getKey());
            if (o == null) {
                out.add(new Difference(Difference.Kind.CREDIT_WITHOUT_PAYMENT, txid, vout, c.getValue(),
                        "credited " + c.getValue() + " with no such output in a block of the best chain"));
            } else if (o.amount() != c.getValue()) {
                out.add(new Difference(Difference.Kind.AMOUNT_MISMATCH, txid, vout, c.getValue(),
                        "credited " + c.getValue() + ", the output pays " + o.amount()));
            }
        }

        Set<String> ours = new HashSet<>(withdrawals.txids(asset));
        for (Map.Entry<Long, Long> w : books.completed().entrySet()) {
            Optional<Withdrawal> row = withdrawals.get(w.getKey());
            String txid = row.map(Withdrawal::txid).orElse(null);
            int depth = txid == null ? 0 : chain.confirmations(txid);
            if (depth < 1) {
                out.add(new Difference(Difference.Kind.WITHDRAWAL_NOT_ON_CHAIN, txid, -1, w.getValue(),
                        "withdrawal " + w.getKey() + " completed in the ledger, its transaction "
                                + (txid == null ? "unknown" : "is " + (depth < 0 ? "double-spent" : "in no block"))));
            }
        }
        long mined = 0;
        for (Map.Entry<Long, Long> w : books.pending().entrySet()) {
            String txid = withdrawals.get(w.getKey()).map(Withdrawal::txid).orElse(null);
            if (txid != null && chain.confirmations(txid) >= 1) {
                mined = Math.addExact(mined, w.getValue());
            }
        }
        Set<String> known = platformSpends.get();
        for (String txid : chain.spends()) {
            if (!ours.contains(txid) && !known.contains(txid)) {
                out.add(new Difference(Difference.Kind.UNKNOWN_SPEND, txid, -1, 0,
                        "a confirmed spend of the wallet's coins that is no withdrawal and no known platform spend"));
            }
        }

        long surplus = Math.subtractExact(Math.subtractExact(Math.addExact(holdings.total(), mined), uncredited),
                books.owned());
        if (surplus < 0) {
            out.add(new Difference(Difference.Kind.RESERVE_SHORT, null, -1, -surplus, "on chain " + holdings.total()
                    + " + mined withdrawals " + mined + " - uncredited deposits " + uncredited + " is below -reserve "
                    + books.owned() + " by " + -surplus));
        }
        return new Report(0, asset, books.seq(), holdings.height(), holdings.blockHash(), holdings.total(), mined,
                uncredited, books.owned(), surplus, out, null);
    }

    private static int parseVout(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
