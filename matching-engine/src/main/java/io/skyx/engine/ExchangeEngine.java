package io.skyx.engine;

import java.util.List;

/**
 * The trading core's state machine: every market's order book, every user's balances (available, locked and
 * withdrawing per asset), the system accounts per asset (fees, reserve, settlement pool, see
 * {@link AccountKind}) and the pending withdrawals. Deterministic and single-threaded: the same commands give
 * the same events and the same {@link #stateHash()}. Not thread-safe: one thread drives an instance.
 *
 * <p>Every command takes its sequence number ({@code seq}, strictly increasing over all commands) and its
 * timestamp in ms; the engine never reads a clock. A command returns {@link ResultCode#OK} and emits its events,
 * or returns another code, emits one {@code rejected} event and changes nothing (the sequence number is
 * consumed either way). Create instances with {@link Engines}.
 */
public interface ExchangeEngine {

    /**
     * Credits a confirmed on-chain deposit of {@code amount} (asset units, &gt; 0): RESERVE to the user's
     * AVAILABLE. INVALID_AMOUNT if the asset's total would pass {@link EngineLimits#MAX_BALANCE}.
     */
    ResultCode creditDeposit(long seq, long timestampMs, long userId, int assetId, long amount);

    /**
     * Holds a withdrawal: {@code amount} (what leaves the user's balance, network fee included) moves from the
     * user's AVAILABLE to WITHDRAWING. {@code withdrawalId} (&gt; 0) is the caller's and must not be that of a
     * pending withdrawal (DUPLICATE_WITHDRAWAL_ID); INSUFFICIENT_FUNDS if the available balance is short.
     */
    ResultCode reserveWithdrawal(long seq, long timestampMs, long withdrawalId, long userId, int assetId,
                                 long amount);

    /**
     * A pending withdrawal left on chain: its amount moves from the user's WITHDRAWING to RESERVE and the
     * withdrawal is no longer pending. UNKNOWN_WITHDRAWAL if the id is not pending.
     */
    ResultCode completeWithdrawal(long seq, long timestampMs, long withdrawalId);

    /**
     * A pending withdrawal is given back: its amount moves from the user's WITHDRAWING to AVAILABLE and the
     * withdrawal is no longer pending. UNKNOWN_WITHDRAWAL if the id is not pending.
     */
    ResultCode refundWithdrawal(long seq, long timestampMs, long withdrawalId);

    /** RESERVE to SETTLEMENT_POOL ({@code amount} &gt; 0, bounded by {@link EngineLimits#MAX_BALANCE}). */
    ResultCode fundSettlementPool(long seq, long timestampMs, int assetId, long amount);

    /** SETTLEMENT_POOL to the user's AVAILABLE; INSUFFICIENT_POOL if the pool holds less than {@code amount}. */
    ResultCode creditSettlementPayout(long seq, long timestampMs, long userId, int assetId, long amount);

    /** SETTLEMENT_POOL to RESERVE (a payout sent on chain); INSUFFICIENT_POOL if the pool is short. */
    ResultCode paySettlementOnChain(long seq, long timestampMs, int assetId, long amount);

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

    /**
     * A system account's balance of one asset, signed (RESERVE is &lt;= 0, FEES and SETTLEMENT_POOL &gt;= 0);
     * 0 for an unknown asset.
     *
     * @throws IllegalArgumentException if {@code kind} is a user account kind
     */
    long systemBalance(AccountKind kind, int assetId);

    /** Fees collected so far in one asset: {@code systemBalance(FEES, assetId)}. */
    default long feeBalance(int assetId) {
        return systemBalance(AccountKind.FEES, assetId);
    }

    /** The pending withdrawal with this id, or null. */
    WithdrawalView pendingWithdrawal(long withdrawalId);

    /**
     * The whole state in a canonical binary form (identical for both implementations given the same
     * commands); {@link Engines#restore} reads it back.
     */
    byte[] snapshot();

    /** SHA-256 of {@link #snapshot()}. */
    byte[] stateHash();
}
