package io.skyx.engine;

/** Order side: {@link #BID} buys the base asset with the quote asset, {@link #ASK} sells it. */
public enum Side {
    /** Buy base, pay quote. */
    BID(1),
    /** Sell base, receive quote. */
    ASK(2);

    private final int code;

    Side(int code) {
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
    public static Side fromCode(int code) {
        for (Side v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Side code " + code);
    }

    /** The side an order of this side trades against. */
    public Side opposite() {
        return this == BID ? ASK : BID;
    }
}
