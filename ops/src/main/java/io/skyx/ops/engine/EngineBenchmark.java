package io.skyx.ops.engine;

import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: place, cancel, amend and matching sweeps on a SKY-BTC book of 1000 resting orders per side over 100
 * levels. Each operation leaves the book as it found it, so every call does the same work. Run:
 * {@code java -jar ops/target/skyx-benchmarks.jar EngineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineBenchmark {
    private static final int M = 1;
    private static final long MID = 10_000;

    @Param({"FAST", "REFERENCE"})
    public Engines.Implementation impl;

    @Param({"5"})
    public int sweepLevels;

    private ExchangeEngine e;
    private long seq;
    private long nextId = 1_000_000;
    private long moveTarget;

    @Setup(Level.Trial)
    public void setUp() {
        e = Engines.create(impl, EngineConfig.skyBtc(), EventSink.NONE);
        for (long u = 1; u <= 100; u++) {
            e.creditDeposit(++seq, 0, u, 1, 1_000_000_000_000_000L);
            e.creditDeposit(++seq, 0, u, 2, 1_000_000_000_000_000L);
        }
        long id = 0;
        for (int level = 1; level <= 100; level++) {
            for (int k = 0; k < 10; k++) {
                long user = 1 + (id % 100);
                e.placeOrder(++seq, 0, user, M, ++id, 0, Side.BID, OrderType.GTC, MID - level, 10, 0, StpMode.NONE);
                e.placeOrder(++seq, 0, user, M, ++id, 0, Side.ASK, OrderType.GTC, MID + level, 10, 0, StpMode.NONE);
            }
        }
        moveTarget = MID - 50;
    }

    /** Place a resting order mid-book, then cancel it (2 commands). */
    @Benchmark
    public ResultCode placeThenCancel() {
        long id = ++nextId;
        e.placeOrder(++seq, 0, 7, M, id, 0, Side.BID, OrderType.GTC, MID - 30, 5, 0, StpMode.NONE);
        return e.cancelOrder(++seq, 0, 7, id);
    }

    /** Move an existing resting order to another level and back (2 commands, each losing priority). */
    @Benchmark
    public ResultCode amendMoveTwice() {
        e.amendOrder(++seq, 0, 1, 1, moveTarget, 0);
        return e.amendOrder(++seq, 0, 1, 1, MID - 1, 0);
    }

    /** Reduce an order keeping priority, then grow it back (2 commands). */
    @Benchmark
    public ResultCode amendSizeDownAndUp() {
        e.amendOrder(++seq, 0, 1, 2, 0, 7);
        return e.amendOrder(++seq, 0, 1, 2, 0, 10);
    }

    /**
     * An IOC buy sweeping {@code sweepLevels} ask levels (10 makers each), then GTC asks putting back exactly
     * what it took (1 + 10 x sweepLevels commands).
     */
    @Benchmark
    public ResultCode sweepAndRefill() {
        long size = 100L * sweepLevels;
        ResultCode r = e.placeOrder(++seq, 0, 99, M, ++nextId, 0, Side.BID, OrderType.IOC, MID + sweepLevels, size,
                0, StpMode.NONE);
        for (int level = 1; level <= sweepLevels; level++) {
            for (int k = 0; k < 10; k++) {
                e.placeOrder(++seq, 0, 1 + k, M, ++nextId, 0, Side.ASK, OrderType.GTC, MID + level, 10, 0,
                        StpMode.NONE);
            }
        }
        return r;
    }
}
