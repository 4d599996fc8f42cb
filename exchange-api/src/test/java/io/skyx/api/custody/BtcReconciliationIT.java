package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.testing.BtcTestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.SkyxApplication;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.btc.BtcCustody;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reconciliation of BTC on a real bcoin regtest chain, the bitcoinj hot wallet and PostgreSQL: after a deposit, a
 * withdrawal and a proof-of-reserves anchor (a platform spend) the run is clean and its surplus is the operator's
 * float; a payment to a deposit address while the crediter is held off is reported with its txid once it is past
 * its confirmations and the grace, and clears once credited; a CreditDeposit for a made-up txid is reported as a
 * credit without payment; the gauge follows each run and the runs are append-only.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class BtcReconciliationIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long FLOAT = 50_000_000;

    @LocalServerPort
    int port;

    @Autowired
    BcoinNode bcoin;

    @Autowired
    BtcCustody custody;

    @Autowired
    Sequencer sequencer;

    @Autowired
    MarketCatalog catalog;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        BtcTestProperties.registerHot(registry, FLOAT);
        // bounds 10..10 sat/vB: whatever bcoin's estimate, a withdrawal's fee is 10 × 221 vB = 2210 sat
        registry.add("skyx.custody.btc.min-fee-rate", () -> "10");
        registry.add("skyx.custody.btc.max-fee-rate", () -> "10");
        registry.add("skyx.reserves.snapshot-interval", () -> "0s");
        // runs only when asked, so each run's differences are the test's
        registry.add("skyx.custody.reconcile.interval", () -> "0s");
        registry.add("skyx.custody.reconcile.grace-blocks", () -> "2");
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String btcFree(TestBrowser b) throws Exception {
        return TestBrowser.json(b.get("/api/v1/balances").body()).path("BTC").path("free").asString();
    }

    private static JsonNode reconcile(TestBrowser op) throws Exception {
        HttpResponse<String> r = op.post("/api/v1/admin/reconciliation?asset=BTC", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode runs = TestBrowser.json(r.body());
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private double gauge() {
        return meters.get("skyx.reconciliation.differences").tag("asset", "BTC").gauge().value();
    }

    @Test
    void cleanStateUncreditedPaymentAndCreditWithoutPaymentAreReportedWithTheirTxids() throws Exception {
        TestBrowser alice = new TestBrowser("http://localhost:" + port).signUp();
        BcoinRpc rpc = bcoin.rpc();
        assertThat(Double.isNaN(gauge())).as("no run yet").isTrue();

        // a deposit, a withdrawal to an outside address and an anchor from the hot wallet: a clean state
        assertThat(alice.post("/api/v1/faucet/btc", null).statusCode()).isEqualTo(200);
        await("the deposit credited", () -> "0.01".equals(btcFree(alice)));
        String outside = BcoinAddresses.fromBcoin(rpc.walletNewWitnessAddress()).toString();
        HttpResponse<String> w = alice.post("/api/v1/withdrawals", "{\"asset\":\"BTC\",\"address\":\"" + outside
                + "\",\"amount\":\"0.003\"}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
        await("the withdrawal completed", () -> {
            rpc.mine(1);
            return "ok".equals(TestBrowser.json(alice.get("/api/v1/withdrawals?asset=BTC").body()).get(0)
                    .path("status").asString());
        });
        HttpResponse<String> snapshot = alice.post("/api/v1/admin/reserves/snapshots", null);
        assertThat(snapshot.statusCode()).as(snapshot.body()).isEqualTo(200);
        await("the anchor sent", () -> jdbc.queryForObject("select count(*) from reserve_anchors where chain = 'BTC'",
                Long.class) == 1);
        String anchor = jdbc.queryForObject("select txid from reserve_anchors where chain = 'BTC'", String.class);
        rpc.mine(1);
        await("the anchor mined", () -> custody.wallet().confirmations(anchor) >= 1);

        JsonNode clean = reconcile(alice);
        assertThat(clean.path("differenceCount").asInt()).as(clean.toString()).isZero();
        assertThat(clean.path("ledgerOwned").asString()).isEqualTo("0.0069779");
        assertThat(clean.path("uncredited").asString()).isEqualTo("0");
        long holdings = BtcAmount.units(clean.path("holdings").asString());
        assertThat(holdings).isEqualTo(custody.reserves().holdings().total());
        assertThat(BtcAmount.units(clean.path("surplus").asString())).as("the float less the anchor's fee")
                .isEqualTo(holdings - 697_790).isLessThan(FLOAT).isGreaterThan(FLOAT - 10_000);
        assertThat(gauge()).isZero();

        // a payment to alice's deposit address while the crediter is held off
        String deposit = TestBrowser.json(alice.get("/api/v1/deposit-address?asset=BTC").body()).path("address")
                .asString();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        custody.onCustodyThread(() -> {
            held.countDown();
            try {
                release.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String paid;
        try {
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
            paid = rpc.walletSend(BcoinAddresses.toBcoin(AddressParser.getDefault(BitcoinNetwork.REGTEST).parseAddress(deposit)), 70_000);
            rpc.mine(2);
            await("the payment 2 deep in the wallet", () -> custody.wallet().confirmations(paid) >= 2);
            JsonNode withinGrace = reconcile(alice);
            assertThat(withinGrace.path("differenceCount").asInt()).as("within the grace: " + withinGrace).isZero();
            assertThat(withinGrace.path("uncredited").asString()).isEqualTo("0.0007");
            rpc.mine(2);
            await("the payment 4 deep in the wallet", () -> custody.wallet().confirmations(paid) >= 4);
            JsonNode late = reconcile(alice);
            assertThat(late.path("differenceCount").asInt()).as(late.toString()).isEqualTo(1);
            JsonNode d = late.path("differences").get(0);
            assertThat(d.path("kind").asString()).isEqualTo("UNCREDITED_PAYMENT");
            assertThat(d.path("txid").asString()).isEqualTo(paid);
            assertThat(d.path("amount").asString()).isEqualTo("0.0007");
            assertThat(d.path("detail").asString()).contains(deposit);
            assertThat(gauge()).isEqualTo(1.0);
            assertThat(btcFree(alice)).as("still not credited").isEqualTo("0.0069779");
        } finally {
            release.countDown();
        }
        await("the late payment credited", () -> "0.0076779".equals(btcFree(alice)));
        JsonNode cleared = reconcile(alice);
        assertThat(cleared.path("differenceCount").asInt()).as(cleared.toString()).isZero();
        assertThat(cleared.path("ledgerOwned").asString()).isEqualTo("0.0076779");
        assertThat(gauge()).isZero();

        // a ledger credit for a made-up txid: no such payment on chain
        String fake = "ab".repeat(32);
        long userId = jdbc.queryForObject("select id from users where public_id = ?::uuid", Long.class,
                alice.userId());
        int btcId = catalog.asset("BTC", "asset").id();
        assertThat(sequencer.submit(new Command.CreditDeposit(userId, btcId, 12_345, "btc:" + fake + ":1"))
                .get(30, TimeUnit.SECONDS).ok()).isTrue();
        JsonNode paper = reconcile(alice);
        assertThat(paper.path("differenceCount").asInt()).as(paper.toString()).isEqualTo(1);
        JsonNode c = paper.path("differences").get(0);
        assertThat(c.path("kind").asString()).isEqualTo("CREDIT_WITHOUT_PAYMENT");
        assertThat(c.path("txid").asString()).isEqualTo(fake);
        assertThat(c.path("vout").asInt()).isEqualTo(1);
        assertThat(c.path("amount").asString()).isEqualTo("0.00012345");
        assertThat(gauge()).isEqualTo(1.0);

        // the operator view: the latest runs first, with their txids
        HttpResponse<String> view = alice.get("/api/v1/admin/reconciliation?asset=BTC&limit=2");
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        JsonNode runs = TestBrowser.json(view.body());
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("id").asLong()).isEqualTo(paper.path("id").asLong());
        assertThat(runs.get(0).path("differences").get(0).path("txid").asString()).isEqualTo(fake);
        assertThat(runs.get(1).path("differenceCount").asInt()).isZero();
        HttpResponse<String> unknown = alice.post("/api/v1/admin/reconciliation?asset=DOGE", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(TestBrowser.json(unknown.body()).path("error").path("code").asString()).isEqualTo("BAD_REQUEST");
        assertThatThrownBy(() -> jdbc.update("delete from custody_reconciliation_difference"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update custody_reconciliation_run set surplus = 0"))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from custody_reconciliation_run", Long.class)).isEqualTo(5);
    }

    /** BTC decimal strings to satoshis. */
    private static final class BtcAmount {
        static long units(String s) {
            return new java.math.BigDecimal(s).movePointRight(8).longValueExact();
        }
    }
}
