package io.skyx.engine;

/**
 * A snapshot of one open order, for queries.
 *
 * @param orderId       engine-wide id assigned by the caller
 * @param clientOrderId the user's own id (0: none)
 * @param userId        owner
 * @param marketId      market
 * @param side          side
 * @param type          GTC or POST_ONLY (only those rest)
 * @param stp           self-trade prevention mode
 * @param price         limit price in ticks
 * @param size          filled + remaining, in lots
 * @param remaining     open size in lots
 * @param locked        what the order still holds locked (quote units for a BID, base units for an ASK)
 * @param timestampMs   time of the command that placed it or last moved it
 */
public record OrderView(long orderId, long clientOrderId, long userId, int marketId, Side side, OrderType type,
                        StpMode stp, long price, long size, long remaining, long locked, long timestampMs) {
}
