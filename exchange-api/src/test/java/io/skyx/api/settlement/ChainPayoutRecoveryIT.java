package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.EPOCH0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.SkyxApplication;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.node.GenesisWallet;
import io.skyx.api.node.NodeProperties;
import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.SkyChainTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.sky.KeyPayer;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.custody.sky.SkyKeys;
import io.skyx.custody.sky.SkyTransactions;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.UxOut;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.service.SkycoinNode;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The on-chain payouts when things go wrong, on the embedded node's private chain (local profile, real PostgreSQL):
 * a hot wallet holding less than the epoch's payouts after its pool was funded (the operator moved coins out:
 * visible waiting, nothing paid, all paid once topped up; an unfunded pool is PoolFundingIT's); a
 * batch whose inputs another confirmed transaction spent first (refused by the node: undone, its ledger move
 * reversed, repaid once by a new batch, also across a "crash" in the middle of the undo); a transient broadcast
 * error (retried with the same transaction, never undone).
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ChainPayoutRecoveryIT {
    private static final String SEED = "skyx local private chain test seed";
    private static final long SMALL_FUNDING = 2_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Autowired
    SettlementRunner runner;
    @Autowired
    SettlementJob job;
    @Autowired
    RelayDirectory relays;
    @Autowired
    DataSource db;
    @Autowired
    SkycoinNode node;
    @Autowired
    SkyCustody custody;
    @Autowired
    Sequencer sequencer;
    @Autowired
    PoolFunding funding;
    @Autowired
    MarketCatalog catalog;
    @Autowired
    NodeProperties nodeProps;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        IntegrationTestBase.appWithoutNode(registry);
        SkyChainTestBase.privateChain(registry, "skyx-chain-recovery");
        registry.add("skyx.skywire.simulate.relays", () -> "0");
        registry.add("skyx.custody.sky.seed", () -> SEED);
        registry.add("skyx.custody.sky.local-funding", () -> Long.toString(SMALL_FUNDING));
    }

    @Test
    void shortWalletWaitsVisiblyThenPaysOnceToppedUp_refusedBatchIsUndoneAndRepaidOnce() throws Exception {
        long epoch = EPOCH0;
        List<KeyPair> pair = settleTwoRelays(epoch, "short");
        Address hot = custody.wallet().hotAddress();
        awaitTrue(() -> balance(hot) >= SMALL_FUNDING ? 1 : 0, "the small funding is confirmed");
        // the operator sends 2000 SKY to the hot wallet, the epoch's pool is funded against it (proven surplus),
        // then moves all but 1 SKY of its largest output out of the hot wallet (its key, elsewhere): the pool holds
        // the epoch while the hot wallet is short
        KeyPayer genesis = new KeyPayer(node, GenesisWallet.key(nodeProps).orElseThrow());
        genesis.pay(Map.of(hot, 2_000_000_000L), WAIT);
        awaitTrue(() -> balance(hot) >= SMALL_FUNDING + 2_000_000_000L ? 1 : 0, "the 2000 SKY confirmed");
        SettlementPayouts.Result fundedOnly = new SettlementPayouts(db, sequencer, funding,
                catalog.asset("SKY", "asset").id(), null).pay(epoch);
        assertThat(fundedOnly.fundingWait()).isNull();
        assertThat(count(db, "select count(*) from skywire_settlement where epoch = " + epoch
                + " and funded_seq is not null")).isEqualTo(1);
        long hotFunded = balance(hot);
        moveAway(hot, 1_000_000L);
        long hotBefore = balance(hot);
        assertThat(hotBefore).as("the hot wallet emptied but a few SKY").isLessThan(hotFunded / 100);

        SettlementRunner.Result r = runner.run(epoch, "test");
        assertThat(r.payouts().pendingOnChain()).isEqualTo(2);
        assertThat(r.payouts().waitingForWallet()).isEqualTo(2);
        long total = count(db, "select sum(amount) from skywire_payout where epoch = " + epoch);
        assertThat(total).isGreaterThan(SMALL_FUNDING);
        TestBrowser operator = new TestBrowser("http://localhost:" + port).signUp();
        JsonNode view = TestBrowser.json(operator.get("/api/v1/admin/settlement/" + epoch + "/chain").body());
        assertThat(view.path("waiting").asBoolean()).isTrue();
        assertThat(view.path("waitingDroplets").asLong()).isEqualTo(total);
        JsonNode batch = view.path("batches").get(0);
        assertThat(batch.path("state").asString()).isEqualTo("built");
        assertThat(batch.path("reason").asString()).isEqualTo("WALLET_SHORT");
        assertThat(batch.path("needed").asLong()).isEqualTo(total);
        assertThat(batch.path("spendable").asLong()).isEqualTo(hotBefore);
        assertThat(meters.get("skyx.skywire.chain.waiting.droplets").gauge().value()).isEqualTo((double) total);
        assertThat(meters.get("skyx.skywire.chain.waiting.batches").gauge().value()).isEqualTo(1.0);
        assertThat(count(db, "select count(*) from skywire_payout where epoch = " + epoch
                + " and reason = 'WALLET_SHORT' and result like 'waiting for the hot wallet%'")).isEqualTo(2);
        runner.run(epoch, "test");
        assertThat(count(db, "select count(*) from skywire_chain_batch where ledger_seq is not null or txid is not"
                + " null")).as("nothing signed, no ledger move").isZero();
        assertThat(balance(hot)).as("nothing left the hot wallet").isEqualTo(hotBefore);
        for (KeyPair k : pair) {
            assertThat(node.store().unspentsOf(k.address())).isEmpty();
        }

        genesis.pay(Map.of(hot, 10_000_000_000L), WAIT);
        confirmAll(epoch);
        assertPaidOnce(epoch, 1);
        assertThat(meters.get("skyx.skywire.chain.waiting.batches").gauge().value()).isZero();
        assertThat(TestBrowser.json(operator.get("/api/v1/admin/settlement/" + epoch + "/chain").body())
                .path("waiting").asBoolean()).isFalse();

        // a batch signed and its ledger move made, its first broadcast lost (node unreachable), then its input
        // spent first by another transaction of the hot key, confirmed; the process "dies" after marking the batch
        // refused and reversing its ledger move, before releasing its payouts
        long e2 = epoch + 1;
        settleTwoRelays(e2, "refused");
        new SettlementPayouts(db, sequencer, funding, catalog.asset("SKY", "asset").id(),
                chain(new FlakyWallet(custody.wallet(), 1))).pay(e2);
        String first = e2 + ":0";
        assertThat(count(db, "select count(*) from skywire_chain_batch where batch_id = '" + first
                + "' and state = 'signed' and reason = 'NOT_SENT' and ledger_seq is not null")).isEqualTo(1);
        doubleSpend(first);
        ChainPayouts dying = chain(custody.wallet());
        assertThat(dying.refuseOnly(e2)).isEqualTo(1);
        assertThat(dying.undo().reverse(first)).isTrue();
        assertThat(count(db, "select count(*) from skywire_chain_batch where batch_id = '" + first
                + "' and state = 'refused' and reason = 'INPUTS_SPENT' and undo_seq > 0")).isEqualTo(1);
        SettlementRunner.Result resumed = runner.run(e2, "test");
        assertThat(resumed.payouts().undoneBatches()).isEqualTo(1);
        confirmAll(e2);
        assertPaidOnce(e2, 2);
        assertThat(count(db, "select count(*) from skywire_chain_batch where batch_id = '" + first
                + "' and state = 'undone'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from skywire_chain_undo where batch_id = '" + first + "'")).isEqualTo(2);
        assertThat(count(db, "select count(*) from skywire_payout where epoch = " + e2
                + " and undone = 1 and result like '%repaid after 1 undone batch(es)'")).isEqualTo(2);
        assertThat(node.store().transaction(SHA256.fromHex(txid(first)))).as("the refused one is not on chain")
                .isEmpty();
        dying.undo().finish(first);
        assertThat(runner.run(e2, "test").payouts().undoneBatches()).as("a rerun changes nothing").isZero();
        assertPaidOnce(e2, 2);

        // the same without a crash: refused at broadcast, undone and repaid by the same run
        long e3 = epoch + 2;
        settleTwoRelays(e3, "refused-direct");
        assertThat(chain(custody.wallet()).signOnly(e3)).isEqualTo(1);
        doubleSpend(e3 + ":0");
        assertThat(runner.run(e3, "test").payouts().undoneBatches()).isEqualTo(1);
        confirmAll(e3);
        assertPaidOnce(e3, 2);
        assertThat(meters.get("skyx.skywire.chain.undone").counter().count()).isEqualTo(2.0);

        // a transient error (the node unreachable) twice: retried with the same stored transaction, not undone
        long e4 = epoch + 3;
        settleTwoRelays(e4, "transient");
        FlakyWallet flaky = new FlakyWallet(custody.wallet(), 2);
        SettlementPayouts flakyPayouts = new SettlementPayouts(db, sequencer, funding,
                catalog.asset("SKY", "asset").id(), chain(flaky));
        for (int i = 0; i < 2; i++) {
            SettlementPayouts.Result fr = flakyPayouts.pay(e4);
            assertThat(fr.undoneBatches()).isZero();
            assertThat(fr.pendingOnChain()).isEqualTo(2);
        }
        String signed = txid(e4 + ":0");
        assertThat(count(db, "select count(*) from skywire_chain_batch where epoch = " + e4
                + " and state = 'signed' and reason = 'NOT_SENT' and last_error like 'not sent yet, retried%'"))
                .isEqualTo(1);
        awaitTrue(() -> {
            flakyPayouts.pay(e4);
            return count(db, "select count(*) from skywire_payout where epoch = " + e4 + " and state <> 'done'")
                    == 0 ? 1 : 0;
        }, "the transient batch confirmed");
        assertThat(flaky.failures()).isEqualTo(2);
        assertPaidOnce(e4, 1);
        assertThat(txid(e4 + ":0")).isEqualTo(signed);

        // our batch broadcast (as far as we know: the node never got it), then its input spent first by another
        // transaction of the hot key, confirmed: the next run finds the batch can never confirm, undoes it and
        // repays by a new batch; each relay is paid once
        long e5 = epoch + 4;
        settleTwoRelays(e5, "conflict-broadcast");
        new SettlementPayouts(db, sequencer, funding, catalog.asset("SKY", "asset").id(),
                chain(new LostBroadcast(custody.wallet()))).pay(e5);
        String lost = e5 + ":0";
        assertThat(count(db, "select count(*) from skywire_chain_batch where batch_id = '" + lost
                + "' and state = 'broadcast' and ledger_seq is not null")).isEqualTo(1);
        doubleSpend(lost);
        assertThat(runner.run(e5, "test").payouts().undoneBatches()).isEqualTo(1);
        assertThat(count(db, "select count(*) from skywire_chain_batch where batch_id = '" + lost
                + "' and state = 'undone'")).isEqualTo(1);
        confirmAll(e5);
        assertPaidOnce(e5, 2);
        assertThat(node.store().transaction(SHA256.fromHex(txid(lost)))).as("the replaced one is not on chain")
                .isEmpty();
        assertThat(runner.run(e5, "test").payouts().undoneBatches()).as("a rerun changes nothing").isZero();
        assertPaidOnce(e5, 2);

        long funded = count(db, "select sum(pool - carry_in) from skywire_settlement");
        long paid = count(db, "select sum(total_paid) from skywire_settlement");
        awaitTrue(() -> count(db, "select coalesce(sum(amount), 0) from ledger_entries where account ="
                + " 'settlement_pool'") == funded - paid ? 1 : 0, "the pool holds what was funded minus what was paid");
        assertThat(sequencer.owedToUsers(catalog.asset("SKY", "asset").id()).get())
                .as("nothing was credited to a user").isZero();
    }

    /** The real hot wallet, except that a broadcast "succeeds" without reaching the node (a dropped transaction). */
    private static final class LostBroadcast extends ForwardingHotWallet {
        LostBroadcast(io.skyx.custody.withdrawal.HotWallet real) {
            super(real);
        }

        @Override
        public void broadcast(byte[] raw) {
        }
    }

    private ChainPayouts chain(io.skyx.custody.withdrawal.HotWallet wallet) {
        return new ChainPayouts(db, cmd -> SettlementPayouts.submit(sequencer, cmd), funding,
                catalog.asset("SKY", "asset").id(), wallet, 50, 1);
    }

    /** Two relays without an account, one transport between them, their claims, and the epoch settled. */
    private List<KeyPair> settleTwoRelays(long epoch, String name) throws Exception {
        KeyPair c = SkywireFixtures.relay(name + "-c");
        KeyPair d = SkywireFixtures.relay(name + "-d");
        relays.register(c.pub(), "203.0.113." + (epoch % 100), null);
        relays.register(d.pub(), "198.51.100." + (epoch % 100), null);
        UsageIngester ingester = new UsageIngester(() -> (epoch + 2) * 86_400);
        long day = epoch * 86_400;
        SignedRecord rc = SkywireFixtures.report(c, d, "stcpr", day, day + 3600, 5_000_000, 2_000_000, 1);
        SignedRecord rd = SkywireFixtures.report(d, c, "stcpr", day, day + 3600, 2_000_000, 5_000_000, 1);
        try (Connection conn = db.getConnection()) {
            for (SignedRecord r : List.of(rc, rd, claim(c, epoch, rc), claim(d, epoch, rd))) {
                assertThat(ingester.ingest(conn, r.encode(), "test").status())
                        .isEqualTo(UsageIngester.Status.ACCEPTED);
            }
        }
        assertThat(job.settle(epoch).claims()).isEqualTo(2);
        return List.of(c, d);
    }

    /** Spends the largest hot output with the hot key: all but {@code keep} to an outside address. */
    private void moveAway(Address hot, long keep) throws Exception {
        UxOut out = node.store().unspentsOf(hot).stream().max(Comparator.comparingLong(u -> u.body()
                .coins())).orElseThrow();
        long coins = out.body().coins();
        SkyKeys keys = new SkyKeys(SEED);
        assertThat(keys.hotAddress()).isEqualTo(hot);
        SkyTransactions.Result built = SkyTransactions.build(List.of(new SkyTransactions.Spendable(out,
                        keys.keyOf(hot).orElseThrow().sec())), Map.of(SkywireFixtures.relay("cold").address(),
                        coins - keep), hot, node.head().time(), node.softParams().burnFactor(), 50);
        Transaction away = ((SkyTransactions.Built) built).transaction();
        assertThat(node.inject(away, false).admission()).isNotEqualTo(UnconfirmedPool.Admission.REJECTED);
        awaitTrue(() -> node.store().transaction(away.txid()).isPresent() ? 1 : 0, "the move away confirmed");
    }

    /** Injects, and waits until confirmed, a transaction of the hot key spending the batch's first input. */
    private void doubleSpend(String batchId) throws Exception {
        Transaction batch = TransactionCodec.INSTANCE.decodeExact(raw(batchId));
        SHA256 input = batch.inputs().get(0);
        UxOut out = node.store().output(input).orElseThrow().out();
        SkyKeys keys = new SkyKeys(SEED);
        assertThat(keys.hotAddress()).isEqualTo(custody.wallet().hotAddress());
        KeyPair hotKey = keys.keyOf(out.body().address()).orElseThrow();
        SkyTransactions.Result built = SkyTransactions.build(List.of(new SkyTransactions.Spendable(out, hotKey.sec())),
                Map.of(SkywireFixtures.relay("elsewhere").address(), 1000L), keys.hotAddress(), node.head().time(),
                node.softParams().burnFactor(), 50);
        Transaction other = ((SkyTransactions.Built) built).transaction();
        assertThat(node.inject(other, false).admission()).isNotEqualTo(UnconfirmedPool.Admission.REJECTED);
        awaitTrue(() -> node.store().transaction(other.txid()).isPresent() ? 1 : 0, "the double spend confirmed");
    }

    private void confirmAll(long epoch) throws Exception {
        awaitTrue(() -> {
            runner.run(epoch, "test");
            return count(db, "select count(*) from skywire_payout where epoch = " + epoch + " and state <> 'done'")
                    == 0 ? 1 : 0;
        }, "the payouts of " + epoch);
    }

    /** Every payout of the epoch done, one output of exactly its amount at its address, from a confirmed batch. */
    private void assertPaidOnce(long epoch, int batches) throws Exception {
        Map<String, Long> owed = new HashMap<>();
        List<String> txids = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select reward_address, amount, state, txid from"
                     + " skywire_payout where epoch = ?")) {
            ps.setLong(1, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(3)).isEqualTo("done");
                    owed.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    txids.add(rs.getString(4));
                }
            }
        }
        assertThat(owed).hasSize(2);
        for (Map.Entry<String, Long> e : owed.entrySet()) {
            assertThat(node.store().unspentsOf(Address.parse(e.getKey()))).as("one output at " + e.getKey())
                    .singleElement().satisfies(u -> {
                        assertThat(u.body().coins()).isEqualTo(e.getValue());
                        assertThat(txids).contains(u.body().srcTransaction().hex());
                    });
        }
        assertThat(count(db, "select count(*) from skywire_chain_batch where epoch = " + epoch)).isEqualTo(batches);
        assertThat(count(db, "select count(*) from skywire_chain_batch where epoch = " + epoch
                + " and state = 'confirmed'")).isEqualTo(1);
        assertThat(count(db, "select sum(total) from skywire_chain_batch where epoch = " + epoch
                + " and state = 'confirmed'")).isEqualTo(owed.values().stream().mapToLong(Long::longValue).sum());
    }

    private long balance(Address a) {
        return node.store().unspentsOf(a).stream().mapToLong(u -> u.body().coins()).sum();
    }

    private String txid(String batchId) throws Exception {
        return string("select txid from skywire_chain_batch where batch_id = ?", batchId);
    }

    private byte[] raw(String batchId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select raw from skywire_chain_batch where batch_id = ?")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private String string(String sql, String arg) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** Polls {@code check} (1 = done) until {@link #WAIT}. */
    private static void awaitTrue(ThrowingLong check, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (check.get() != 1) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @FunctionalInterface
    private interface ThrowingLong {
        long get() throws Exception;
    }

    private static SignedRecord claim(KeyPair k, long epoch, SignedRecord report) {
        return SignedRecord.sign(new EpochClaim(k.pub(), epoch, k.address(), List.of(report.id())), k.sec());
    }
}
