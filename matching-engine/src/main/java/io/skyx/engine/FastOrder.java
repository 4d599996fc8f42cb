package io.skyx.engine;

/** A pooled, mutable order of the fast engine; a node of its price level's intrusive list. */
final class FastOrder {
    long orderId;
    long clientOrderId;
    long userId;
    FastAccount account;
    FastBook book;
    Side side;
    OrderType type;
    StpMode stp;
    long price;
    long size;
    long remaining;
    long locked;
    long feeCredit;
    long timestampMs;
    FastLevel level;
    FastOrder prev;
    FastOrder next;

    void clear() {
        account = null;
        book = null;
        level = null;
        prev = null;
        next = null;
    }

    OrderView view() {
        return new OrderView(orderId, clientOrderId, userId, book.market.id(), side, type, stp, price, size,
                remaining, locked, timestampMs);
    }

    EngineState.Order export() {
        return new EngineState.Order(orderId, clientOrderId, userId, book.market.id(), side, type, stp, price, size,
                remaining, locked, feeCredit, timestampMs);
    }
}
