package io.skyx.engine;

/**
 * Outcome of a command. Expected outcomes are result codes, never exceptions. Every code other than
 * {@link #OK} means the command changed no state and produced exactly one {@code rejected} event.
 */
public enum ResultCode {
    /** Applied. */
    OK,
    /** Sequence number not greater than the last applied one. */
    SEQUENCE_NOT_INCREASING,
    /** A required argument is missing (null enum) or the combination of arguments is not allowed. */
    INVALID_ARGUMENT,
    /** No such asset. */
    UNKNOWN_ASSET,
    /** No such market. */
    UNKNOWN_MARKET,
    /** No open order with this id. */
    UNKNOWN_ORDER,
    /** The order belongs to another user. */
    NOT_OWNER,
    /** Amount (deposit, withdrawal, quote budget) not positive, or it would overflow. */
    INVALID_AMOUNT,
    /** Price out of range (ticks must be in 1..{@link EngineLimits#MAX_PRICE}) or given where none is allowed. */
    INVALID_PRICE,
    /** Size out of range (lots in 1..{@link EngineLimits#MAX_SIZE}) or given where none is allowed. */
    INVALID_SIZE,
    /** Size under the market's minimum size. */
    BELOW_MIN_SIZE,
    /** Notional under the market's minimum notional. */
    BELOW_MIN_NOTIONAL,
    /** Notional above {@link EngineLimits#MAX_NOTIONAL}. */
    ABOVE_MAX_NOTIONAL,
    /** Not enough available balance to lock what the order could spend, or to withdraw. */
    INSUFFICIENT_FUNDS,
    /** A post-only order (placed or amended) would take liquidity. */
    WOULD_TAKE,
    /** A FOK / FOK_BUDGET order cannot be filled entirely. */
    FOK_NOT_FILLED,
    /** An open order already has this order id. */
    DUPLICATE_ORDER_ID,
    /** An open order of this user already has this client order id. */
    DUPLICATE_CLIENT_ORDER_ID,
    /** An amend that changes nothing. */
    NOTHING_TO_CHANGE
}
