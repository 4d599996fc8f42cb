package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyx.custody.deposit.Deposit;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinBroadcaster;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import io.skyx.custody.testing.Await;
import io.skyx.custody.testing.Regtest;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.testing.TestLedger;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Deposits against a real bcoin regtest node: bitcoinj sees them over P2P, custody credits after N blocks. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BtcDepositIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int N = 3;

    private static BcoinNode node;
    private static BcoinRpc rpc;
    private static TestLedger ledger;
    private static BtcCustody custody;

    @BeforeAll
    static void start() {
        node = Regtest.start();
        rpc = node.rpc();
        ledger = new TestLedger();
        DataSource db = TestDb.fresh();
        custody = new BtcCustody(Regtest.config(node, N), db, ledger, (u, a) -> WithdrawalSettings.Settings.NONE,
                new SimpleMeterRegistry(), new BcoinBroadcaster(rpc));
        custody.start();
    }

    @AfterAll
    static void stop() {
        if (custody != null) {
            custody.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static String bcoin(String address) {
        return BcoinAddresses.toBcoin(AddressParser.getDefault(BitcoinNetwork.REGTEST).parseAddress(address));
    }

    private static void awaitSeen(String txid, int confirmations) {
        Await.until(txid + " seen with " + confirmations + " confirmations", WAIT,
                () -> custody.wallet().confirmations(txid) >= confirmations);
    }

    @Test
    @Order(1)
    void addressesAreBip84FromTheSeedOnePerUserAndStable() {
        String first = custody.depositAddress(1001);
        assertThat(first).isEqualTo("bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk");
        assertThat(custody.depositAddress(1002)).isEqualTo("bcrt1qd7spv5q28348xl4myc8zmh983w5jx32cs707jh");
        assertThat(custody.depositAddress(1001)).isEqualTo(first);
    }

    @Test
    @Order(2)
    void partialRepeatedAndLatePaymentsAreEachCreditedAfterNConfirmations() {
        long user = 2001;
        String addr = custody.depositAddress(user);
        String tx1 = rpc.walletSend(bcoin(addr), 10_000_000);
        String tx2 = rpc.walletSend(List.of(bcoin(addr), bcoin(addr)), 1_234_567);
        rpc.mine(N - 1);
        awaitSeen(tx1, N - 1);
        awaitSeen(tx2, N - 1);
        custody.tick();
        assertThat(ledger.available(user, CustodyAsset.BTC)).isZero();
        assertThat(custody.deposits(user, 10)).hasSize(3).allSatisfy(d -> {
            assertThat(d.credited()).isFalse();
            assertThat(d.confirmations()).isEqualTo(N - 1);
        });

        rpc.mine(1);
        Await.until("three credits", WAIT, () -> ledger.available(user, CustodyAsset.BTC) == 10_000_000 + 2 * 1_234_567);
        assertThat(custody.deposits(user, 10)).extracting(Deposit::key)
                .containsExactlyInAnyOrder("btc:" + tx1 + ":" + vout(tx1, addr, 10_000_000),
                        "btc:" + tx2 + ":0", "btc:" + tx2 + ":1");

        String late = rpc.walletSend(bcoin(addr), 777);
        rpc.mine(N);
        Await.until("late payment credited", WAIT,
                () -> ledger.available(user, CustodyAsset.BTC) == 10_000_000 + 2 * 1_234_567 + 777);
        custody.tick();
        custody.tick();
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(10_000_000 + 2 * 1_234_567 + 777);
        assertThat(custody.deposits(user, 10)).hasSize(4).allMatch(Deposit::credited)
                .anySatisfy(d -> assertThat(d.key()).isEqualTo("btc:" + late + ":0"));
    }

    private static int vout(String txid, String addr, long value) {
        return custody.deposits(2001, 10).stream().filter(d -> d.txid().equals(txid) && d.amount() == value)
                .findFirst().orElseThrow().vout();
    }

    private static void awaitChainAt(int height) {
        Await.until("bitcoinj at height " + height, WAIT, () -> custody.wallet().height() == height);
    }

    @Test
    @Order(3)
    void aReorgBelowNConfirmationsCreditsNothingAndTheRemineIsCreditedOnce() {
        long user = 3001;
        String addr = custody.depositAddress(user);
        String tx = rpc.walletSend(bcoin(addr), 5_000_000);
        List<String> blocks = rpc.mine(N - 1);
        awaitSeen(tx, N - 1);

        rpc.invalidateBlock(blocks.get(0));
        assertThat(rpc.mempool()).doesNotContain(tx);
        rpc.mine(N);
        awaitChainAt(rpc.blockCount());
        Await.until("the dropped deposit at depth 0", WAIT, () -> custody.wallet().confirmations(tx) == 0);
        custody.tick();
        assertThat(ledger.available(user, CustodyAsset.BTC)).isZero();
        assertThat(custody.deposits(user, 10)).singleElement()
                .satisfies(d -> assertThat(d.confirmations()).isZero())
                .satisfies(d -> assertThat(d.credited()).isFalse());

        rpc.resubmit(tx);
        rpc.mine(N);
        Await.until("credit after the reorg", WAIT, () -> ledger.available(user, CustodyAsset.BTC) == 5_000_000);
        custody.tick();
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(5_000_000);
        assertThat(custody.deposits(user, 10)).singleElement()
                .satisfies(d -> assertThat(d.key()).startsWith("btc:" + tx + ":"))
                .satisfies(d -> assertThat(d.credited()).isTrue());
        assertThat(custody.alarms()).isEmpty();
    }

    @Test
    @Order(4)
    void aReorgDeeperThanNAfterTheCreditRaisesAnAlarmAndCreditsNothingMore() {
        long user = 4001;
        String addr = custody.depositAddress(user);
        String tx = rpc.walletSend(bcoin(addr), 3_000_000);
        List<String> blocks = rpc.mine(N);
        Await.until("credit", WAIT, () -> ledger.available(user, CustodyAsset.BTC) == 3_000_000);

        rpc.invalidateBlock(blocks.get(0));
        rpc.mine(N + 1);
        awaitChainAt(rpc.blockCount());
        Await.until("deep-reorg alarm", WAIT, () -> custody.alarms().stream().anyMatch(a -> a.contains(tx)));
        custody.tick();
        assertThat(custody.alarms()).filteredOn(a -> a.contains(tx)).singleElement()
                .satisfies(a -> assertThat(a).startsWith("DEEP_REORG"));
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(3_000_000);
    }
}
