package io.skyx.api.sequencer;

import io.skyx.engine.AccountKind;
import io.skyx.engine.CommandType;
import io.skyx.engine.ExpireReason;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;

/**
 * The engine's events as values (see io.skyx.engine.EventSink for their meaning and order); units are the
 * engine's: asset amounts in smallest units, prices in ticks, sizes in lots.
 */
public sealed interface EngineEvent {

    /** Engine-assigned event number. */
    long eventSeq();

    /** A refused command. */
    record Rejected(long eventSeq, CommandType command, long userId, long orderId, ResultCode code)
            implements EngineEvent {
    }

    /** A credited deposit. */
    record Deposited(long eventSeq, long userId, int assetId, long amount) implements EngineEvent {
    }

    /** A debited withdrawal (no longer emitted by the engine: withdrawals are postings to WITHDRAWING). */
    record Withdrawn(long eventSeq, long userId, int assetId, long amount) implements EngineEvent {
    }

    /** An accepted order. */
    record OrderAccepted(long eventSeq, int marketId, long orderId, long userId, Side side, OrderType type,
                         long price, long size, long quoteBudget) implements EngineEvent {
    }

    /** A trade at the maker's price; fees in {@code feeAssetId}. */
    record Trade(long eventSeq, int marketId, long tradeId, long makerOrderId, long makerUserId, long takerOrderId,
                 long takerUserId, Side takerSide, long price, long size, long notional, long makerFee,
                 long takerFee, int feeAssetId, long makerRemaining, long takerRemaining) implements EngineEvent {
    }

    /** A cancelled order. */
    record OrderCancelled(long eventSeq, int marketId, long orderId, long userId, long remaining)
            implements EngineEvent {
    }

    /** An order that ended unfilled (IOC/FOK/market remainder, self-trade prevention). */
    record OrderExpired(long eventSeq, int marketId, long orderId, long userId, long remaining,
                        ExpireReason reason) implements EngineEvent {
    }

    /** An amended order. */
    record OrderAmended(long eventSeq, int marketId, long orderId, long userId, long newPrice, long newRemaining)
            implements EngineEvent {
    }

    /** A book level's new total size (0: gone). */
    record BookDelta(long eventSeq, int marketId, Side side, long price, long newLevelSize) implements EngineEvent {
    }

    /** A user's balance of one asset now. */
    record BalanceChanged(long eventSeq, long userId, int assetId, long available, long locked)
            implements EngineEvent {
    }

    /** A movement of money: {@code from} -= amount, {@code to} += amount (user id 0 for system accounts). */
    record Posted(long eventSeq, int assetId, AccountKind from, long fromUserId, AccountKind to, long toUserId,
                  long amount) implements EngineEvent {
    }
}
