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

    /** Sets every field of a fresh (or pooled) order; remaining = size, no fee credit yet. */
    void fill(FastBook book, FastAccount a, long orderId, long clientOrderId, Side side, OrderType type, StpMode stp,
              long price, long size, long locked, long timestampMs) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.userId = a.userId;
        this.account = a;
        this.book = book;
        this.side = side;
        this.type = type;
        this.stp = stp;
        this.price = price;
        this.size = size;
        this.remaining = size;
        this.locked = locked;
        this.feeCredit = 0;
        this.timestampMs = timestampMs;
    }

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
