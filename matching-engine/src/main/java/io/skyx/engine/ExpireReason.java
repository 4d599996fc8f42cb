package io.skyx.engine;

/** Why an order left the book or ended without resting, other than a fill or a cancel request. */
public enum ExpireReason {
    /** IOC, FOK, FOK_BUDGET or MARKET remainder, or a market buy's unspendable budget. */
    UNFILLED,
    /** Self-trade prevention expired it. */
    SELF_TRADE_PREVENTION
}
