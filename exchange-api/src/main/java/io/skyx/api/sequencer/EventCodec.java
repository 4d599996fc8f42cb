package io.skyx.api.sequencer;

import io.skyx.engine.ResultCode;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's binary form of a command's outcome: a format version byte, the result's stable code (u16), the
 * number of events (u32), then each event as a type byte and fixed big-endian fields (enums by {@link Codes}).
 * Stored beside the command so every reader of the journal gets the events without replaying the engine. An
 * unknown version, type or enum code fails loudly with IllegalArgumentException.
 */
final class EventCodec {

    /** The format version written now; the only one read. */
    static final byte VERSION = 1;

    static final byte REJECTED = 1;
    static final byte DEPOSITED = 2;
    static final byte WITHDRAWN = 3;
    static final byte ORDER_ACCEPTED = 4;
    static final byte TRADE = 5;
    static final byte ORDER_CANCELLED = 6;
    static final byte ORDER_EXPIRED = 7;
    static final byte ORDER_AMENDED = 8;
    static final byte BOOK_DELTA = 9;
    static final byte BALANCE_CHANGED = 10;
    static final byte POSTED = 11;

    /** A decoded outcome. */
    record Outcome(ResultCode result, List<EngineEvent> events) {
    }

    private EventCodec() {
    }

    private static int size(EngineEvent e) {
        return 1 + 8 + switch (e) {
            case EngineEvent.Rejected r -> 1 + 8 + 8 + 2;
            case EngineEvent.Deposited d -> 8 + 4 + 8;
            case EngineEvent.Withdrawn w -> 8 + 4 + 8;
            case EngineEvent.OrderAccepted o -> 4 + 8 + 8 + 1 + 1 + 8 + 8 + 8;
            case EngineEvent.Trade t -> 4 + 8 + 8 + 8 + 8 + 8 + 1 + 8 + 8 + 8 + 8 + 8 + 4 + 8 + 8;
            case EngineEvent.OrderCancelled o -> 4 + 8 + 8 + 8;
            case EngineEvent.OrderExpired o -> 4 + 8 + 8 + 8 + 1;
            case EngineEvent.OrderAmended o -> 4 + 8 + 8 + 8 + 8;
            case EngineEvent.BookDelta d -> 4 + 1 + 8 + 8;
            case EngineEvent.BalanceChanged b -> 8 + 4 + 8 + 8;
            case EngineEvent.Posted p -> 4 + 1 + 8 + 1 + 8 + 8;
        };
    }

    static byte[] encode(ResultCode result, List<EngineEvent> events) {
        int size = 1 + 2 + 4;
        for (EngineEvent e : events) {
            size += size(e);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION).putShort((short) Codes.result(result)).putInt(events.size());
        for (EngineEvent e : events) {
            put(b, e);
        }
        if (b.hasRemaining()) {
            throw new IllegalStateException("size and encode disagree for " + events);
        }
        return b.array();
    }

    private static void put(ByteBuffer b, EngineEvent e) {
        switch (e) {
            case EngineEvent.Rejected r -> b.put(REJECTED).putLong(r.eventSeq())
                    .put((byte) Codes.commandType(r.command())).putLong(r.userId()).putLong(r.orderId())
                    .putShort((short) Codes.result(r.code()));
            case EngineEvent.Deposited d -> b.put(DEPOSITED).putLong(d.eventSeq()).putLong(d.userId())
                    .putInt(d.assetId()).putLong(d.amount());
            case EngineEvent.Withdrawn w -> b.put(WITHDRAWN).putLong(w.eventSeq()).putLong(w.userId())
                    .putInt(w.assetId()).putLong(w.amount());
            case EngineEvent.OrderAccepted o -> b.put(ORDER_ACCEPTED).putLong(o.eventSeq()).putInt(o.marketId())
                    .putLong(o.orderId()).putLong(o.userId()).put((byte) Codes.side(o.side()))
                    .put((byte) Codes.orderType(o.type())).putLong(o.price()).putLong(o.size())
                    .putLong(o.quoteBudget());
            case EngineEvent.Trade t -> b.put(TRADE).putLong(t.eventSeq()).putInt(t.marketId()).putLong(t.tradeId())
                    .putLong(t.makerOrderId()).putLong(t.makerUserId()).putLong(t.takerOrderId())
                    .putLong(t.takerUserId()).put((byte) Codes.side(t.takerSide())).putLong(t.price())
                    .putLong(t.size()).putLong(t.notional()).putLong(t.makerFee()).putLong(t.takerFee())
                    .putInt(t.feeAssetId()).putLong(t.makerRemaining()).putLong(t.takerRemaining());
            case EngineEvent.OrderCancelled o -> b.put(ORDER_CANCELLED).putLong(o.eventSeq()).putInt(o.marketId())
                    .putLong(o.orderId()).putLong(o.userId()).putLong(o.remaining());
            case EngineEvent.OrderExpired o -> b.put(ORDER_EXPIRED).putLong(o.eventSeq()).putInt(o.marketId())
                    .putLong(o.orderId()).putLong(o.userId()).putLong(o.remaining())
                    .put((byte) Codes.expireReason(o.reason()));
            case EngineEvent.OrderAmended o -> b.put(ORDER_AMENDED).putLong(o.eventSeq()).putInt(o.marketId())
                    .putLong(o.orderId()).putLong(o.userId()).putLong(o.newPrice()).putLong(o.newRemaining());
            case EngineEvent.BookDelta d -> b.put(BOOK_DELTA).putLong(d.eventSeq()).putInt(d.marketId())
                    .put((byte) Codes.side(d.side())).putLong(d.price()).putLong(d.newLevelSize());
            case EngineEvent.BalanceChanged c -> b.put(BALANCE_CHANGED).putLong(c.eventSeq()).putLong(c.userId())
                    .putInt(c.assetId()).putLong(c.available()).putLong(c.locked());
            case EngineEvent.Posted p -> b.put(POSTED).putLong(p.eventSeq()).putInt(p.assetId())
                    .put((byte) Codes.account(p.from())).putLong(p.fromUserId()).put((byte) Codes.account(p.to()))
                    .putLong(p.toUserId()).putLong(p.amount());
        }
    }

    static Outcome decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte version = b.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown event format version " + version
                        + " (this build reads version " + VERSION + ")");
            }
            ResultCode result = Codes.result(Short.toUnsignedInt(b.getShort()));
            int n = b.getInt();
            if (n < 0 || n > b.remaining()) {
                throw new IllegalArgumentException("bad event count " + n);
            }
            List<EngineEvent> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                events.add(get(b));
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " trailing bytes after events");
            }
            return new Outcome(result, List.copyOf(events));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated event payload", e);
        }
    }

    private static EngineEvent get(ByteBuffer b) {
        byte type = b.get();
        long seq = b.getLong();
        return switch (type) {
            case REJECTED -> new EngineEvent.Rejected(seq, Codes.commandType(b.get()), b.getLong(), b.getLong(),
                    Codes.result(Short.toUnsignedInt(b.getShort())));
            case DEPOSITED -> new EngineEvent.Deposited(seq, b.getLong(), b.getInt(), b.getLong());
            case WITHDRAWN -> new EngineEvent.Withdrawn(seq, b.getLong(), b.getInt(), b.getLong());
            case ORDER_ACCEPTED -> new EngineEvent.OrderAccepted(seq, b.getInt(), b.getLong(), b.getLong(),
                    Codes.side(b.get()), Codes.orderType(b.get()), b.getLong(), b.getLong(), b.getLong());
            case TRADE -> new EngineEvent.Trade(seq, b.getInt(), b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                    b.getLong(), Codes.side(b.get()), b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                    b.getLong(), b.getInt(), b.getLong(), b.getLong());
            case ORDER_CANCELLED -> new EngineEvent.OrderCancelled(seq, b.getInt(), b.getLong(), b.getLong(),
                    b.getLong());
            case ORDER_EXPIRED -> new EngineEvent.OrderExpired(seq, b.getInt(), b.getLong(), b.getLong(), b.getLong(),
                    Codes.expireReason(b.get()));
            case ORDER_AMENDED -> new EngineEvent.OrderAmended(seq, b.getInt(), b.getLong(), b.getLong(), b.getLong(),
                    b.getLong());
            case BOOK_DELTA -> new EngineEvent.BookDelta(seq, b.getInt(), Codes.side(b.get()), b.getLong(),
                    b.getLong());
            case BALANCE_CHANGED -> new EngineEvent.BalanceChanged(seq, b.getLong(), b.getInt(), b.getLong(),
                    b.getLong());
            case POSTED -> new EngineEvent.Posted(seq, b.getInt(), Codes.account(b.get()), b.getLong(),
                    Codes.account(b.get()), b.getLong(), b.getLong());
            default -> throw new IllegalArgumentException("unknown event type " + type);
        };
    }
}
