package io.skyx.custody.reconcile;

/**
 * One difference between the chain and the ledger.
 *
 * @param txid   the transaction involved (null for a totals difference)
 * @param vout   its output, or -1
 * @param amount the amount involved (smallest unit)
 */
public record Difference(Kind kind, String txid, int vout, long amount, String detail) {

    /** What differs. */
    public enum Kind {
        /** A payment to a deposit address, past its confirmations and the grace, that the ledger has not credited. */
        UNCREDITED_PAYMENT,
        /** A ledger credit with no such output on the best chain. */
        CREDIT_WITHOUT_PAYMENT,
        /** A ledger credit whose output on chain has another amount. */
        AMOUNT_MISMATCH,
        /** A withdrawal the ledger completed whose transaction is not in a block of the best chain. */
        WITHDRAWAL_NOT_ON_CHAIN,
        /** A confirmed spend of the wallet's coins that is neither a withdrawal nor a known platform spend. */
        UNKNOWN_SPEND,
        /** The coins on chain (less deposits not yet credited, plus withdrawals mined) are below −reserve. */
        RESERVE_SHORT
    }
}
