package io.skyx.engine;

import java.util.List;

/**
 * The engine's whole state in a neutral, canonical form: what a snapshot holds. Both implementations export
 * to and import from it, so the same history gives the same bytes.
 *
 * @param lastSeq      last command sequence number
 * @param lastEventSeq last event sequence number
 * @param lastTradeId  last trade id
 * @param balances     non-zero user balances, ascending (user, asset)
 * @param fees         non-zero fee balances, ascending asset
 * @param orders       open orders: ascending market; per market the bids best first, then the asks best
 *                     first; within a price level oldest first
 */
record EngineState(long lastSeq, long lastEventSeq, long lastTradeId, List<Balance> balances, List<Fee> fees,
                   List<Order> orders) {

    EngineState {
        balances = List.copyOf(balances);
        fees = List.copyOf(fees);
        orders = List.copyOf(orders);
    }

    /** One user's balance of one asset. */
    record Balance(long userId, int assetId, long available, long locked) {
    }

    /** Fees collected in one asset. */
    record Fee(int assetId, long amount) {
    }

    /** One open order. */
    record Order(long orderId, long clientOrderId, long userId, int marketId, Side side, OrderType type,
                 StpMode stp, long price, long size, long remaining, long locked, long feeCredit,
                 long timestampMs) {
    }
}
