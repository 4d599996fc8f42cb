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
 * @param system       non-zero system balances, ascending (asset, kind code)
 * @param withdrawals  pending withdrawals, ascending id
 * @param orders       open orders: ascending market; per market the bids best first, then the asks best
 *                     first; within a price level oldest first
 */
record EngineState(long lastSeq, long lastEventSeq, long lastTradeId, List<Balance> balances,
                   List<SystemBalance> system, List<WithdrawalView> withdrawals, List<Order> orders) {

    EngineState {
        balances = List.copyOf(balances);
        system = List.copyOf(system);
        withdrawals = List.copyOf(withdrawals);
        orders = List.copyOf(orders);
    }

    /** One user's balance of one asset. */
    record Balance(long userId, int assetId, long available, long locked, long withdrawing) {
    }

    /** A system account's balance of one asset (signed). */
    record SystemBalance(int assetId, AccountKind kind, long amount) {
    }

    /** One open order. */
    record Order(long orderId, long clientOrderId, long userId, int marketId, Side side, OrderType type,
                 StpMode stp, long price, long size, long remaining, long locked, long feeCredit,
                 long timestampMs) {
    }
}
