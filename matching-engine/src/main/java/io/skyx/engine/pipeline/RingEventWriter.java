package io.skyx.engine.pipeline;

import io.skyx.engine.CommandType;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExpireReason;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import com.lmax.disruptor.RingBuffer;

/**
 * The engine thread's sink: writes each event as a tag and its fields (longs) into a pre-allocated slot of a
 * single-producer Disruptor ring read by the events thread. Waits while the ring is full, unless another stage
 * has failed (then it throws, which stops this engine thread). Slots are published in batches: at the end of
 * each command, or every {@value #BATCH} events within a long one.
 */
final class RingEventWriter implements EventSink {
    private static final int BATCH = 256;
    private final RingBuffer<EventSlot> ring;
    private final StageFailure failure;
    private long index;
    private int unpublished;
    private long[] v;
    private int pos;

    RingEventWriter(RingBuffer<EventSlot> ring, StageFailure failure) {
        this.ring = ring;
        this.failure = failure;
    }

    private void begin(int tag, int longs) {
        if (!ring.hasAvailableCapacity(1)) {
            awaitCapacity();
        }
        index = ring.next();
        EventSlot slot = ring.get(index);
        slot.tag = tag;
        v = slot.fields;
        pos = 0;
    }

    private void awaitCapacity() {
        while (!ring.hasAvailableCapacity(1)) {
            failure.check();
            Thread.yield();
        }
    }

    private void put(long x) {
        v[pos++] = x;
    }

    private void head(int tag, int longs, long eventSeq, long commandSeq, long ts) {
        begin(tag, longs + 3);
        put(eventSeq);
        put(commandSeq);
        put(ts);
    }

    private void end() {
        if (++unpublished == BATCH) {
            ring.publish(index);
            unpublished = 0;
        }
    }

    void commandDone(long seq, long intendedNanos, ResultCode code) {
        begin(RingEventReader.DONE, 3);
        put(seq);
        put(intendedNanos);
        put(code.ordinal());
        ring.publish(index);
        unpublished = 0;
    }

    @Override
    public void rejected(long eventSeq, long commandSeq, long ts, CommandType command, long userId, long orderId,
                         ResultCode code) {
        head(RingEventReader.REJECTED, 4, eventSeq, commandSeq, ts);
        put(command.ordinal());
        put(userId);
        put(orderId);
        put(code.ordinal());
        end();
    }

    @Override
    public void deposited(long eventSeq, long commandSeq, long ts, long userId, int assetId, long amount) {
        head(RingEventReader.DEPOSITED, 3, eventSeq, commandSeq, ts);
        put(userId);
        put(assetId);
        put(amount);
        end();
    }

    @Override
    public void withdrawn(long eventSeq, long commandSeq, long ts, long userId, int assetId, long amount) {
        head(RingEventReader.WITHDRAWN, 3, eventSeq, commandSeq, ts);
        put(userId);
        put(assetId);
        put(amount);
        end();
    }

    @Override
    public void orderAccepted(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long clientOrderId,
                              long userId, Side side, OrderType type, StpMode stp, long price, long size,
                              long quoteBudget) {
        head(RingEventReader.ACCEPTED, 10, eventSeq, commandSeq, ts);
        put(marketId);
        put(orderId);
        put(clientOrderId);
        put(userId);
        put(side.ordinal());
        put(type.ordinal());
        put(stp.ordinal());
        put(price);
        put(size);
        put(quoteBudget);
        end();
    }

    @Override
    public void trade(long eventSeq, long commandSeq, long ts, int marketId, long tradeId, long makerOrderId,
                      long makerUserId, long takerOrderId, long takerUserId, Side takerSide, long price, long size,
                      long notional, long makerFee, long takerFee, int feeAssetId, long makerRemaining,
                      long takerRemaining) {
        head(RingEventReader.TRADE, 15, eventSeq, commandSeq, ts);
        put(marketId);
        put(tradeId);
        put(makerOrderId);
        put(makerUserId);
        put(takerOrderId);
        put(takerUserId);
        put(takerSide.ordinal());
        put(price);
        put(size);
        put(notional);
        put(makerFee);
        put(takerFee);
        put(feeAssetId);
        put(makerRemaining);
        put(takerRemaining);
        end();
    }

    @Override
    public void orderCancelled(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                               long remaining) {
        head(RingEventReader.CANCELLED, 4, eventSeq, commandSeq, ts);
        put(marketId);
        put(orderId);
        put(userId);
        put(remaining);
        end();
    }

    @Override
    public void orderExpired(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long remaining, ExpireReason reason) {
        head(RingEventReader.EXPIRED, 5, eventSeq, commandSeq, ts);
        put(marketId);
        put(orderId);
        put(userId);
        put(remaining);
        put(reason.ordinal());
        end();
    }

    @Override
    public void orderAmended(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long newPrice, long newRemaining, boolean keptPriority) {
        head(RingEventReader.AMENDED, 6, eventSeq, commandSeq, ts);
        put(marketId);
        put(orderId);
        put(userId);
        put(newPrice);
        put(newRemaining);
        put(keptPriority ? 1 : 0);
        end();
    }

    @Override
    public void bookDelta(long eventSeq, long commandSeq, long ts, int marketId, Side side, long price,
                          long newLevelSize) {
        head(RingEventReader.BOOK_DELTA, 4, eventSeq, commandSeq, ts);
        put(marketId);
        put(side.ordinal());
        put(price);
        put(newLevelSize);
        end();
    }

    @Override
    public void balanceChanged(long eventSeq, long commandSeq, long ts, long userId, int assetId, long available,
                               long locked) {
        head(RingEventReader.BALANCE, 4, eventSeq, commandSeq, ts);
        put(userId);
        put(assetId);
        put(available);
        put(locked);
        end();
    }
}
