package io.skyx.custody;

import io.skyx.custody.deposit.Deposit;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalPipeline;
import java.util.List;

/** One asset's custody as the API sees it: deposit addresses, deposits, withdrawals (BTC and SKY). */
public interface AssetCustody {

    /** The asset. */
    CustodyAsset asset();

    /** The chain's network name ("regtest", "mainnet", "skycoin"). */
    String network();

    /** The user's deposit address (assigned on first call, the same ever after). */
    String depositAddress(long userId);

    /** The user's deposits, newest first, with confirmations and whether they are credited. */
    List<Deposit> deposits(long userId, int limit);

    /** The user's withdrawals, newest first. */
    List<Withdrawal> withdrawals(long userId, int limit);

    /**
     * Checks a withdrawal's destination and amount as {@link #withdraw} does, changing nothing (so that the API can
     * refuse a bad request before it uses up a 2FA code).
     *
     * @throws CustodyException on a bad destination or amount
     */
    void validate(String destination, String amount);

    /**
     * Requests a withdrawal; a repeated (user, requestId) returns the stored one.
     *
     * @throws CustodyException on a bad destination or amount, a non-whitelisted destination, or a short balance;
     *                          nothing changed then
     */
    default Withdrawal withdraw(long userId, String requestId, String destination, String amount) {
        return withdraw(userId, requestId, destination, amount, null);
    }

    /**
     * The same, refused with FEE_CHANGED when the fee charged now is above {@code maxFee} (a decimal in the asset's
     * unit, the fee the user saw; null: any fee); a repeated (user, requestId) still returns the stored one.
     *
     * @throws CustodyException also INVALID_AMOUNT for a bad {@code maxFee}; nothing changed then
     */
    Withdrawal withdraw(long userId, String requestId, String destination, String amount, String maxFee);

    /**
     * Checks {@code maxFee} against the fee charged now, changing nothing (the API's check before the 2FA code is
     * used up; {@link #withdraw} checks again).
     *
     * @throws CustodyException INVALID_AMOUNT, FEE_CHANGED
     */
    default void checkFee(String maxFee) {
        Long max = maxFee(maxFee, asset());
        long fee = withdrawalFee().fee();
        if (max != null && fee > max) {
            throw WithdrawalPipeline.feeChanged(asset(), fee, max);
        }
    }

    /** {@code maxFee} in the asset's smallest unit, or null when absent. */
    static Long maxFee(String maxFee, CustodyAsset asset) {
        return maxFee == null ? null : Amounts.parse(maxFee, asset, "maxFee");
    }

    /**
     * A reconciler of this asset's wallet against {@code ledger}.
     *
     * @param platformSpends the txids of the platform's own spends (asked on every run)
     * @param graceBlocks    blocks past the crediting depth before an uncredited deposit is a difference
     */
    io.skyx.custody.reconcile.Reconciler reconciler(io.skyx.custody.platform.LedgerRecords ledger,
                                                    java.util.function.Supplier<java.util.Set<String>> platformSpends,
                                                    int graceBlocks);

    /** Runs {@code task} on this asset's custody thread, after the round in progress (operator jobs, tests). */
    void onCustodyThread(Runnable task);

    /** The withdrawal policy (minimum, confirmations, batching). */
    WithdrawalPipeline.Policy policy();

    /**
     * A withdrawal's network fee as charged now.
     *
     * @param fee        what a withdrawal requested now is charged on top of the amount (smallest unit)
     * @param feeRate    the rate it is computed at (BTC: sat/vB; 0 when the fee is not in the coin, as SKY's hours)
     * @param minFeeRate the lowest rate charged (0 without a rate)
     * @param maxFeeRate the highest rate charged (0 without a rate)
     * @param source     where the rate comes from ("estimate", "configured", …; "coin hours" for SKY)
     */
    record FeeQuote(long fee, long feeRate, long minFeeRate, long maxFeeRate, String source) {
    }

    /** The fee a withdrawal requested now is charged (the user pays it on top of the amount). */
    FeeQuote withdrawalFee();

    /** The hot/cold desk (sweeps, top-ups, the operator view), when a cold wallet is configured. */
    default java.util.Optional<io.skyx.custody.cold.ColdDesk> coldDesk() {
        return java.util.Optional.empty();
    }

    /** @throws CustodyException INVALID_REQUEST_ID unless 1 to 64 characters */
    static void requireRequestId(String requestId) {
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            throw new CustodyException("INVALID_REQUEST_ID", "requestId: 1 to 64 characters", "requestId");
        }
    }

    /** @throws CustodyException NOT_WHITELISTED when the whitelist is on and {@code address} is not on it */
    static void requireWhitelisted(WithdrawalSettings.Settings s, String address) {
        if (s.whitelistOn() && !s.whitelist().contains(address)) {
            throw new CustodyException("NOT_WHITELISTED", "the whitelist is on and this address is not on it", "address");
        }
    }
}
