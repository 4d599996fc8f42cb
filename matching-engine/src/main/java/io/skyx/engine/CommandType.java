package io.skyx.engine;

/**
 * The commands the engine accepts; every command carries a sequence number and a timestamp (ms). Each constant
 * has an explicit stable {@link #code()} (never the ordinal); code 2 (the former WITHDRAW) is retired.
 */
public enum CommandType {
    /** Credit a confirmed on-chain deposit: reserve to the user's available balance. */
    DEPOSIT(1),
    /** Place an order. */
    PLACE(3),
    /** Cancel one order. */
    CANCEL(4),
    /** Cancel all of a user's orders in one market. */
    CANCEL_ALL(5),
    /** Change an order's price and/or remaining size. */
    AMEND(6),
    /** Reduce an order's remaining size by an amount (cancels it when nothing remains). */
    REDUCE(7),
    /** Hold a withdrawal: the user's available to withdrawing. */
    RESERVE_WITHDRAWAL(8),
    /** A held withdrawal left on chain: withdrawing to reserve. */
    COMPLETE_WITHDRAWAL(9),
    /** A held withdrawal failed: withdrawing back to available. */
    REFUND_WITHDRAWAL(10),
    /** Reserve to the settlement pool. */
    FUND_SETTLEMENT_POOL(11),
    /** Settlement pool to a user's available balance. */
    CREDIT_SETTLEMENT_PAYOUT(12),
    /** Settlement pool to reserve (a payout sent on chain). */
    PAY_SETTLEMENT_ON_CHAIN(13);

    private final int code;

    CommandType(int code) {
        this.code = code;
    }

    /** The stable code written to journals and snapshots (never the ordinal). */
    public int code() {
        return code;
    }

    /**
     * The constant with this code.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static CommandType fromCode(int code) {
        for (CommandType v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown CommandType code " + code);
    }
}
