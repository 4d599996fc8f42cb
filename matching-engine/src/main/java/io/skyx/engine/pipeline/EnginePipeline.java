package io.skyx.engine.pipeline;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.MarketSpec;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The threaded trading core: sequencer → (LMAX Disruptor ring) → engine shards (funds check + matching, one
 * thread per shard, each owning its markets) → (one Disruptor event ring per shard, polled) → events thread →
 * caller's sink.
 *
 * <p>The calling thread is the sequencer: each command method claims the next ring slot, whose sequence + 1 is
 * the command's sequence number, fills it and publishes it. Only one thread may call the command methods.
 * Markets are dealt to shards in ascending id order (market i of the sorted list goes to shard i mod shards);
 * each shard is a full {@link ExchangeEngine} over its markets and keeps its own balances, so funding commands
 * name a market to say which shard's balances they credit or debit. With one shard this is exactly the
 * single-threaded engine.
 */
public final class EnginePipeline implements AutoCloseable {

    /** Told on the events thread when a command and all its events have gone through. */
    public interface CompletionListener {
        /** Command {@code seq}, published for {@code intendedNanos} (System.nanoTime), finished with code. */
        void completed(long seq, long intendedNanos, ResultCode code);
    }

    private final Disruptor<CommandSlot> disruptor;
    private final RingBuffer<CommandSlot> ring;
    private final ExchangeEngine[] engines;
    private final int[] shardOfMarket = new int[MarketSpec.MAX_ID + 1];
    private final List<EventPoller<EventSlot>> pollers = new ArrayList<>();
    private final Thread eventsThread;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final StageFailure failure = new StageFailure();
    private volatile boolean running = true;

    private EnginePipeline(EngineConfig config, int shards, int ringSize, boolean busySpin, EventSink output,
                           CompletionListener listener) {
        List<MarketSpec> markets = new ArrayList<>(config.markets());
        markets.sort(Comparator.comparingInt(MarketSpec::id));
        engines = new ExchangeEngine[shards];
        List<RingEventReader> readers = new ArrayList<>();
        disruptor = new Disruptor<>(CommandSlot::new, ringSize, r -> {
            Thread t = new Thread(r, "engine-shard");
            t.setDaemon(true);
            return t;
        }, ProducerType.SINGLE, busySpin ? new BusySpinWaitStrategy() : new YieldingWaitStrategy());
        disruptor.setDefaultExceptionHandler(failure);
        List<ShardHandler> handlers = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            List<MarketSpec> mine = new ArrayList<>();
            for (int i = s; i < markets.size(); i += shards) {
                mine.add(markets.get(i));
                shardOfMarket[markets.get(i).id()] = s;
            }
            RingBuffer<EventSlot> events = RingBuffer.createSingleProducer(EventSlot::new, 1 << 16,
                    new YieldingWaitStrategy());
            EventPoller<EventSlot> poller = events.newPoller();
            events.addGatingSequences(poller.getSequence());
            pollers.add(poller);
            RingEventWriter writer = new RingEventWriter(events, failure);
            engines[s] = Engines.create(new EngineConfig(config.assets(), mine), writer);
            handlers.add(new ShardHandler(s, engines[s], writer));
            readers.add(new RingEventReader(output, listener));
        }
        disruptor.handleEventsWith(handlers.toArray(ShardHandler[]::new));
        ring = disruptor.start();
        eventsThread = new Thread(() -> {
            try {
                drainEvents(readers);
            } catch (RuntimeException | Error t) {
                failure.record(t);
            }
        }, "engine-events");
        eventsThread.setDaemon(true);
        eventsThread.start();
    }

    /**
     * Starts a pipeline.
     *
     * @param config   assets and markets
     * @param shards   engine threads (1 or more)
     * @param ringSize command ring size, a power of two
     * @param busySpin true: engine threads busy-spin when idle (lowest latency, needs free cores); false: yield
     * @param output   receives every event, on the events thread
     * @param listener told of every finished command, on the events thread
     */
    public static EnginePipeline start(EngineConfig config, int shards, int ringSize, boolean busySpin,
                                       EventSink output, CompletionListener listener) {
        Objects.requireNonNull(config, "config");
        if (shards < 1 || shards > Math.max(1, config.markets().size())) {
            throw new IllegalArgumentException("shards must be in 1..number of markets: " + shards);
        }
        if (ringSize < 1 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two: " + ringSize);
        }
        return new EnginePipeline(config, shards, ringSize, busySpin, Objects.requireNonNull(output, "output"),
                Objects.requireNonNull(listener, "listener"));
    }

    private void drainEvents(List<RingEventReader> readers) {
        long idle = 0;
        while ((running || completed.get() < published()) && !failure.failed()) {
            int work = 0;
            for (int s = 0; s < pollers.size(); s++) {
                RingEventReader r = readers.get(s);
                long before = r.completed;
                try {
                    if (pollers.get(s).poll(r) == EventPoller.PollState.PROCESSING) {
                        work++;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("events stage failed", e);
                }
                if (r.completed != before) {
                    completed.addAndGet(r.completed - before);
                }
            }
            if (work == 0) {
                if (++idle > 100) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            } else {
                idle = 0;
            }
        }
    }

    private long published() {
        return published.get();
    }

    private CommandSlot claim(int command, long timestampMs, long intendedNanos, int shard) {
        if (!ring.hasAvailableCapacity(1)) {
            awaitCapacity();
        }
        long s = ring.next();
        CommandSlot c = ring.get(s);
        c.command = command;
        c.seq = s + 1;
        c.timestampMs = timestampMs;
        c.intendedNanos = intendedNanos;
        c.shard = shard;
        return c;
    }

    private long publish(CommandSlot c) {
        published.lazySet(published.get() + 1);
        ring.publish(c.seq - 1);
        return c.seq;
    }

    private int shard(int marketId) {
        return marketId >= 0 && marketId <= MarketSpec.MAX_ID ? shardOfMarket[marketId] : 0;
    }

    /** Deposit to the balances of the shard owning marketId; returns the command's sequence number. */
    public long deposit(long timestampMs, long intendedNanos, int marketId, long userId, int assetId, long amount) {
        CommandSlot c = claim(CommandSlot.DEPOSIT, timestampMs, intendedNanos, shard(marketId));
        c.userId = userId;
        c.assetId = assetId;
        c.amount = amount;
        return publish(c);
    }

    /** Withdrawal from the balances of the shard owning marketId. */
    public long withdraw(long timestampMs, long intendedNanos, int marketId, long userId, int assetId, long amount) {
        CommandSlot c = claim(CommandSlot.WITHDRAW, timestampMs, intendedNanos, shard(marketId));
        c.userId = userId;
        c.assetId = assetId;
        c.amount = amount;
        return publish(c);
    }

    /** See {@link ExchangeEngine#placeOrder}. */
    public long placeOrder(long timestampMs, long intendedNanos, long userId, int marketId, long orderId,
                           long clientOrderId, Side side, OrderType type, long price, long size, long quoteBudget,
                           StpMode stp) {
        CommandSlot c = claim(CommandSlot.PLACE, timestampMs, intendedNanos, shard(marketId));
        c.userId = userId;
        c.marketId = marketId;
        c.orderId = orderId;
        c.clientOrderId = clientOrderId;
        c.side = side;
        c.type = type;
        c.price = price;
        c.size = size;
        c.quoteBudget = quoteBudget;
        c.stp = stp;
        return publish(c);
    }

    /** See {@link ExchangeEngine#cancelOrder}; marketId routes it to its shard. */
    public long cancelOrder(long timestampMs, long intendedNanos, long userId, int marketId, long orderId) {
        CommandSlot c = claim(CommandSlot.CANCEL, timestampMs, intendedNanos, shard(marketId));
        c.userId = userId;
        c.orderId = orderId;
        return publish(c);
    }

    /** See {@link ExchangeEngine#cancelAll}. */
    public long cancelAll(long timestampMs, long intendedNanos, long userId, int marketId) {
        CommandSlot c = claim(CommandSlot.CANCEL_ALL, timestampMs, intendedNanos, shard(marketId));
        c.userId = userId;
        c.marketId = marketId;
        return publish(c);
    }

    /** See {@link ExchangeEngine#amendOrder}; marketId routes it to its shard. */
    public long amendOrder(long timestampMs, long intendedNanos, long userId, int marketId, long orderId,
                           long newPrice, long newRemaining) {
        CommandSlot c = claim(CommandSlot.AMEND, timestampMs, intendedNanos, shard(marketId));
        c.userId = userId;
        c.orderId = orderId;
        c.price = newPrice;
        c.size = newRemaining;
        return publish(c);
    }

    /** See {@link ExchangeEngine#reduceOrder}; marketId routes it to its shard. */
    public long reduceOrder(long timestampMs, long intendedNanos, long userId, int marketId, long orderId,
                            long reduceBy) {
        CommandSlot c = claim(CommandSlot.REDUCE, timestampMs, intendedNanos, shard(marketId));
        c.userId = userId;
        c.orderId = orderId;
        c.size = reduceBy;
        return publish(c);
    }

    /**
     * The command ring is full: wait for the engine threads, but stop if one of the stages has died. Parks rather
     * than spins or yields, so that on a machine with few cores the engine and events threads get the CPU.
     */
    private void awaitCapacity() {
        while (!ring.hasAvailableCapacity(1)) {
            failure.check();
            LockSupport.parkNanos(1);
        }
    }

    /**
     * Waits until every published command and its events have gone through the events thread.
     *
     * @throws IllegalStateException if a stage of the pipeline has failed (with that failure as the cause)
     */
    public void awaitIdle() {
        long target = published();
        while (completed.get() < target) {
            failure.check();
            Thread.yield();
        }
    }

    /**
     * Waits at most {@code timeout} until every published command and its events have gone through.
     *
     * @return true if idle, false if the time ran out first
     * @throws IllegalStateException if a stage of the pipeline has failed (with that failure as the cause)
     */
    public boolean awaitIdle(long timeout, TimeUnit unit) {
        long target = published();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (completed.get() < target) {
            failure.check();
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.yield();
        }
        return true;
    }

    /** Commands finished so far. */
    public long completed() {
        return completed.get();
    }

    /** The engine of the shard owning marketId; query it only after {@link #awaitIdle()}. */
    public ExchangeEngine engineFor(int marketId) {
        return engines[shard(marketId)];
    }

    /**
     * Drains everything, then stops the threads. If a stage has failed it stops the others without draining and
     * throws that failure.
     */
    @Override
    public void close() {
        try {
            awaitIdle();
        } finally {
            running = false;
            disruptor.halt();
            try {
                eventsThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One engine thread: applies the commands of its shard and marks each as done for the events thread. */
    private static final class ShardHandler implements EventHandler<CommandSlot> {
        private final int shard;
        private final ExchangeEngine engine;
        private final RingEventWriter writer;

        ShardHandler(int shard, ExchangeEngine engine, RingEventWriter writer) {
            this.shard = shard;
            this.engine = engine;
            this.writer = writer;
        }

        @Override
        public void onEvent(CommandSlot c, long sequence, boolean endOfBatch) {
            if (c.shard != shard) {
                return;
            }
            ResultCode code = switch (c.command) {
                case CommandSlot.DEPOSIT -> engine.deposit(c.seq, c.timestampMs, c.userId, c.assetId, c.amount);
                case CommandSlot.WITHDRAW -> engine.withdraw(c.seq, c.timestampMs, c.userId, c.assetId, c.amount);
                case CommandSlot.PLACE -> engine.placeOrder(c.seq, c.timestampMs, c.userId, c.marketId, c.orderId,
                        c.clientOrderId, c.side, c.type, c.price, c.size, c.quoteBudget, c.stp);
                case CommandSlot.CANCEL -> engine.cancelOrder(c.seq, c.timestampMs, c.userId, c.orderId);
                case CommandSlot.CANCEL_ALL -> engine.cancelAll(c.seq, c.timestampMs, c.userId, c.marketId);
                case CommandSlot.AMEND -> engine.amendOrder(c.seq, c.timestampMs, c.userId, c.orderId, c.price,
                        c.size);
                default -> engine.reduceOrder(c.seq, c.timestampMs, c.userId, c.orderId, c.size);
            };
            writer.commandDone(c.seq, c.intendedNanos, code);
        }
    }
}
