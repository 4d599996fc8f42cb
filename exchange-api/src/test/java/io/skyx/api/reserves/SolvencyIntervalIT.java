package io.skyx.api.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every group commit tells the solvency monitor; it must still recompute at most once per
 * {@code skyx.reserves.solvency-min-interval} (100 ms here), not once per commit (each check asks the sequencer
 * for every asset's liabilities); commits of orders that move nothing owed (unfilled IOC orders) cost no check
 * beyond the poll.
 */
class SolvencyIntervalIT extends IntegrationTestBase {

    @Autowired
    Sequencer sequencer;
    @Autowired
    MeterRegistry meters;

    @Test
    void manyCommitsInARowCostAtMostOneCheckPerInterval() {
        long user = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long before = meters.get("skyx.solvency.check").timer().count();
        long t0 = System.nanoTime();
        int commits = 300;
        for (int i = 0; i < commits; i++) {
            sequencer.submit(new Command.CreditDeposit(user, 1, 1, "solvency-interval:" + user + ":" + i)).join();
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        long checks = meters.get("skyx.solvency.check").timer().count() - before;
        System.out.printf("%d commits in %d ms: %d solvency checks%n", commits, elapsedMs, checks);
        assertThat(checks).as("the monitor checks while commits go on").isPositive();
        assertThat(checks).as("at most one check per 100 ms over %d ms", elapsedMs)
                .isLessThanOrEqualTo(elapsedMs / 100 + 3);
    }

    @Test
    void ordersThatMoveNothingOwedCostNoCheckBeyondThePoll() throws InterruptedException {
        long user = ThreadLocalRandom.current().nextLong(2_000_000_000L, 3_000_000_000L);
        sequencer.submit(new Command.CreditDeposit(user, 2, 1_000_000, "solvency-orders:" + user)).join();
        Thread.sleep(300);
        long before = meters.get("skyx.solvency.check").timer().count();
        long t0 = System.nanoTime();
        int orders = 0;
        while (System.nanoTime() - t0 < 1_500_000_000L) {
            sequencer.submit(new Command.Place(user, 1, Side.BID, OrderType.IOC, 1, 1, 0, StpMode.EXPIRE_MAKER,
                    null)).join();
            orders++;
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        long checks = meters.get("skyx.solvency.check").timer().count() - before;
        System.out.printf("%d unfilled IOC orders in %d ms: %d solvency checks%n", orders, elapsedMs, checks);
        assertThat(checks).as("only the 1 s poll checks over %d ms", elapsedMs).isLessThanOrEqualTo(elapsedMs / 1000 + 1);
    }
}
