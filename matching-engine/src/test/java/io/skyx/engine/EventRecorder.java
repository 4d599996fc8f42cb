package io.skyx.engine;

import java.util.ArrayList;
import java.util.List;

/** Test sink: records every event as a line of text, and can compare and forget. */
final class EventRecorder implements EventSink {
    final List<String> events = new ArrayList<>();

    private void add(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(sb.isEmpty() ? "" : " ").append(p);
        }
        events.add(sb.toString());
    }

    List<String> drain() {
        List<String> out = new ArrayList<>(events);
        events.clear();
        return out;
    }

    long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }

    @Override
    public void rejected(long eventSeq, long commandSeq, long ts, CommandType command, long userId, long orderId,
                         ResultCode code) {
        add("rejected", eventSeq, commandSeq, ts, command, userId, orderId, code);
    }

    @Override
    public void deposited(long eventSeq, long commandSeq, long ts, long userId, int assetId, long amount) {
        add("deposited", eventSeq, commandSeq, ts, userId, assetId, amount);
    }

    @Override
    public void orderAccepted(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long clientOrderId,
                              long userId, Side side, OrderType type, StpMode stp, long price, long size,
                              long quoteBudget) {
        add("accepted", eventSeq, commandSeq, ts, marketId, orderId, clientOrderId, userId, side, type, stp, price,
                size, quoteBudget);
    }

    @Override
    public void trade(long eventSeq, long commandSeq, long ts, int marketId, long tradeId, long makerOrderId,
                      long makerUserId, long takerOrderId, long takerUserId, Side takerSide, long price, long size,
                      long notional, long makerFee, long takerFee, int feeAssetId, long makerRemaining,
                      long takerRemaining) {
        add("trade", eventSeq, commandSeq, ts, marketId, tradeId, makerOrderId, makerUserId, takerOrderId,
                takerUserId, takerSide, price, size, notional, makerFee, takerFee, feeAssetId, makerRemaining,
                takerRemaining);
    }

    @Override
    public void orderCancelled(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                               long remaining) {
        add("cancelled", eventSeq, commandSeq, ts, marketId, orderId, userId, remaining);
    }

    @Override
    public void orderExpired(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long remaining, ExpireReason reason) {
        add("expired", eventSeq, commandSeq, ts, marketId, orderId, userId, remaining, reason);
    }

    @Override
    public void orderAmended(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long newPrice, long newRemaining, boolean keptPriority) {
        add("amended", eventSeq, commandSeq, ts, marketId, orderId, userId, newPrice, newRemaining, keptPriority);
    }

    @Override
    public void bookDelta(long eventSeq, long commandSeq, long ts, int marketId, Side side, long price,
                          long newLevelSize) {
        add("book", eventSeq, commandSeq, ts, marketId, side, price, newLevelSize);
    }

    @Override
    public void balanceChanged(long eventSeq, long commandSeq, long ts, long userId, int assetId, long available,
                               long locked) {
        add("balance", eventSeq, commandSeq, ts, userId, assetId, available, locked);
    }

    @Override
    public void posted(long eventSeq, long commandSeq, long ts, int assetId, AccountKind from, long fromUserId,
                       AccountKind to, long toUserId, long amount) {
        add("posted", eventSeq, commandSeq, ts, assetId, from, fromUserId, to, toUserId, amount);
    }

    @Override
    public String toString() {
        return String.join("\n", events);
    }
}
