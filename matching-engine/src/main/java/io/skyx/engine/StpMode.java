package io.skyx.engine;

/**
 * Self-trade prevention, with Binance / CCXT semantics. The taker's mode decides what happens when it meets a
 * resting order of the same user.
 */
public enum StpMode {
    /** The self-trade happens (a normal trade, fees charged both ways). */
    NONE,
    /** The resting (maker) order expires; the taker goes on matching. */
    EXPIRE_MAKER,
    /** The taker's remainder expires; the maker stays. */
    EXPIRE_TAKER,
    /** Both the maker and the taker's remainder expire. */
    EXPIRE_BOTH
}
