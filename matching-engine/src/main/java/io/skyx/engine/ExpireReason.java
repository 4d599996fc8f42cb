package io.skyx.engine;

/** Why an order left the book or ended without resting, other than a fill or a cancel request. */
public enum ExpireReason {
    /** IOC, FOK, FOK_BUDGET or MARKET remainder, or a market buy's unspendable budget. */
    UNFILLED(1),
    /** Self-trade prevention expired it. */
    SELF_TRADE_PREVENTION(2);

    private final int code;

    ExpireReason(int code) {
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
    public static ExpireReason fromCode(int code) {
        for (ExpireReason v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ExpireReason code " + code);
    }
}
