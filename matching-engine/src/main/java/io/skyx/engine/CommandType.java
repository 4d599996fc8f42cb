package io.skyx.engine;

/** The commands the engine accepts; every command carries a sequence number and a timestamp (ms). */
public enum CommandType {
    /** Credit a user's available balance (deposit confirmed by custody). */
    DEPOSIT,
    /** Debit a user's available balance (withdrawal taken by custody). */
    WITHDRAW,
    /** Place an order. */
    PLACE,
    /** Cancel one order. */
    CANCEL,
    /** Cancel all of a user's orders in one market. */
    CANCEL_ALL,
    /** Change an order's price and/or remaining size. */
    AMEND,
    /** Reduce an order's remaining size by an amount (cancels it when nothing remains). */
    REDUCE
}
