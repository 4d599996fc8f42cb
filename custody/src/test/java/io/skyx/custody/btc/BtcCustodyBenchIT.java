package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinBroadcaster;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.testing.BenchClock;
import io.skyx.custody.testing.Regtest;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.testing.TestLedger;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * BTC custody benchmark on a bcoin regtest node (enabled with {@code -Dskyx.bench=true}; figures in the README):
 * one block whose one transaction pays many users' deposit addresses, and how fast custody credits them once
 * the block is mined (1 confirmation); then the time from a withdrawal request to its broadcast (the BROADCAST
 * state stored, after bcoin accepted it), one at a time, each confirmed before the next.
 */
@EnabledIfSystemProperty(named = "skyx.bench", matches = "true", disabledReason = "benchmark: -Dskyx.bench=true")
class BtcCustodyBenchIT {

    private static final int DEPOSITS = Integer.getInteger("skyx.bench.deposits", 300);
    private static final int WITHDRAWALS = Integer.getInteger("skyx.bench.withdrawals", 30);
    private static final long DEPOSIT = 10_000_000;
    private static final Duration WAIT = Duration.ofMinutes(5);

    @Test
    void depositsPerSecondAndRequestToBroadcast() {
        try (BcoinNode node = Regtest.start()) {
            BcoinRpc rpc = node.rpc();
            TestLedger ledger = new TestLedger();
            try (BtcCustody custody = new BtcCustody(Regtest.config(node, 1), TestDb.fresh(), ledger,
                    (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), new BcoinBroadcaster(rpc))) {
                custody.start();
                List<String> addresses = new ArrayList<>();
                for (int u = 1; u <= DEPOSITS; u++) {
                    addresses.add(bcoin(custody.depositAddress(u)));
                }
                rpc.walletSend(addresses, DEPOSIT);
                long cpu0 = BenchClock.processCpuNanos();
                long t0 = System.nanoTime();
                rpc.mine(1);
                BenchClock.until("all credited", WAIT, () -> ledger.applied() == DEPOSITS);
                double s = (System.nanoTime() - t0) / 1e9;
                double cpuMs = (BenchClock.processCpuNanos() - cpu0) / 1e6;
                System.out.printf("BTC bench: %d deposit outputs in one block credited in %.2f s = %.0f deposits/s; "
                        + "JVM CPU %.2f ms per deposit%n", DEPOSITS, s, DEPOSITS / s, cpuMs / DEPOSITS);

                long[] ms = new long[WITHDRAWALS];
                for (int i = 0; i < WITHDRAWALS; i++) {
                    String to = BcoinAddresses.fromBcoin(rpc.walletNewWitnessAddress()).toString();
                    long t = System.nanoTime();
                    Withdrawal w = custody.withdraw(1, "bench" + i, to, "0.001");
                    BenchClock.until("broadcast", WAIT, () -> state(custody, w.id()) == WithdrawalState.BROADCAST);
                    ms[i] = (System.nanoTime() - t) / 1_000_000;
                    rpc.mine(1);
                    BenchClock.until("completed", WAIT, () -> state(custody, w.id()) == WithdrawalState.COMPLETED);
                }
                System.out.printf("BTC bench: withdrawal request -> broadcast (poll 100 ms, nudged by the request): "
                        + "p50 %d ms, p99 %d ms, max %d ms over %d%n", BenchClock.percentile(ms, 50),
                        BenchClock.percentile(ms, 99), BenchClock.percentile(ms, 100), WITHDRAWALS);
                assertThat(ledger.available(1, CustodyAsset.BTC))
                        .isEqualTo(DEPOSIT - WITHDRAWALS * (100_000L + custody.withdrawalFee().fee()));
            }
        }
    }

    private static WithdrawalState state(BtcCustody custody, long id) {
        return custody.withdrawals(1, WITHDRAWALS + 1).stream().filter(w -> w.id() == id).findFirst().orElseThrow()
                .state();
    }

    private static String bcoin(String address) {
        return BcoinAddresses.toBcoin(AddressParser.getDefault(BitcoinNetwork.REGTEST).parseAddress(address));
    }
}
