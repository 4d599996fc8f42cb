package io.skyx.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The fast engine's live orders: a map by id (itself, so a look-up costs what it did inside the engine), with
 * their owners' client ids, and the pool their objects come from and return to (no allocation in steady state).
 */
final class FastOrders extends Long2ObjectHashMap<FastOrder> {
    private FastOrder[] pool = new FastOrder[1024];
    private int pooled;

    /** Rests o on its book and indexes it by id and client id. */
    void register(FastBook book, FastOrder o) {
        book.add(o);
        put(o.orderId, o);
        if (o.clientOrderId != 0) {
            o.account.putClientId(o);
        }
    }

    /** Takes a resting order off its book and out of the indexes; returns its level's new total. */
    long unregister(FastOrder o) {
        long total = o.book.remove(o);
        remove(o.orderId);
        if (o.clientOrderId != 0) {
            o.account.removeClientId(o.clientOrderId);
        }
        return total;
    }

    /** Returns an order that is not on a book to the pool; inMaps: it is still indexed (an amend). */
    void retire(FastOrder o, boolean inMaps) {
        if (inMaps) {
            remove(o.orderId);
            if (o.clientOrderId != 0) {
                o.account.removeClientId(o.clientOrderId);
            }
        }
        free(o);
    }

    FastOrder newOrder() {
        return pooled > 0 ? pool[--pooled] : new FastOrder();
    }

    void free(FastOrder o) {
        o.clear();
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = o;
    }

    /** The user's open orders by id. */
    List<OrderView> open(long userId) {
        List<OrderView> out = new ArrayList<>();
        for (FastOrder o : values()) {
            if (o.userId == userId) {
                out.add(o.view());
            }
        }
        out.sort(Comparator.comparingLong(OrderView::orderId));
        return out;
    }
}
