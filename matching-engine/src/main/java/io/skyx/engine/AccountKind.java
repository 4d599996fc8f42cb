package io.skyx.engine;

/**
 * The kinds of account the engine keeps per asset. User accounts are keyed by user id; system accounts have
 * user id 0. Per asset the balances of all accounts sum to zero after every command: the reserve is the
 * (non-positive) counterpart of every coin that entered or left on chain. Each constant has an explicit stable
 * {@link #code()} for journals and snapshots (never the ordinal).
 */
public enum AccountKind {
    /** A user's spendable balance. */
    AVAILABLE(1, false),
    /** A user's balance held by open orders. */
    LOCKED(2, false),
    /** A user's balance held by withdrawals reserved but not yet completed or refunded. */
    WITHDRAWING(3, false),
    /** Trading fees collected. */
    FEES(10, true),
    /** Counterpart of on-chain deposits and withdrawals (and pool funding); never positive. */
    RESERVE(11, true),
    /** Funds set aside for settlement payouts. */
    SETTLEMENT_POOL(12, true);

    private final int code;
    private final boolean system;

    AccountKind(int code, boolean system) {
        this.code = code;
        this.system = system;
    }

    /** The stable code written to journals and snapshots. */
    public int code() {
        return code;
    }

    /** True for the system accounts (user id 0). */
    public boolean system() {
        return system;
    }

    /**
     * The constant with this code.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static AccountKind fromCode(int code) {
        for (AccountKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown AccountKind code " + code);
    }
}
