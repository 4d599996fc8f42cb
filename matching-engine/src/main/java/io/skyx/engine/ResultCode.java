package io.skyx.engine;

/**
 * Outcome of a command. Expected outcomes are result codes, never exceptions. Every code other than
 * {@link #OK} means the command changed no state and produced exactly one {@code rejected} event.
 */
public enum ResultCode {
    /** Applied. */
    OK(0),
    /** Sequence number not greater than the last applied one. */
    SEQUENCE_NOT_INCREASING(1),
    /** A required argument is missing (null enum) or the combination of arguments is not allowed. */
    INVALID_ARGUMENT(2),
    /** No such asset. */
    UNKNOWN_ASSET(3),
    /** No such market. */
    UNKNOWN_MARKET(4),
    /** No open order with this id. */
    UNKNOWN_ORDER(5),
    /** The order belongs to another user. */
    NOT_OWNER(6),
    /** Amount (deposit, withdrawal, quote budget) not positive, or it would overflow. */
    INVALID_AMOUNT(7),
    /** Price out of range (ticks must be in 1..{@link EngineLimits#MAX_PRICE}) or given where none is allowed. */
    INVALID_PRICE(8),
    /** Size out of range (lots in 1..{@link EngineLimits#MAX_SIZE}) or given where none is allowed. */
    INVALID_SIZE(9),
    /** Size under the market's minimum size. */
    BELOW_MIN_SIZE(10),
    /** Notional under the market's minimum notional. */
    BELOW_MIN_NOTIONAL(11),
    /** Notional above {@link EngineLimits#MAX_NOTIONAL}. */
    ABOVE_MAX_NOTIONAL(12),
    /** Not enough available balance to lock what the order could spend, or to withdraw. */
    INSUFFICIENT_FUNDS(13),
    /** A post-only order (placed or amended) would take liquidity. */
    WOULD_TAKE(14),
    /** A FOK / FOK_BUDGET order cannot be filled entirely. */
    FOK_NOT_FILLED(15),
    /** An open order already has this order id. */
    DUPLICATE_ORDER_ID(16),
    /** An open order of this user already has this client order id. */
    DUPLICATE_CLIENT_ORDER_ID(17),
    /** An amend that changes nothing. */
    NOTHING_TO_CHANGE(18),
    /** No pending withdrawal has this id (never reserved, or already completed or refunded). */
    UNKNOWN_WITHDRAWAL(19),
    /** A pending withdrawal already has this id. */
    DUPLICATE_WITHDRAWAL_ID(20),
    /** The settlement pool of the asset holds less than the amount. */
    INSUFFICIENT_POOL(21);

    private final int code;

    ResultCode(int code) {
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
    public static ResultCode fromCode(int code) {
        for (ResultCode v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ResultCode code " + code);
    }
}
