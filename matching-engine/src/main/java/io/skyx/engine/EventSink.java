package io.skyx.engine;

/**
 * Receives the engine's events, on the engine's thread, synchronously, in order. Arguments are primitives and
 * enum constants only, so the engine allocates nothing to deliver them. Every event carries {@code eventSeq}
 * (engine-assigned, +1 per event, never reset, part of the snapshot), {@code commandSeq} and
 * {@code timestampMs} of the command that caused it. All methods default to doing nothing.
 *
 * <p>Every movement of money is also a {@link #posted} event (from -= amount, to += amount, amount &gt; 0; a
 * movement of 0 is not posted), emitted where the money moves, before the {@link #balanceChanged} that shows
 * it. Per asset all accounts sum to zero after every command. {@code balanceChanged} carries available and
 * locked only; a WITHDRAWING balance is followed through the postings (and {@link ExchangeEngine#balance}).
 *
 * <p>Order of events for a command (the reference and the fast engine emit exactly this):
 * <ul>
 * <li>rejected command: one {@link #rejected}, nothing else;</li>
 * <li>creditDeposit: {@link #deposited}, {@link #posted} (RESERVE to AVAILABLE), {@link #balanceChanged};</li>
 * <li>reserveWithdrawal: {@link #posted} (AVAILABLE to WITHDRAWING), {@link #balanceChanged};</li>
 * <li>completeWithdrawal: {@link #posted} (WITHDRAWING to RESERVE), nothing else (available and locked are
 *     unchanged);</li>
 * <li>refundWithdrawal: {@link #posted} (WITHDRAWING to AVAILABLE), {@link #balanceChanged};</li>
 * <li>fundSettlementPool: {@link #posted} (RESERVE to SETTLEMENT_POOL);</li>
 * <li>creditSettlementPayout: {@link #posted} (SETTLEMENT_POOL to AVAILABLE), {@link #balanceChanged};</li>
 * <li>paySettlementOnChain: {@link #posted} (SETTLEMENT_POOL to RESERVE);</li>
 * <li>place: {@link #orderAccepted}, {@link #posted} (AVAILABLE to LOCKED, the lock), {@link #balanceChanged},
 *     then per maker met in price-time order either a trade or a self-trade-prevention expiry of the maker
 *     (see "removal"); then: the taker rests ({@link #bookDelta}), or it expires ({@link #orderExpired},
 *     {@link #posted} LOCKED to AVAILABLE, {@link #balanceChanged} releasing its lock), or it is fully filled
 *     ({@link #posted} LOCKED to AVAILABLE and a {@link #balanceChanged} releasing any unspent lock, only if
 *     that is not zero);</li>
 * <li>trade: {@link #trade}, then the postings: quote notional buyer LOCKED to seller AVAILABLE, base amount
 *     seller LOCKED to buyer AVAILABLE, buyer's fee buyer LOCKED to FEES, seller's fee seller AVAILABLE to FEES,
 *     and, if the maker is filled, its unspent lock maker LOCKED to AVAILABLE (each only if not zero); then
 *     {@link #balanceChanged} for maker base, maker quote, taker base, taker quote, then {@link #bookDelta} of
 *     the maker's level;</li>
 * <li>removal of a resting order (cancel, cancel-all, STP expiry of a maker, reduce to nothing):
 *     {@link #orderCancelled} or {@link #orderExpired}, {@link #bookDelta}, {@link #posted} (LOCKED to
 *     AVAILABLE, if the order locked anything), {@link #balanceChanged};</li>
 * <li>amend keeping priority (same price, smaller size): {@link #orderAmended}, {@link #bookDelta},
 *     {@link #posted} (the lock's change, if any), {@link #balanceChanged};</li>
 * <li>amend losing priority: {@link #orderAmended}, {@link #bookDelta} (old level), {@link #posted} (the lock's
 *     change, if any), {@link #balanceChanged}, then matching and resting exactly as for a place;</li>
 * <li>cancel-all: the removals in ascending order id.</li>
 * </ul>
 */
public interface EventSink {

    /** A sink that ignores every event. */
    EventSink NONE = new EventSink() {
    };

    /**
     * A command was refused; it changed nothing. {@code orderId} is the order id of order commands, the
     * withdrawal id of withdrawal commands, 0 for the others; {@code userId} is 0 for commands without one.
     */
    default void rejected(long eventSeq, long commandSeq, long timestampMs, CommandType command, long userId,
                          long orderId, ResultCode code) {
    }

    /** A deposit was credited to {@code userId}'s available balance (the posting follows). */
    default void deposited(long eventSeq, long commandSeq, long timestampMs, long userId, int assetId,
                           long amount) {
    }

    /** An order passed every check and its funds are about to be locked. */
    default void orderAccepted(long eventSeq, long commandSeq, long timestampMs, int marketId, long orderId,
                               long clientOrderId, long userId, Side side, OrderType type, StpMode stp, long price,
                               long size, long quoteBudget) {
    }

    /**
     * A trade at the maker's price. Fees are in the market's quote asset ({@code feeAssetId}); the buyer pays
     * notional + its fee, the seller receives notional - its fee. {@code makerRemaining} / {@code takerRemaining}
     * are the orders' open sizes after the trade (for a market buy, the taker's is 0).
     */
    default void trade(long eventSeq, long commandSeq, long timestampMs, int marketId, long tradeId,
                       long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
                       long price, long size, long notional, long makerFee, long takerFee, int feeAssetId,
                       long makerRemaining, long takerRemaining) {
    }

    /** An open order was cancelled at its owner's request; {@code remaining} lots were left unfilled. */
    default void orderCancelled(long eventSeq, long commandSeq, long timestampMs, int marketId, long orderId,
                                long userId, long remaining) {
    }

    /** An order ended without filling {@code remaining} lots (IOC/FOK/market remainder or STP). */
    default void orderExpired(long eventSeq, long commandSeq, long timestampMs, int marketId, long orderId,
                              long userId, long remaining, ExpireReason reason) {
    }

    /** An open order's price and/or remaining size changed; {@code keptPriority} tells if it kept its place. */
    default void orderAmended(long eventSeq, long commandSeq, long timestampMs, int marketId, long orderId,
                              long userId, long newPrice, long newRemaining, boolean keptPriority) {
    }

    /** The total resting size at one price level of one side is now {@code newLevelSize} lots (0: gone). */
    default void bookDelta(long eventSeq, long commandSeq, long timestampMs, int marketId, Side side, long price,
                           long newLevelSize) {
    }

    /** A user's balance of one asset is now {@code available} + {@code locked}. */
    default void balanceChanged(long eventSeq, long commandSeq, long timestampMs, long userId, int assetId,
                                long available, long locked) {
    }

    /**
     * {@code amount} (&gt; 0) of {@code assetId} moved from one account to another: {@code from} -= amount,
     * {@code to} += amount. User ids are 0 for system accounts ({@link AccountKind#system()}).
     */
    default void posted(long eventSeq, long commandSeq, long timestampMs, int assetId, AccountKind from,
                        long fromUserId, AccountKind to, long toUserId, long amount) {
    }
}
