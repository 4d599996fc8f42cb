package io.skyx.engine;

import org.agrona.collections.Long2ObjectHashMap;

/** A user's balances in the fast engine, by asset index, and its open orders by client order id. */
final class FastAccount {
    final long userId;
    final long[] available;
    final long[] locked;
    final long[] withdrawing;
    private Long2ObjectHashMap<FastOrder> byClientId;

    FastAccount(long userId, int assets) {
        this.userId = userId;
        this.available = new long[assets];
        this.locked = new long[assets];
        this.withdrawing = new long[assets];
    }

    boolean hasClientId(long clientOrderId) {
        return byClientId != null && byClientId.containsKey(clientOrderId);
    }

    void putClientId(FastOrder o) {
        if (byClientId == null) {
            byClientId = new Long2ObjectHashMap<>();
        }
        byClientId.put(o.clientOrderId, o);
    }

    void removeClientId(long clientOrderId) {
        byClientId.remove(clientOrderId);
    }

    boolean empty(int asset) {
        return available[asset] == 0 && locked[asset] == 0 && withdrawing[asset] == 0;
    }
}
