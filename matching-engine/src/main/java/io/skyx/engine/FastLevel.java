package io.skyx.engine;

/** A pooled price level: an intrusive FIFO list of orders and their total remaining size. */
final class FastLevel {
    long price;
    long total;
    FastOrder head;
    FastOrder tail;

    void append(FastOrder o) {
        o.level = this;
        o.prev = tail;
        o.next = null;
        if (tail == null) {
            head = o;
        } else {
            tail.next = o;
        }
        tail = o;
        total += o.remaining;
    }

    void unlink(FastOrder o) {
        if (o.prev == null) {
            head = o.next;
        } else {
            o.prev.next = o.next;
        }
        if (o.next == null) {
            tail = o.prev;
        } else {
            o.next.prev = o.prev;
        }
        total -= o.remaining;
        o.level = null;
        o.prev = null;
        o.next = null;
    }
}
