package io.skyx.custody.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyx.custody.CustodyException;
import io.skyx.custody.deposit.Deposit;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.testing.Await;
import io.skyx.custody.testing.SkyChain;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.testing.TestLedger;
import io.skyx.custody.withdrawal.HotWallet;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalState;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.UxOut;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SKY custody against a real embedded node publishing a private chain, and a real PostgreSQL: deposits credited at
 * N blocks, batched withdrawals to addresses custody does not own, refusals that change nothing, a restart between
 * sign and inject, and the reserve wallet.
 */
class SkyCustodyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int N = SkyTestCustody.N;
    private static final long SKY = SkyTestCustody.SKY;

    private static SkyChain chain;
    private static TestLedger ledger;
    private static SkyCustody custody;

    private static SkyConfig config(String seed) {
        return SkyTestCustody.config(seed);
    }

    @BeforeAll
    static void start() {
        chain = SkyChain.start();
        ledger = new TestLedger();
        custody = SkyTestCustody.start(chain, "skyx custody test seed", null, TestDb.fresh(), ledger);
        chain.payAndBlock(custody.wallet().hotAddress().toString(), 1_000 * SKY);
    }

    @AfterAll
    static void stop() {
        SkyTestCustody.stop(custody, chain);
    }

    private static void deposit(SkyCustody c, TestLedger l, long user, long droplets) {
        long before = l.available(user, CustodyAsset.SKY);
        chain.payAndBlock(c.depositAddress(user), droplets);
        chain.blocks(N - 1);
        Await.until("deposit credited", WAIT, () -> l.available(user, CustodyAsset.SKY) == before + droplets);
    }

    private static Withdrawal awaitState(SkyCustody c, long user, long id, WithdrawalState state, boolean mine) {
        Await.until("withdrawal " + id + " " + state, WAIT, () -> {
            if (mine) {
                chain.block();
            }
            return c.withdrawals(user, 50).stream().anyMatch(w -> w.id() == id && w.state() == state);
        });
        return c.withdrawals(user, 50).stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    private static List<UxOut> outputsAt(String address) {
        return chain.node().store().unspentsOf(SkyChain.parse(address));
    }

    @Test
    void depositsAreCreditedAfterNBlocksAndRepeatedPartialAndLatePaymentsEachOnce() throws Exception {
        long user = 1;
        String address = custody.depositAddress(user);
        assertThat(custody.depositAddress(user)).isEqualTo(address);
        assertThat(custody.depositAddress(2)).isNotEqualTo(address);

        String first = chain.payAndBlock(address, 5 * SKY);
        Await.until("deposit seen", WAIT, () -> !custody.deposits(user, 10).isEmpty());
        Thread.sleep(500);
        assertThat(ledger.available(user, CustodyAsset.SKY)).as("credited before N blocks").isZero();
        assertThat(custody.deposits(user, 10)).singleElement().satisfies(d -> {
            assertThat(d.txid()).isEqualTo(first);
            assertThat(d.confirmations()).isEqualTo(1);
            assertThat(d.credited()).isFalse();
        });
        chain.block();
        Await.until("first credited", WAIT, () -> ledger.available(user, CustodyAsset.SKY) == 5 * SKY);

        // a repeated payment of two outputs in one transaction, and a late one after it
        Address a = SkyChain.parse(address);
        String second = chain.pay(Map.of(a, 2 * SKY));
        chain.block();
        String third = chain.payAndBlock(address, 1_500_000);
        chain.blocks(N);
        Await.until("all credited", WAIT, () -> ledger.available(user, CustodyAsset.SKY) == 8_500_000);
        int applied = ledger.applied();
        chain.blocks(2);
        Thread.sleep(500);
        assertThat(ledger.applied()).as("nothing credited twice").isEqualTo(applied);
        assertThat(ledger.available(user, CustodyAsset.SKY)).isEqualTo(8_500_000);
        List<Deposit> ds = custody.deposits(user, 10);
        assertThat(ds).hasSize(3).allMatch(Deposit::credited);
        assertThat(ds).extracting(Deposit::txid).containsExactlyInAnyOrder(first, second, third);
        assertThat(ds).extracting(Deposit::key).allMatch(k -> k.startsWith("sky:"));
    }

    @Test
    void withdrawalsGoOutInOneBatchToOutsideAddressesWithHoursInProportionAndTheLedgerMatches() {
        long alice = 10;
        long bob = 11;
        deposit(custody, ledger, alice, 20 * SKY);
        deposit(custody, ledger, bob, 3 * SKY);
        String outA = SkyChain.outsideAddress();
        String outB = SkyChain.outsideAddress();
        Withdrawal w1 = custody.withdraw(alice, "a1", outA, "3.5");
        Withdrawal w2 = custody.withdraw(bob, "b1", outB, "1.234");
        Withdrawal w3 = custody.withdraw(alice, "a2", outA, "0.5");
        assertThat(ledger.withdrawing(alice, CustodyAsset.SKY)).isEqualTo(4 * SKY);
        assertThat(w1.fee()).isZero();

        Withdrawal s1 = awaitState(custody, alice, w1.id(), WithdrawalState.BROADCAST, false);
        assertThat(awaitState(custody, bob, w2.id(), WithdrawalState.BROADCAST, false).txid()).isEqualTo(s1.txid());
        assertThat(awaitState(custody, alice, w3.id(), WithdrawalState.BROADCAST, false).txid()).isEqualTo(s1.txid());

        // the next batch waits until this one is confirmed
        Withdrawal w4 = custody.withdraw(bob, "b2", outB, "0.001");
        Await.until("a batch interval passes", WAIT, () -> custody.withdrawals(bob, 5).get(0).updatedAt()
                .isBefore(java.time.Instant.now().minusMillis(2000)));
        assertThat(custody.withdrawals(bob, 5).get(0).state()).isEqualTo(WithdrawalState.RESERVED);

        Withdrawal done = awaitState(custody, alice, w1.id(), WithdrawalState.COMPLETED, true);
        assertThat(done.confirmations()).isGreaterThanOrEqualTo(N);
        List<UxOut> atA = outputsAt(outA);
        List<UxOut> atB = outputsAt(outB);
        assertThat(atA).singleElement().satisfies(u -> {
            assertThat(u.body().coins()).isEqualTo(4 * SKY);
            assertThat(u.body().srcTransaction().hex()).isEqualTo(s1.txid());
        });
        assertThat(atB).singleElement().satisfies(u -> assertThat(u.body().coins()).isEqualTo(1_234_000));
        long hoursA = atA.get(0).body().hours();
        long hoursB = atB.get(0).body().hours();
        assertThat(hoursB).isPositive();
        assertThat(java.math.BigInteger.valueOf(hoursA).multiply(java.math.BigInteger.valueOf(1_234_000))
                .divide(java.math.BigInteger.valueOf(4 * SKY)).longValueExact())
                .as("hours in proportion to coins").isBetween(hoursB - 1, hoursB + 1);

        Withdrawal done4 = awaitState(custody, bob, w4.id(), WithdrawalState.COMPLETED, true);
        assertThat(done4.txid()).isNotEqualTo(s1.txid());
        assertThat(chain.balance(outB)).isEqualTo(1_235_000);
        awaitState(custody, bob, w2.id(), WithdrawalState.COMPLETED, true);
        awaitState(custody, alice, w3.id(), WithdrawalState.COMPLETED, true);
        assertThat(ledger.available(alice, CustodyAsset.SKY)).isEqualTo(16 * SKY);
        assertThat(ledger.available(bob, CustodyAsset.SKY)).isEqualTo(3 * SKY - 1_235_000);
        assertThat(ledger.withdrawing(alice, CustodyAsset.SKY)).isZero();
        assertThat(ledger.withdrawing(bob, CustodyAsset.SKY)).isZero();
    }

    @Test
    void badDestinationsAndAmountsAreRefusedWithAClearErrorAndChangeNothing() {
        long user = 20;
        deposit(custody, ledger, user, 2 * SKY);
        String good = SkyChain.outsideAddress();
        char last = good.charAt(good.length() - 1);
        String badChecksum = good.substring(0, good.length() - 1) + (last == '2' ? '3' : '2');
        String otherVersion = Address.of(7, SkyChain.parse(good).key().bytes()).toString();
        int applied = ledger.applied();
        List<Object[]> cases = List.of(
                new Object[] {badChecksum, "1", "INVALID_ADDRESS"},
                new Object[] {"bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", "1", "WRONG_ASSET_ADDRESS"},
                new Object[] {"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "1", "WRONG_ASSET_ADDRESS"},
                new Object[] {"bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk", "1", "WRONG_ASSET_ADDRESS"},
                new Object[] {otherVersion, "1", "WRONG_NETWORK"},
                new Object[] {Address.NULL.toString(), "1", "INVALID_ADDRESS"},
                new Object[] {"", "1", "INVALID_ADDRESS"},
                new Object[] {good, "0.0015", "INVALID_AMOUNT"},
                new Object[] {good, "0.000001", "INVALID_AMOUNT"},
                new Object[] {good, "0.0000001", "INVALID_AMOUNT"},
                new Object[] {good, "0", "BELOW_MINIMUM"},
                new Object[] {good, "2.001", "INSUFFICIENT_FUNDS"},
                new Object[] {good, "-1", "INVALID_AMOUNT"});
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
        assertThat(ledger.available(user, CustodyAsset.SKY)).isEqualTo(2 * SKY);
        assertThat(ledger.withdrawing(user, CustodyAsset.SKY)).isZero();
        assertThat(ledger.applied()).isEqualTo(applied);
    }

    @Test
    void aRestartBetweenSignAndInjectInjectsTheSameTransactionExactlyOnce() {
        DataSource db = TestDb.fresh();
        TestLedger l = new TestLedger();
        long user = 30;
        String dest = SkyChain.outsideAddress();
        Withdrawal signed;
        try (SkyCustody crashing = new SkyCustody(config("another seed"), db, l,
                (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), chain.node(), t -> {
                    throw new IllegalStateException("the process died before the inject");
                })) {
            crashing.start();
            chain.payAndBlock(crashing.wallet().hotAddress().toString(), 50 * SKY);
            deposit(crashing, l, user, 10 * SKY);
            Withdrawal w = crashing.withdraw(user, "r1", dest, "4");
            signed = awaitState(crashing, user, w.id(), WithdrawalState.SIGNED, false);
            assertThat(signed.rawTx()).isNotEmpty();
        }
        SHA256 txid = SHA256.of(java.util.HexFormat.of().parseHex(signed.txid()));
        assertThat(chain.node().pool().contains(txid)).isFalse();
        assertThat(chain.node().store().transaction(txid)).isEmpty();

        try (SkyCustody restarted = new SkyCustody(config("another seed"), db, l,
                (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), chain.node(), null)) {
            restarted.start();
            Withdrawal done = awaitState(restarted, user, signed.id(), WithdrawalState.COMPLETED, true);
            assertThat(done.txid()).isEqualTo(signed.txid());
            assertThat(outputsAt(dest)).singleElement().satisfies(u -> {
                assertThat(u.body().srcTransaction().hex()).isEqualTo(signed.txid());
                assertThat(u.body().coins()).isEqualTo(4 * SKY);
            });
            assertThat(l.available(user, CustodyAsset.SKY)).isEqualTo(6 * SKY);
            assertThat(l.withdrawing(user, CustodyAsset.SKY)).isZero();
        }
    }

    @Test
    void theHotWalletTooLowIsAVisibleStateAndMetricAndTheWithdrawalGoesOutOnceToppedUp() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TestLedger l = new TestLedger();
        long user = 50;
        String dest = SkyChain.outsideAddress();
        try (SkyCustody c = new SkyCustody(config("a low hot wallet"), TestDb.fresh(), l,
                (u, a) -> WithdrawalSettings.Settings.NONE, meters, chain.node(), null)) {
            c.start();
            l.submit(new io.skyx.custody.platform.LedgerCommand.CreditDeposit(user, CustodyAsset.SKY, 500 * SKY,
                    "test:offchain:50")).join();
            Withdrawal w = c.withdraw(user, "big", dest, "300");
            Withdrawal waiting = awaitState(c, user, w.id(), WithdrawalState.WAITING_FUNDS, false);
            assertThat(waiting.error()).contains("hot wallet too low");
            Await.until("waiting metric", WAIT, () -> meters.get("custody.withdrawals.waiting_funds").gauge().value() >= 1);
            assertThat(meters.get("custody.hot_wallet.shortfall").gauge().value()).isPositive();

            chain.payAndBlock(c.wallet().hotAddress().toString(), 400 * SKY);
            Withdrawal done = awaitState(c, user, w.id(), WithdrawalState.COMPLETED, true);
            assertThat(outputsAt(dest)).singleElement().satisfies(u -> {
                assertThat(u.body().coins()).isEqualTo(300 * SKY);
                assertThat(u.body().srcTransaction().hex()).isEqualTo(done.txid());
            });
            assertThat(chain.balance(c.wallet().hotAddress().toString())).isEqualTo(100 * SKY);
            Await.until("waiting metric back to 0", WAIT,
                    () -> meters.get("custody.withdrawals.waiting_funds").gauge().value() == 0);
            assertThat(l.available(user, CustodyAsset.SKY)).isEqualTo(200 * SKY);
        }
    }

    @Test
    void spendersSigningBeforeAnyInjectNeverPickTheSameOutput() throws Exception {
        try (SkyCustody c = new SkyCustody(config("two spenders"), TestDb.fresh(), new TestLedger(),
                (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), chain.node(), null)) {
            String hot = c.wallet().hotAddress().toString();
            for (int i = 0; i < 3; i++) {
                chain.payAndBlock(hot, 10 * SKY);
            }
            List<HotWallet.Payment> pay = List.of(new HotWallet.Payment(SkyChain.outsideAddress(), 5 * SKY));
            List<Transaction> signed = new java.util.ArrayList<>();
            HotWallet.Build b = c.wallet().buildAndSign(pay);
            for (int i = 0; i < 10 && b instanceof HotWallet.Signed s; i++) {
                signed.add(TransactionCodec.INSTANCE.decodeExact(s.raw()));
                b = c.wallet().buildAndSign(pay);
            }
            assertThat(b).as("the outputs run out: each signed, not yet injected, transaction holds its own")
                    .isInstanceOf(HotWallet.Short.class);
            assertThat(signed).isNotEmpty();
            java.util.Set<SHA256> seen = new java.util.HashSet<>();
            for (Transaction t : signed) {
                for (SHA256 in : t.inputs()) {
                    assertThat(seen.add(in)).as("output %s spent twice", in.hex()).isTrue();
                }
            }
            for (Transaction t : signed.reversed()) {
                c.wallet().broadcast(TransactionCodec.INSTANCE.encode(t));
            }
            chain.block();
            for (Transaction t : signed) {
                assertThat(chain.node().store().transaction(t.txid())).isPresent();
            }
        }
    }

    private static long balanceOf(ReserveWallet.Holdings h, String address) {
        return h.addresses().stream().filter(x -> x.address().equals(address)).findFirst().orElseThrow().balance();
    }

    @Test
    void theReserveWalletListsTheHotAndDepositAddressesAtTheHeadAndSignsWithTheirKeys() throws Exception {
        custody.depositAddress(40);
        ReserveWallet r = custody.wallet();
        assertThat(r.asset()).isEqualTo(CustodyAsset.SKY);
        ReserveWallet.Holdings h = r.holdings();
        assertThat(h.height()).isEqualTo(chain.node().storedHead().seq());
        assertThat(h.blockHash()).isEqualTo(chain.node().storedHead().block().hash().hex());
        assertThat(h.addresses()).extracting(ReserveWallet.Holding::address)
                .contains(custody.wallet().hotAddress().toString(), custody.depositAddress(40));
        for (ReserveWallet.Holding x : h.addresses()) {
            assertThat(x.balance()).isEqualTo(chain.balance(x.address()));
        }
        assertThat(h.total()).isPositive();
        assertThat(r.holdings()).as("the head did not move: no re-scan").isSameAs(h);
        String added = custody.depositAddress(41);
        ReserveWallet.Holdings more = r.holdings();
        assertThat(more).as("a new deposit address is read at once").isNotSameAs(h);
        assertThat(more.height()).isEqualTo(h.height());
        assertThat(more.addresses()).extracting(ReserveWallet.Holding::address).contains(added);
        assertThat(r.holdings()).isSameAs(more);
        String hotAddress = custody.wallet().hotAddress().toString();
        chain.payAndBlock(hotAddress, 3 * SKY);
        ReserveWallet.Holdings moved = r.holdings();
        assertThat(moved.height()).as("a new head is re-read").isEqualTo(chain.node().storedHead().seq())
                .isGreaterThan(h.height());
        for (ReserveWallet.Holding x : moved.addresses()) {
            assertThat(x.balance()).as(x.address()).isEqualTo(chain.balance(x.address()));
        }
        assertThat(moved.addresses()).filteredOn(x -> x.address().equals(hotAddress))
                .extracting(ReserveWallet.Holding::balance).doesNotContain(balanceOf(more, hotAddress));

        String message = "skyx reserves challenge 42";
        String hot = custody.wallet().hotAddress().toString();
        Sig sig = Sig.fromHex(r.signMessage(hot, message));
        assertThat(Cipher.verifyAddressSignedHash(SkyChain.parse(hot), sig,
                SHA256.sum(message.getBytes(StandardCharsets.UTF_8)))).isEqualTo(VerifyResult.OK);
        assertThatThrownBy(() -> r.signMessage(Address.fromSecKey(SecKey.random()).toString(), message))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
