package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyx.custody.CustodyException;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinBroadcaster;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.LedgerCommand;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.testing.Await;
import io.skyx.custody.testing.Regtest;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.testing.TestLedger;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalState;
import io.skyx.node.cipher.SecKey;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Withdrawals against a real bcoin regtest node, to addresses of bcoin's own wallet (which custody does not own). */
class BtcWithdrawalIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int N = 2;
    private static final long FEE = Regtest.FEE;
    private static final String OTHER_SEED = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    /** A third wallet, so that its deposit address 0 has no payment from another test. */
    private static final String THIRD_SEED = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above";

    private static BcoinNode node;
    private static BcoinRpc rpc;
    private static TestLedger ledger;
    private static SimpleMeterRegistry meters;
    private static BtcCustody custody;

    @BeforeAll
    static void start() {
        node = Regtest.start();
        rpc = node.rpc();
        ledger = new TestLedger();
        meters = new SimpleMeterRegistry();
        custody = new BtcCustody(Regtest.config(node, N), TestDb.fresh(), ledger, (u, a) -> WithdrawalSettings.Settings.NONE,
                meters, new BcoinBroadcaster(rpc));
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

    private static void deposit(BtcCustody c, TestLedger l, long user, long sats) {
        long before = l.available(user, CustodyAsset.BTC);
        String a = c.depositAddress(user);
        rpc.walletSend(BcoinAddresses.toBcoin(AddressParser.getDefault(BitcoinNetwork.REGTEST).parseAddress(a)), sats);
        rpc.mine(N);
        Await.until("deposit credited", WAIT, () -> l.available(user, CustodyAsset.BTC) == before + sats);
    }

    private static Withdrawal awaitState(BtcCustody c, long user, long id, WithdrawalState state, boolean mine) {
        Await.until("withdrawal " + id + " " + state, WAIT, () -> {
            if (mine) {
                rpc.mine(1);
            }
            return c.withdrawals(user, 50).stream().anyMatch(w -> w.id() == id && w.state() == state);
        });
        return c.withdrawals(user, 50).stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    /** The best chain's transactions by txid (bcoin keeps no tx index: read every block). */
    private static java.util.Map<String, org.bitcoinj.core.Transaction> chainTransactions() {
        return chainTransactions(0);
    }

    /** The transactions of the best chain's blocks from {@code from} on. */
    private static java.util.Map<String, org.bitcoinj.core.Transaction> chainTransactions(int from) {
        java.util.Map<String, org.bitcoinj.core.Transaction> byId = new java.util.HashMap<>();
        for (int h = from; h <= rpc.blockCount(); h++) {
            org.bitcoinj.core.Block b = org.bitcoinj.core.Block.read(java.nio.ByteBuffer.wrap(
                    java.util.HexFormat.of().parseHex(rpc.rawBlock(h))));
            b.getTransactions().forEach(t -> byId.put(t.getTxId().toString(), t));
        }
        return byId;
    }

    /** What the transaction pays the miner: its inputs' values (read from the chain) less its outputs. */
    private static long chainFee(org.bitcoinj.core.Transaction t,
                                 java.util.Map<String, org.bitcoinj.core.Transaction> chain) {
        long in = 0;
        for (org.bitcoinj.core.TransactionInput i : t.getInputs()) {
            in += chain.get(i.getOutpoint().hash().toString()).getOutput(i.getOutpoint().index()).getValue().value;
        }
        return in - t.getOutputs().stream().mapToLong(o -> o.getValue().value).sum();
    }

    private static long received(String bcoinAddress) {
        return rpc.walletCoins(bcoinAddress).stream().mapToLong(BcoinRpc.Coin::value).sum();
    }

    @Test
    void coinsArriveAtOutsideP2pkhAndP2wpkhAddressesAndTheLedgerMatchesToTheSatoshi() {
        long user = 11;
        deposit(custody, ledger, user, 50_000_000);
        String legacy = rpc.walletNewAddress();
        String segwit = rpc.walletNewWitnessAddress();
        Withdrawal w1 = custody.withdraw(user, "w1", BcoinAddresses.fromBcoin(legacy).toString(), "0.03");
        Withdrawal w2 = custody.withdraw(user, "w2", BcoinAddresses.fromBcoin(segwit).toString(), "0.01234567");
        assertThat(ledger.withdrawing(user, CustodyAsset.BTC)).isEqualTo(3_000_000 + 1_234_567 + 2 * FEE);

        Withdrawal done1 = awaitState(custody, user, w1.id(), WithdrawalState.COMPLETED, true);
        Withdrawal done2 = awaitState(custody, user, w2.id(), WithdrawalState.COMPLETED, true);
        assertThat(received(legacy)).isEqualTo(3_000_000);
        assertThat(received(segwit)).isEqualTo(1_234_567);
        assertThat(rpc.walletCoins(legacy)).singleElement().satisfies(c -> assertThat(c.txid()).isEqualTo(done1.txid()));
        assertThat(done2.confirmations()).isGreaterThanOrEqualTo(N);
        java.util.Map<String, org.bitcoinj.core.Transaction> chain = chainTransactions();
        for (Withdrawal d : List.of(done1, done2)) {
            assertThat(d.fee()).as("the quote charged").isEqualTo(custody.withdrawalFee().fee());
            org.bitcoinj.core.Transaction tx = chain.get(d.txid());
            assertThat(chainFee(tx, chain)).as("the transaction pays exactly the debited fee").isEqualTo(d.fee());
            assertThat(d.fee()).as("at least min-fee-rate for its size")
                    .isGreaterThanOrEqualTo(custody.withdrawalFee().minFeeRate() * tx.getVsize());
        }
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(50_000_000 - 3_000_000 - 1_234_567 - 2 * FEE);
        assertThat(ledger.withdrawing(user, CustodyAsset.BTC)).isZero();

        Withdrawal again = custody.withdraw(user, "w1", BcoinAddresses.fromBcoin(legacy).toString(), "0.03");
        assertThat(again.id()).isEqualTo(w1.id());
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(50_000_000 - 3_000_000 - 1_234_567 - 2 * FEE);
    }

    @Test
    void aMaxFeeBelowTheQuoteIsRefusedWithFeeChangedAndChangesNothing() {
        long user = 14;
        deposit(custody, ledger, user, 1_000_000);
        String to = BcoinAddresses.fromBcoin(rpc.walletNewWitnessAddress()).toString();
        int applied = ledger.applied();
        assertThat(FEE).as("10 sat/vB x 221 vB").isEqualTo(2210);
        for (Runnable call : List.<Runnable>of(() -> custody.withdraw(user, "mf1", to, "0.001", "0.0000220"),
                () -> custody.checkFee("0.00002209"))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(CustodyException.class, e -> {
                assertThat(e.code()).isEqualTo("FEE_CHANGED");
                assertThat(e.field()).isEqualTo("maxFee");
                assertThat(e.getMessage()).contains("2210");
            });
        }
        assertThatThrownBy(() -> custody.withdraw(user, "mf2", to, "0.001", "lots"))
                .isInstanceOfSatisfying(CustodyException.class, e -> assertThat(e.code()).isEqualTo("INVALID_AMOUNT"));
        assertThat(custody.withdrawals(user, 10)).isEmpty();
        assertThat(ledger.applied()).isEqualTo(applied);
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(1_000_000);

        custody.checkFee("0.0000221");
        Withdrawal w = custody.withdraw(user, "mf1", to, "0.001", "0.0000221");
        assertThat(w.fee()).isEqualTo(FEE);
        assertThat(custody.withdraw(user, "mf1", to, "0.001", "0.00000001").id())
                .as("a repeat returns the stored withdrawal, accepted at its fee").isEqualTo(w.id());
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(1_000_000 - 100_000 - FEE);
        awaitState(custody, user, w.id(), WithdrawalState.COMPLETED, true);
    }

    @Test
    void badDestinationsAndAmountsAreRefusedWithAClearErrorAndChangeNothing() throws Exception {
        long user = 12;
        deposit(custody, ledger, user, 1_000_000);
        String good = BcoinAddresses.fromBcoin(rpc.walletNewWitnessAddress()).toString();
        String badChecksum = good.substring(0, good.length() - 1) + (good.endsWith("q") ? "p" : "q");
        String sky = io.skyx.node.cipher.Address.fromSecKey(SecKey.random()).toString();
        int applied = ledger.applied();
        List<Object[]> cases = List.of(
                new Object[] {"bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", "0.001", "WRONG_NETWORK"},
                new Object[] {"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "0.001", "WRONG_NETWORK"},
                new Object[] {badChecksum, "0.001", "INVALID_ADDRESS"},
                new Object[] {sky, "0.001", "WRONG_ASSET_ADDRESS"},
                new Object[] {"", "0.001", "INVALID_ADDRESS"},
                new Object[] {good, "0.02", "INSUFFICIENT_FUNDS"},
                new Object[] {good, "0.00001", "BELOW_MINIMUM"},
                new Object[] {good, "0.000000001", "INVALID_AMOUNT"},
                new Object[] {good, "-0.001", "INVALID_AMOUNT"},
                new Object[] {good, "1e-3", "INVALID_AMOUNT"});
        int n = 0;
        for (Object[] c : cases) {
            String requestId = "bad" + n++;
            assertThatThrownBy(() -> custody.withdraw(user, requestId, (String) c[0], (String) c[1]))
                    .as("%s %s", c[0], c[1])
                    .isInstanceOfSatisfying(CustodyException.class, e -> {
                        assertThat(e.code()).isEqualTo(c[2]);
                        assertThat(e.getMessage()).isNotBlank();
                    });
        }
        assertThat(custody.withdrawals(user, 50)).isEmpty();
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(1_000_000);
        assertThat(ledger.withdrawing(user, CustodyAsset.BTC)).isZero();
        assertThat(ledger.applied()).isEqualTo(applied);
    }

    @Test
    void theHotWalletTooLowIsAVisibleStateAndMetricAndTheWithdrawalGoesOutOnceToppedUp() {
        long user = 13;
        ledger.submit(new LedgerCommand.CreditDeposit(user, CustodyAsset.BTC, 100_000_000_000L, "test:offchain:0")).join();
        String dest = BcoinAddresses.fromBcoin(rpc.walletNewWitnessAddress()).toString();
        Withdrawal w = custody.withdraw(user, "big", dest, "200");
        awaitState(custody, user, w.id(), WithdrawalState.WAITING_FUNDS, false);
        Await.until("waiting metric", WAIT, () -> meters.get("custody.withdrawals.waiting_funds").gauge().value() >= 1);
        assertThat(meters.get("custody.hot_wallet.shortfall").gauge().value()).isPositive();
        assertThat(custody.withdrawals(user, 5).get(0).error()).contains("hot wallet too low");

        for (int i = 0; i < 5; i++) {
            rpc.walletSend(BcoinAddresses.toBcoin(AddressParser.getDefault(BitcoinNetwork.REGTEST)
                    .parseAddress(custody.depositAddress(1300 + i))), 4_500_000_000L);
        }
        Withdrawal done = awaitState(custody, user, w.id(), WithdrawalState.COMPLETED, true);
        assertThat(rpc.walletCoins(BcoinAddresses.toBcoin(AddressParser.getDefault(BitcoinNetwork.REGTEST)
                .parseAddress(dest)))).singleElement().satisfies(c -> {
                    assertThat(c.value()).isEqualTo(20_000_000_000L);
                    assertThat(c.txid()).isEqualTo(done.txid());
                });
        Await.until("waiting metric back to 0", WAIT,
                () -> meters.get("custody.withdrawals.waiting_funds").gauge().value() == 0);
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(100_000_000_000L - 20_000_000_000L - FEE);
    }

    @Test
    void aRestartBetweenSignAndBroadcastBroadcastsTheSameTransactionExactlyOnce() {
        DataSource db = TestDb.fresh();
        TestLedger l = new TestLedger();
        long user = 21;
        String dest = rpc.walletNewWitnessAddress();
        Withdrawal signed;
        String txid;
        try (BtcCustody crashing = new BtcCustody(Regtest.config(node, N, OTHER_SEED), db, l,
                (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), raw -> {
                    throw new IllegalStateException("the process died before the broadcast");
                })) {
            crashing.start();
            deposit(crashing, l, user, 20_000_000);
            Withdrawal w = crashing.withdraw(user, "r1", BcoinAddresses.fromBcoin(dest).toString(), "0.05");
            signed = awaitState(crashing, user, w.id(), WithdrawalState.SIGNED, false);
            txid = signed.txid();
            assertThat(signed.rawTx()).isNotEmpty();
        }
        assertThat(rpc.mempool()).doesNotContain(txid);
        assertThat(rpc.rawTransaction(txid)).isNull();

        try (BtcCustody restarted = new BtcCustody(Regtest.config(node, N, OTHER_SEED), db, l,
                (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), new BcoinBroadcaster(rpc))) {
            restarted.start();
            Withdrawal done = awaitState(restarted, user, signed.id(), WithdrawalState.COMPLETED, true);
            assertThat(done.txid()).isEqualTo(txid);
            assertThat(rpc.walletCoins(dest)).singleElement().satisfies(c -> {
                assertThat(c.txid()).isEqualTo(txid);
                assertThat(c.value()).isEqualTo(5_000_000);
            });
            assertThat(l.available(user, CustodyAsset.BTC)).isEqualTo(20_000_000 - 5_000_000 - FEE);
            assertThat(l.withdrawing(user, CustodyAsset.BTC)).isZero();
        }
    }

    @Test
    void aCrashAfterTheNetworkAcceptedButBeforeBroadcastWasStoredRebroadcastsTheSameTransactionAndNoSecond() {
        DataSource db = TestDb.fresh();
        TestLedger l = new TestLedger();
        long user = 22;
        String dest = rpc.walletNewWitnessAddress();
        BcoinBroadcaster network = new BcoinBroadcaster(rpc);
        Withdrawal signed;
        try (BtcCustody crashing = new BtcCustody(Regtest.config(node, N, THIRD_SEED), db, l,
                (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), raw -> {
                    network.send(raw);
                    throw new IllegalStateException("the process died after the network accepted the transaction");
                })) {
            crashing.start();
            deposit(crashing, l, user, 20_000_000);
            Withdrawal w = crashing.withdraw(user, "r1", BcoinAddresses.fromBcoin(dest).toString(), "0.05");
            signed = awaitState(crashing, user, w.id(), WithdrawalState.SIGNED, false);
            String id = signed.txid();
            Await.until("the network has the transaction", WAIT, () -> rpc.mempool().contains(id));
            assertThat(crashing.withdrawals(user, 50)).singleElement()
                    .satisfies(x -> assertThat(x.state()).isEqualTo(WithdrawalState.SIGNED));
        }
        String txid = signed.txid();

        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (BtcCustody restarted = new BtcCustody(Regtest.config(node, N, THIRD_SEED), db, l,
                (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), raw -> {
                    sent.add(org.bitcoinj.core.Transaction.read(java.nio.ByteBuffer.wrap(
                            java.util.HexFormat.of().parseHex(raw))).getTxId().toString());
                    network.send(raw);
                })) {
            restarted.start();
            awaitState(restarted, user, signed.id(), WithdrawalState.BROADCAST, false);
            assertThat(sent).as("the stored transaction is sent again").isNotEmpty().containsOnly(txid);
            Withdrawal done = awaitState(restarted, user, signed.id(), WithdrawalState.COMPLETED, true);
            assertThat(done.txid()).isEqualTo(txid);
            assertThat(sent).containsOnly(txid);
            assertThat(rpc.walletCoins(dest)).singleElement().satisfies(c -> {
                assertThat(c.txid()).isEqualTo(txid);
                assertThat(c.value()).isEqualTo(5_000_000);
            });
            assertThat(restarted.withdrawals(user, 50)).hasSize(1);
            assertThat(l.available(user, CustodyAsset.BTC)).isEqualTo(20_000_000 - 5_000_000 - FEE);
            assertThat(l.withdrawing(user, CustodyAsset.BTC)).isZero();
        }
    }

    @Test
    void aTransactionWhoseChargedFeeFallsBelowTheMinimumRateWaitsVisiblyUntilTheWalletCanPayItInFewerInputs() {
        // min = max = 10 sat/vB: the charge is 2210 sat (221 vB); four inputs make about 345 vB, so 2210 sat is too low
        BtcConfig cfg = new BtcConfig(BitcoinNetwork.REGTEST, OTHER_SEED, "fee-floor",
                java.time.Instant.parse("2020-01-01T00:00:00Z"), List.of(node.p2pAddress()), N, 10, 10, 10, 10_000,
                Duration.ofMillis(100), Duration.ofSeconds(60));
        TestLedger l = new TestLedger();
        SimpleMeterRegistry m = new SimpleMeterRegistry();
        try (BtcCustody c = new BtcCustody(cfg, TestDb.fresh(), l, (u, a) -> WithdrawalSettings.Settings.NONE, m,
                new BcoinBroadcaster(rpc))) {
            c.start();
            int from = rpc.blockCount();
            long user = 31;
            for (long u = 31; u < 35; u++) {
                deposit(c, l, u, 100_000);
            }
            l.submit(new LedgerCommand.CreditDeposit(user, CustodyAsset.BTC, 300_000, "test:offchain:31")).join();
            assertThat(c.withdrawalFee().fee()).isEqualTo(2210);
            String dest = rpc.walletNewWitnessAddress();
            Withdrawal w = c.withdraw(user, "floor", BcoinAddresses.fromBcoin(dest).toString(), "0.0035");
            Withdrawal waiting = awaitState(c, user, w.id(), WithdrawalState.WAITING_FUNDS, false);
            assertThat(waiting.error()).contains("pays less than 10 sat/vB").contains("consolidate");
            Await.until("waiting metric", WAIT, () -> m.get("custody.withdrawals.waiting_funds").gauge().value() >= 1);
            assertThat(rpc.mempool()).as("nothing signed went out").isEmpty();

            deposit(c, l, 35, 1_000_000);
            Withdrawal done = awaitState(c, user, w.id(), WithdrawalState.COMPLETED, true);
            java.util.Map<String, org.bitcoinj.core.Transaction> chain = chainTransactions(from);
            org.bitcoinj.core.Transaction tx = chain.get(done.txid());
            assertThat(chainFee(tx, chain)).isEqualTo(2210);
            assertThat(2210L).isGreaterThanOrEqualTo(10L * tx.getVsize());
            assertThat(rpc.walletCoins(dest)).singleElement().satisfies(coin -> assertThat(coin.value()).isEqualTo(350_000));
            assertThat(l.available(user, CustodyAsset.BTC)).isEqualTo(400_000 - 350_000 - 2210);
        }
    }
}
