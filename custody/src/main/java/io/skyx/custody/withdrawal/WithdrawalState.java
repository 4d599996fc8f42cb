package io.skyx.custody.withdrawal;

/** The persisted steps of a withdrawal (column {@code custody_withdrawal.state}). */
public enum WithdrawalState {
    /** Validated and stored; the ledger reserve is not confirmed yet. */
    REQUESTED,
    /** The ledger moved amount + fee to the user's withdrawing account. */
    RESERVED,
    /** Reserved, but the hot wallet cannot cover it: retried every step, visible as a state and a metric. */
    WAITING_FUNDS,
    /** A transaction is built, signed and stored (raw bytes and txid); only this one is ever broadcast. */
    SIGNED,
    /** The stored transaction was accepted by the network; waiting for confirmations. */
    BROADCAST,
    /** Confirmed N times; the ledger completed it (withdrawing → reserve). */
    COMPLETED,
    /** Definitely failed after the reserve (the transaction was double-spent); the ledger refunded it. */
    REFUNDED;

    /** @return whether no step follows */
    public boolean terminal() {
        return this == COMPLETED || this == REFUNDED;
    }
}
