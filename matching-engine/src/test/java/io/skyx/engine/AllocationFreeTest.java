package io.skyx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The fast engine allocates nothing per command in steady state (place, trade, move, reduce, cancel). */
class AllocationFreeTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().threadId());
    }

    @Test
    void steadyStateCommandsAllocateNothing() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "thread allocation counter not available: skipping");
        ExchangeEngine e = Engines.create(Engines.Implementation.FAST, EngineConfig.skyBtc(), EventSink.NONE);
        long seq = 0;
        for (long u = 1; u <= 50; u++) {
            e.creditDeposit(++seq, 0, u, 1, 1_000_000_000_000_000L);
            e.creditDeposit(++seq, 0, u, 2, 1_000_000_000_000_000L);
        }
        SplittableRandom r = new SplittableRandom(42);
        long[] live = new long[4096];
        long[] owner = new long[live.length];
        long nextId = 0;
        long before = 0;
        int rounds = 400_000;
        for (int i = 0; i < 2 * rounds; i++) {
            if (i == rounds) {
                before = allocatedBytes();
            }
            long user = 1 + r.nextInt(50);
            int slot = r.nextInt(live.length);
            int k = r.nextInt(10);
            if (k < 4 || live[slot] == 0) {
                if (live[slot] != 0) {
                    e.cancelOrder(++seq, i, owner[slot], live[slot]);
                }
                Side side = r.nextBoolean() ? Side.BID : Side.ASK;
                long price = 1_000 + r.nextInt(60) - (side == Side.BID ? 10 : -10) + r.nextInt(3) - 1;
                e.placeOrder(++seq, i, user, 1, ++nextId, 0, side, r.nextInt(8) == 0 ? OrderType.IOC : OrderType.GTC,
                        price, 1 + r.nextInt(20), 0, StpMode.NONE);
                live[slot] = nextId;
                owner[slot] = user;
            } else if (k < 7) {
                e.amendOrder(++seq, i, owner[slot], live[slot], 1_000 + r.nextInt(80) - 40, 0);
            } else if (k < 8) {
                e.reduceOrder(++seq, i, owner[slot], live[slot], 1);
            } else {
                e.cancelOrder(++seq, i, owner[slot], live[slot]);
            }
        }
        long total = allocatedBytes() - before;
        System.out.println("AllocationFreeTest: " + total + " bytes over " + rounds + " commands");
        assertThat(total).as("bytes allocated by %d steady-state commands", rounds).isLessThan(16 * 1024);
    }
}
