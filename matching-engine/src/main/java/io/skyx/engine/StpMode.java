package io.skyx.engine;

/**
 * Self-trade prevention, with Binance / CCXT semantics. The taker's mode decides what happens when it meets a
 * resting order of the same user.
 */
public enum StpMode {
    /** The self-trade happens (a normal trade, fees charged both ways). */
    NONE(1),
    /** The resting (maker) order expires; the taker goes on matching. */
    EXPIRE_MAKER(2),
    /** The taker's remainder expires; the maker stays. */
    EXPIRE_TAKER(3),
    /** Both the maker and the taker's remainder expire. */
    EXPIRE_BOTH(4);

    private final int code;

    StpMode(int code) {
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
    public static StpMode fromCode(int code) {
        for (StpMode v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown StpMode code " + code);
    }
}
