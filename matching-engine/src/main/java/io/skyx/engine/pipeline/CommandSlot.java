package io.skyx.engine.pipeline;

import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;

/** One pre-allocated entry of the command ring: every input of every command, overwritten in place. */
final class CommandSlot {
    static final int DEPOSIT = 1;
    static final int WITHDRAW = 2;
    static final int PLACE = 3;
    static final int CANCEL = 4;
    static final int CANCEL_ALL = 5;
    static final int AMEND = 6;
    static final int REDUCE = 7;

    int command;
    int shard;
    long seq;
    long timestampMs;
    long intendedNanos;
    long userId;
    int marketId;
    int assetId;
    long amount;
    long orderId;
    long clientOrderId;
    Side side;
    OrderType type;
    long price;
    long size;
    long quoteBudget;
    StpMode stp;
}
