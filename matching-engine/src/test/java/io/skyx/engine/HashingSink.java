package io.skyx.engine;

/** Test sink: folds every event and every field into a running 64-bit hash, and counts events. */
final class HashingSink implements EventSink {
    long hash = 17;
    long count;
    final long[] perType = new long[11];
    final long[] perCode = new long[ResultCode.values().length];
    static final String[] NAMES = {"", "rejected", "deposited", "posted", "accepted", "trade", "cancelled",
        "expired", "amended", "bookDelta", "balanceChanged"};

    private void mix(long v) {
        hash = Long.rotateLeft((hash ^ v) * 0x9E3779B97F4A7C15L, 29) + 0x632BE59BD9B4E019L;
    }

    private void event(int tag, long eventSeq, long commandSeq, long ts) {
        count++;
        perType[tag]++;
        mix(tag);
        mix(eventSeq);
        mix(commandSeq);
        mix(ts);
    }

    String summary() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < NAMES.length; i++) {
            sb.append(i == 1 ? "" : ", ").append(NAMES[i]).append('=').append(perType[i]);
        }
        sb.append("; rejections:");
        for (ResultCode c : ResultCode.values()) {
            sb.append(perCode[c.ordinal()] == 0 ? "" : " " + c + "=" + perCode[c.ordinal()]);
        }
        return sb.toString();
    }

    @Override
    public void rejected(long eventSeq, long commandSeq, long ts, CommandType command, long userId, long orderId,
                         ResultCode code) {
        event(1, eventSeq, commandSeq, ts);
        perCode[code.ordinal()]++;
        mix(command.code());
        mix(userId);
        mix(orderId);
        mix(code.code());
    }

    @Override
    public void deposited(long eventSeq, long commandSeq, long ts, long userId, int assetId, long amount) {
        event(2, eventSeq, commandSeq, ts);
        mix(userId);
        mix(assetId);
        mix(amount);
    }

    @Override
    public void orderAccepted(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long clientOrderId,
                              long userId, Side side, OrderType type, StpMode stp, long price, long size,
                              long quoteBudget) {
        event(4, eventSeq, commandSeq, ts);
        mix(marketId);
        mix(orderId);
        mix(clientOrderId);
        mix(userId);
        mix(side.code());
        mix(type.code());
        mix(stp.code());
        mix(price);
        mix(size);
        mix(quoteBudget);
    }

    @Override
    public void trade(long eventSeq, long commandSeq, long ts, int marketId, long tradeId, long makerOrderId,
                      long makerUserId, long takerOrderId, long takerUserId, Side takerSide, long price, long size,
                      long notional, long makerFee, long takerFee, int feeAssetId, long makerRemaining,
                      long takerRemaining) {
        event(5, eventSeq, commandSeq, ts);
        mix(marketId);
        mix(tradeId);
        mix(makerOrderId);
        mix(makerUserId);
        mix(takerOrderId);
        mix(takerUserId);
        mix(takerSide.code());
        mix(price);
        mix(size);
        mix(notional);
        mix(makerFee);
        mix(takerFee);
        mix(feeAssetId);
        mix(makerRemaining);
        mix(takerRemaining);
    }

    @Override
    public void orderCancelled(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                               long remaining) {
        event(6, eventSeq, commandSeq, ts);
        mix(marketId);
        mix(orderId);
        mix(userId);
        mix(remaining);
    }

    @Override
    public void orderExpired(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long remaining, ExpireReason reason) {
        event(7, eventSeq, commandSeq, ts);
        mix(marketId);
        mix(orderId);
        mix(userId);
        mix(remaining);
        mix(reason.code());
    }

    @Override
    public void orderAmended(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long newPrice, long newRemaining, boolean keptPriority) {
        event(8, eventSeq, commandSeq, ts);
        mix(marketId);
        mix(orderId);
        mix(userId);
        mix(newPrice);
        mix(newRemaining);
        mix(keptPriority ? 1 : 0);
    }

    @Override
    public void bookDelta(long eventSeq, long commandSeq, long ts, int marketId, Side side, long price,
                          long newLevelSize) {
        event(9, eventSeq, commandSeq, ts);
        mix(marketId);
        mix(side.code());
        mix(price);
        mix(newLevelSize);
    }

    @Override
    public void balanceChanged(long eventSeq, long commandSeq, long ts, long userId, int assetId, long available,
                               long locked) {
        event(10, eventSeq, commandSeq, ts);
        mix(userId);
        mix(assetId);
        mix(available);
        mix(locked);
    }

    @Override
    public void posted(long eventSeq, long commandSeq, long ts, int assetId, AccountKind from, long fromUserId,
                       AccountKind to, long toUserId, long amount) {
        event(3, eventSeq, commandSeq, ts);
        mix(assetId);
        mix(from.code());
        mix(fromUserId);
        mix(to.code());
        mix(toUserId);
        mix(amount);
    }
}
