package io.skyx.engine;

import java.math.BigInteger;

/** A mutable order of the reference engine. */
final class RefOrder {
    final long orderId;
    final long clientOrderId;
    final long userId;
    final int marketId;
    final Side side;
    final OrderType type;
    final StpMode stp;
    long price;
    long size;
    long remaining;
    long locked;
    /** Fee basis so far (sum of notional x rate) minus 10^6 x the fees paid: minus the fast engine's credit. */
    BigInteger basis = BigInteger.ZERO;
    long timestampMs;

    RefOrder(long orderId, long clientOrderId, long userId, int marketId, Side side, OrderType type, StpMode stp,
             long price, long size, long locked, long timestampMs) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.userId = userId;
        this.marketId = marketId;
        this.side = side;
        this.type = type;
        this.stp = stp;
        this.price = price;
        this.size = size;
        this.remaining = size;
        this.locked = locked;
        this.timestampMs = timestampMs;
    }

    OrderView view() {
        return new OrderView(orderId, clientOrderId, userId, marketId, side, type, stp, price, size, remaining,
                locked, timestampMs);
    }

    EngineState.Order export() {
        return new EngineState.Order(orderId, clientOrderId, userId, marketId, side, type, stp, price, size,
                remaining, locked, basis.negate().longValueExact(), timestampMs);
    }
}
