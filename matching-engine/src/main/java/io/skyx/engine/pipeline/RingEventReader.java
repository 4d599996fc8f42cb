package io.skyx.engine.pipeline;

import io.skyx.engine.CommandType;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExpireReason;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import com.lmax.disruptor.EventPoller;

/** The events thread's decoder: turns ring slots back into {@link EventSink} calls and completions. */
final class RingEventReader implements EventPoller.Handler<EventSlot> {
    static final int REJECTED = 1;
    static final int DEPOSITED = 2;
    static final int WITHDRAWN = 3;
    static final int ACCEPTED = 4;
    static final int TRADE = 5;
    static final int CANCELLED = 6;
    static final int EXPIRED = 7;
    static final int AMENDED = 8;
    static final int BOOK_DELTA = 9;
    static final int BALANCE = 10;
    static final int DONE = 11;

    private static final CommandType[] COMMANDS = CommandType.values();
    private static final ResultCode[] CODES = ResultCode.values();
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final StpMode[] STPS = StpMode.values();
    private static final ExpireReason[] REASONS = ExpireReason.values();

    private final EventSink sink;
    private final EnginePipeline.CompletionListener listener;
    private long[] v;
    private int pos;
    long completed;

    RingEventReader(EventSink sink, EnginePipeline.CompletionListener listener) {
        this.sink = sink;
        this.listener = listener;
    }

    private long next() {
        return v[pos++];
    }

    private int nextInt() {
        return (int) next();
    }

    @Override
    public boolean onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        int tag = slot.tag;
        v = slot.fields;
        pos = 0;
        if (tag == DONE) {
            long seq = next();
            long intended = next();
            ResultCode code = CODES[nextInt()];
            completed++;
            listener.completed(seq, intended, code);
            return true;
        }
        long es = next();
        long cs = next();
        long ts = next();
        switch (tag) {
            case REJECTED -> sink.rejected(es, cs, ts, COMMANDS[nextInt()], next(), next(), CODES[nextInt()]);
            case DEPOSITED -> sink.deposited(es, cs, ts, next(), nextInt(), next());
            case WITHDRAWN -> sink.withdrawn(es, cs, ts, next(), nextInt(), next());
            case ACCEPTED -> sink.orderAccepted(es, cs, ts, nextInt(), next(), next(), next(), SIDES[nextInt()],
                    TYPES[nextInt()], STPS[nextInt()], next(), next(), next());
            case TRADE -> sink.trade(es, cs, ts, nextInt(), next(), next(), next(), next(), next(), SIDES[nextInt()],
                    next(), next(), next(), next(), next(), nextInt(), next(), next());
            case CANCELLED -> sink.orderCancelled(es, cs, ts, nextInt(), next(), next(), next());
            case EXPIRED -> sink.orderExpired(es, cs, ts, nextInt(), next(), next(), next(), REASONS[nextInt()]);
            case AMENDED -> sink.orderAmended(es, cs, ts, nextInt(), next(), next(), next(), next(), next() == 1);
            case BOOK_DELTA -> sink.bookDelta(es, cs, ts, nextInt(), SIDES[nextInt()], next(), next());
            case BALANCE -> sink.balanceChanged(es, cs, ts, next(), nextInt(), next(), next());
            default -> throw new IllegalStateException("unknown event message type " + tag);
        }
        return true;
    }
}
