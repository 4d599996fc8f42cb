package io.skyx.engine;

/** Order side: {@link #BID} buys the base asset with the quote asset, {@link #ASK} sells it. */
public enum Side {
    /** Buy base, pay quote. */
    BID,
    /** Sell base, receive quote. */
    ASK;

    /** The side an order of this side trades against. */
    public Side opposite() {
        return this == BID ? ASK : BID;
    }
}
