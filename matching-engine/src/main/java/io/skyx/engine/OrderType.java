package io.skyx.engine;

/**
 * Order types. Price is in ticks, size in lots, budget in quote units (see the package documentation).
 *
 * <table>
 * <caption>parameters per type</caption>
 * <tr><th>type</th><th>price</th><th>size</th><th>quoteBudget</th><th>remainder</th></tr>
 * <tr><td>GTC</td><td>limit</td><td>&gt; 0</td><td>0</td><td>rests</td></tr>
 * <tr><td>IOC</td><td>limit</td><td>&gt; 0</td><td>0</td><td>expires</td></tr>
 * <tr><td>FOK</td><td>limit</td><td>&gt; 0</td><td>0</td><td>all or nothing ({@link ResultCode#FOK_NOT_FILLED})</td></tr>
 * <tr><td>FOK_BUDGET</td><td>0</td><td>&gt; 0</td><td>&gt; 0: the total notional (fees excluded) a BID may
 *     pay at most / an ASK must receive at least</td><td>all or nothing</td></tr>
 * <tr><td>POST_ONLY</td><td>limit</td><td>&gt; 0</td><td>0</td><td>rests; refused with
 *     {@link ResultCode#WOULD_TAKE} if it would take</td></tr>
 * <tr><td>MARKET</td><td>0</td><td>ASK: &gt; 0; BID: 0</td><td>BID: &gt; 0 (notional + fees); ASK: 0</td>
 *     <td>expires</td></tr>
 * </table>
 */
public enum OrderType {
    /** Limit, good till cancelled. */
    GTC(1),
    /** Limit, immediate or cancel. */
    IOC(2),
    /** Limit, fill or kill by size. */
    FOK(3),
    /** Fill or kill by size within a total quote budget (exchange-core's FOK_BUDGET). */
    FOK_BUDGET(4),
    /** Limit, maker only. */
    POST_ONLY(5),
    /** Market: a BID spends a quote budget, an ASK sells a base size. */
    MARKET(6);

    private final int code;

    OrderType(int code) {
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
    public static OrderType fromCode(int code) {
        for (OrderType v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown OrderType code " + code);
    }

    /** True for the types whose remainder may rest on the book. */
    public boolean rests() {
        return this == GTC || this == POST_ONLY;
    }
}
