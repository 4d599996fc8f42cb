package io.skyx.api.sequencer;

import io.skyx.engine.AccountKind;
import io.skyx.engine.CommandType;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExpireReason;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.ArrayList;
import java.util.List;

/** Turns the engine's callbacks into {@link EngineEvent} values for the current command; ignores them when off. */
final class EventCollector implements EventSink {

    private List<EngineEvent> events;

    /** Starts collecting the events of one command. */
    void begin() {
        events = new ArrayList<>(8);
    }

    /** Stops collecting and returns the command's events. */
    List<EngineEvent> end() {
        List<EngineEvent> e = events == null ? List.of() : List.copyOf(events);
        events = null;
        return e;
    }

    private void add(EngineEvent e) {
        if (events != null) {
            events.add(e);
        }
    }

    @Override
    public void rejected(long eventSeq, long commandSeq, long ts, CommandType command, long userId, long orderId,
                         ResultCode code) {
        add(new EngineEvent.Rejected(eventSeq, command, userId, orderId, code));
    }

    @Override
    public void deposited(long eventSeq, long commandSeq, long ts, long userId, int assetId, long amount) {
        add(new EngineEvent.Deposited(eventSeq, userId, assetId, amount));
    }

    @Override
    public void orderAccepted(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long clientOrderId,
                              long userId, Side side, OrderType type, StpMode stp, long price, long size,
                              long quoteBudget) {
        add(new EngineEvent.OrderAccepted(eventSeq, marketId, orderId, userId, side, type, price, size, quoteBudget));
    }

    @Override
    public void trade(long eventSeq, long commandSeq, long ts, int marketId, long tradeId, long makerOrderId,
                      long makerUserId, long takerOrderId, long takerUserId, Side takerSide, long price, long size,
                      long notional, long makerFee, long takerFee, int feeAssetId, long makerRemaining,
                      long takerRemaining) {
        add(new EngineEvent.Trade(eventSeq, marketId, tradeId, makerOrderId, makerUserId, takerOrderId, takerUserId,
                takerSide, price, size, notional, makerFee, takerFee, feeAssetId, makerRemaining, takerRemaining));
    }

    @Override
    public void orderCancelled(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                               long remaining) {
        add(new EngineEvent.OrderCancelled(eventSeq, marketId, orderId, userId, remaining));
    }

    @Override
    public void orderExpired(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long remaining, ExpireReason reason) {
        add(new EngineEvent.OrderExpired(eventSeq, marketId, orderId, userId, remaining, reason));
    }

    @Override
    public void orderAmended(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long newPrice, long newRemaining, boolean keptPriority) {
        add(new EngineEvent.OrderAmended(eventSeq, marketId, orderId, userId, newPrice, newRemaining));
    }

    @Override
    public void bookDelta(long eventSeq, long commandSeq, long ts, int marketId, Side side, long price,
                          long newLevelSize) {
        add(new EngineEvent.BookDelta(eventSeq, marketId, side, price, newLevelSize));
    }

    @Override
    public void balanceChanged(long eventSeq, long commandSeq, long ts, long userId, int assetId, long available,
                               long locked) {
        add(new EngineEvent.BalanceChanged(eventSeq, userId, assetId, available, locked));
    }

    @Override
    public void posted(long eventSeq, long commandSeq, long ts, int assetId, AccountKind from, long fromUserId,
                       AccountKind to, long toUserId, long amount) {
        add(new EngineEvent.Posted(eventSeq, assetId, from, fromUserId, to, toUserId, amount));
    }
}
