package io.skyx.custody.sky;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.testing.BenchClock;
import io.skyx.custody.testing.SkyChain;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.testing.TestLedger;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalState;
import io.skyx.node.cipher.Address;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * SKY custody benchmark (enabled with {@code -Dskyx.bench=true}; figures in the README): deposits credited per
 * second for one block with many outputs, and the time from a withdrawal request to its inject.
 */
@EnabledIfSystemProperty(named = "skyx.bench", matches = "true", disabledReason = "benchmark: -Dskyx.bench=true")
class SkyCustodyBenchIT {

    private static final int DEPOSITS = Integer.getInteger("skyx.bench.deposits", 300);
    private static final int WITHDRAWALS = Integer.getInteger("skyx.bench.withdrawals", 30);

    @Test
    void depositsPerSecondAndRequestToInject() {
        try (SkyChain chain = SkyChain.start()) {
            TestLedger ledger = new TestLedger();
            SkyConfig cfg = new SkyConfig("bench seed", 1, 1000, Duration.ofMillis(1), 100, 50, Duration.ofMillis(20));
            try (SkyCustody custody = new SkyCustody(cfg, TestDb.fresh(), ledger,
                    (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), chain.node(), null)) {
                custody.start();
                Map<Address, Long> pay = new LinkedHashMap<>();
                for (int u = 1; u <= DEPOSITS; u++) {
                    pay.put(SkyChain.parse(custody.depositAddress(u)), 1_000_000L + u * 1000L);
                }
                pay.put(custody.wallet().hotAddress(), 1_000_000_000L);
                chain.pay(pay);
                long cpu0 = BenchClock.processCpuNanos();
                long t0 = System.nanoTime();
                chain.block();
                BenchClock.until("all credited", Duration.ofMinutes(5), () -> ledger.applied() == DEPOSITS);
                double s = (System.nanoTime() - t0) / 1e9;
                double cpuMs = (BenchClock.processCpuNanos() - cpu0) / 1e6;
                System.out.printf("SKY bench: %d deposit outputs in one block credited in %.2f s = %.0f deposits/s; "
                        + "JVM CPU %.2f ms per deposit (the node included)%n", DEPOSITS, s, DEPOSITS / s,
                        cpuMs / DEPOSITS);

                long[] ms = new long[WITHDRAWALS];
                for (int i = 0; i < WITHDRAWALS; i++) {
                    long t = System.nanoTime();
                    Withdrawal w = custody.withdraw(1, "bench" + i, SkyChain.outsideAddress(), "0.001");
                    BenchClock.until("injected", Duration.ofMinutes(1), () -> custody.withdrawals(1, 1).get(0).state()
                            == WithdrawalState.BROADCAST);
                    ms[i] = (System.nanoTime() - t) / 1_000_000;
                    chain.block();
                    BenchClock.until("completed", Duration.ofMinutes(1), () -> custody.withdrawals(1, 1).get(0).state()
                            == WithdrawalState.COMPLETED);
                    assertThat(w.id()).isPositive();
                }
                System.out.printf("SKY bench: withdrawal request -> inject (batch interval 1 ms, poll 20 ms): "
                        + "p50 %d ms, p99 %d ms, max %d ms over %d%n", BenchClock.percentile(ms, 50),
                        BenchClock.percentile(ms, 99), BenchClock.percentile(ms, 100), WITHDRAWALS);
                assertThat(ledger.available(1, CustodyAsset.SKY)).isEqualTo(1_001_000L - WITHDRAWALS * 1000L);
            }
        }
    }
}
