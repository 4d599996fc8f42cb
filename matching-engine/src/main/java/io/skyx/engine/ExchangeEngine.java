package io.skyx.engine;

import java.util.List;

/**
 * The trading core's state machine: every market's order book and every user's balances (available and
 * locked per asset), plus the fee account per asset. Deterministic and single-threaded: the same commands give
 * the same events and the same {@link #stateHash()}. Not thread-safe: one thread drives an instance.
 *
 * <p>Every command takes its sequence number ({@code seq}, strictly increasing over all commands) and its
 * timestamp in ms; the engine never reads a clock. A command returns {@link ResultCode#OK} and emits its events,
 * or returns another code, emits one {@code rejected} event and changes nothing (the sequence number is
 * consumed either way). Create instances with {@link Engines}.
 */
public interface ExchangeEngine {

    /** Credits {@code amount} (asset units, &gt; 0) to the user's available balance. */
    ResultCode deposit(long seq, long timestampMs, long userId, int assetId, long amount);

    /** Debits {@code amount} (asset units, &gt; 0) from the user's available balance, if there is enough. */
    ResultCode withdraw(long seq, long timestampMs, long userId, int assetId, long amount);

    /**
     * Places an order; see {@link OrderType} for which of price (ticks), size (lots) and quoteBudget (quote
     * units) each type takes. {@code orderId} is assigned by the caller and must not be the id of an open
     * order; {@code clientOrderId} (0: none) must not be that of another open order of the same user. Locks what
     * the order could spend: an ASK locks size x baseLotUnits; a limit BID locks notional + the fee at the larger
     * fee rate (see the package documentation); a MARKET or FOK_BUDGET BID locks its budget (+ fee for
     * FOK_BUDGET).
     */
    ResultCode placeOrder(long seq, long timestampMs, long userId, int marketId, long orderId, long clientOrderId,
                          Side side, OrderType type, long price, long size, long quoteBudget, StpMode stp);

    /** Cancels an open order of {@code userId}. */
    ResultCode cancelOrder(long seq, long timestampMs, long userId, long orderId);

    /** Cancels every open order of {@code userId} in {@code marketId} (OK also when there are none). */
    ResultCode cancelAll(long seq, long timestampMs, long userId, int marketId);

    /**
     * Amends an open order: {@code newPrice} in ticks (0: unchanged), {@code newRemaining} open size in lots
     * (0: unchanged). With {@code newPrice} 0, a smaller remaining size keeps time priority and a larger one
     * loses it. Any {@code newPrice} (even the current one) moves the order: it loses time priority and may match
     * at once as a taker at the new price (exchange-core's "move"); a POST_ONLY order that would take is refused
     * with WOULD_TAKE. The lock is recomputed for the new price and size (INSUFFICIENT_FUNDS if it grows beyond
     * the available balance). Minimum size and notional apply to placing only.
     */
    ResultCode amendOrder(long seq, long timestampMs, long userId, long orderId, long newPrice, long newRemaining);

    /**
     * Reduces an open order's remaining size by {@code reduceBy} lots (&gt; 0), keeping its priority; when that
     * leaves nothing the order is cancelled (exchange-core's "reduce").
     */
    ResultCode reduceOrder(long seq, long timestampMs, long userId, long orderId, long reduceBy);

    /** The configuration the engine runs. */
    EngineConfig config();

    /** Sequence number of the last command (applied or rejected); 0 before any. */
    long lastSequence();

    /** Number of the last event emitted; 0 before any. */
    long lastEventSequence();

    /** The top {@code depth} levels per side of a market, or null for an unknown market. */
    L2Book l2Book(int marketId, int depth);

    /** One open order, or null. */
    OrderView order(long orderId);

    /** A user's open orders in all markets, ascending order id. */
    List<OrderView> openOrders(long userId);

    /** A user's balance of one asset (zeros when the user has none). */
    BalanceView balance(long userId, int assetId);

    /** A user's non-zero balances, ascending asset id. */
    List<BalanceView> balances(long userId);

    /** Fees collected so far in one asset. */
    long feeBalance(int assetId);

    /**
     * The whole state in a canonical binary form (identical for both implementations given the same
     * commands); {@link Engines#restore} reads it back.
     */
    byte[] snapshot();

    /** SHA-256 of {@link #snapshot()}. */
    byte[] stateHash();
}
