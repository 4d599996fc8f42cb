package io.skyx.engine;

import java.util.function.Supplier;

/** Test sink that forwards every event to whatever sink the supplier gives at that moment. */
final class ForwardingSink implements EventSink {
    private final Supplier<EventSink> target;

    ForwardingSink(Supplier<EventSink> target) {
        this.target = target;
    }

    @Override
    public void rejected(long eventSeq, long commandSeq, long ts, CommandType command, long userId, long orderId,
                         ResultCode code) {
        target.get().rejected(eventSeq, commandSeq, ts, command, userId, orderId, code);
    }

    @Override
    public void deposited(long eventSeq, long commandSeq, long ts, long userId, int assetId, long amount) {
        target.get().deposited(eventSeq, commandSeq, ts, userId, assetId, amount);
    }

    @Override
    public void orderAccepted(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long clientOrderId,
                              long userId, Side side, OrderType type, StpMode stp, long price, long size,
                              long quoteBudget) {
        target.get().orderAccepted(eventSeq, commandSeq, ts, marketId, orderId, clientOrderId, userId, side, type,
                stp, price, size, quoteBudget);
    }

    @Override
    public void trade(long eventSeq, long commandSeq, long ts, int marketId, long tradeId, long makerOrderId,
                      long makerUserId, long takerOrderId, long takerUserId, Side takerSide, long price, long size,
                      long notional, long makerFee, long takerFee, int feeAssetId, long makerRemaining,
                      long takerRemaining) {
        target.get().trade(eventSeq, commandSeq, ts, marketId, tradeId, makerOrderId, makerUserId, takerOrderId,
                takerUserId, takerSide, price, size, notional, makerFee, takerFee, feeAssetId, makerRemaining,
                takerRemaining);
    }

    @Override
    public void orderCancelled(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                               long remaining) {
        target.get().orderCancelled(eventSeq, commandSeq, ts, marketId, orderId, userId, remaining);
    }

    @Override
    public void orderExpired(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long remaining, ExpireReason reason) {
        target.get().orderExpired(eventSeq, commandSeq, ts, marketId, orderId, userId, remaining, reason);
    }

    @Override
    public void orderAmended(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long newPrice, long newRemaining, boolean keptPriority) {
        target.get().orderAmended(eventSeq, commandSeq, ts, marketId, orderId, userId, newPrice, newRemaining,
                keptPriority);
    }

    @Override
    public void bookDelta(long eventSeq, long commandSeq, long ts, int marketId, Side side, long price,
                          long newLevelSize) {
        target.get().bookDelta(eventSeq, commandSeq, ts, marketId, side, price, newLevelSize);
    }

    @Override
    public void balanceChanged(long eventSeq, long commandSeq, long ts, long userId, int assetId, long available,
                               long locked) {
        target.get().balanceChanged(eventSeq, commandSeq, ts, userId, assetId, available, locked);
    }

    @Override
    public void posted(long eventSeq, long commandSeq, long ts, int assetId, AccountKind from, long fromUserId,
                       AccountKind to, long toUserId, long amount) {
        target.get().posted(eventSeq, commandSeq, ts, assetId, from, fromUserId, to, toUserId, amount);
    }
}
