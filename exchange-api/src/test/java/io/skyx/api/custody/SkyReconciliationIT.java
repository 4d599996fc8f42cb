package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.SkyxApplication;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.node.GenesisWallet;
import io.skyx.api.node.NodeProperties;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.testing.TestBrowser;
import io.skyx.api.testing.TestDatabase;
import io.skyx.custody.deposit.Observation;
import io.skyx.custody.sky.KeyPayer;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.service.SkycoinNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * Reconciliation of SKY on the embedded node's private chain and PostgreSQL: after a deposit, a batched withdrawal
 * and a proof-of-reserves anchor (a platform spend) the run is clean and its surplus is the hot address's funding
 * less the anchor's output; a payment to a deposit address while the crediter is held off is reported with its
 * txid, and clears once credited; a CreditDeposit for a made-up txid is a credit without payment; the gauge moves.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class SkyReconciliationIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long FUNDING = 10_000_000_000_000L;

    @LocalServerPort
    int port;

    @Autowired
    SkyCustody custody;

    @Autowired
    LocalSkyFaucet faucet;

    @Autowired
    Sequencer sequencer;

    @Autowired
    SkycoinNode node;

    @Autowired
    NodeProperties nodeProps;

    @Autowired
    MarketCatalog catalog;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        Path dir = Files.createTempDirectory("skyx-sky-reconcile");
        registry.add("skyx.embedded-postgres.enabled", () -> "false");
        registry.add("skyx.kafka.embedded.enabled", () -> "false");
        registry.add("skyx.custody.btc.enabled", () -> "false");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("skyx.node.enabled", () -> "true");
        registry.add("skyx.node.data-dir", () -> dir.resolve("skycoin").toString());
        registry.add("skyx.node.p2p-port", () -> "0");
        registry.add("skyx.node.block-interval", () -> "300ms");
        registry.add("skyx.custody.sky.batch-interval", () -> "1s");
        registry.add("skyx.custody.sky.poll", () -> "200ms");
        registry.add("skyx.custody.sky.local-funding", () -> Long.toString(FUNDING));
        registry.add("skyx.reserves.snapshot-interval", () -> "0s");
        registry.add("skyx.skywire.schedule.enabled", () -> "false");
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

    private static String skyFree(TestBrowser b) throws Exception {
        return TestBrowser.json(b.get("/api/v1/balances").body()).path("SKY").path("free").asString();
    }

    private static JsonNode reconcile(TestBrowser op) throws Exception {
        HttpResponse<String> r = op.post("/api/v1/admin/reconciliation?asset=SKY", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode runs = TestBrowser.json(r.body());
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private double gauge() {
        return meters.get("skyx.reconciliation.differences").tag("asset", "SKY").gauge().value();
    }

    private static long droplets(String sky) {
        return new java.math.BigDecimal(sky).movePointRight(6).longValueExact();
    }

    @Test
    void cleanStateUncreditedPaymentAndCreditWithoutPaymentAreReportedWithTheirTxids() throws Exception {
        TestBrowser alice = new TestBrowser("http://localhost:" + port).signUp();
        long userId = jdbc.queryForObject("select id from users where public_id = ?::uuid", Long.class,
                alice.userId());
        String deposit = TestBrowser.json(alice.get("/api/v1/deposit-address?asset=SKY").body()).path("address")
                .asString();

        assertThat(alice.post("/api/v1/faucet?asset=SKY", null).statusCode()).isEqualTo(200);
        await("the on-chain SKY credited", () -> "1000".equals(skyFree(alice)));
        String outside = Address.fromSecKey(SecKey.random()).toString();
        HttpResponse<String> w = alice.post("/api/v1/withdrawals", "{\"asset\":\"SKY\",\"address\":\"" + outside
                + "\",\"amount\":\"12.345\"}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
        await("the withdrawal confirmed", () -> "ok".equals(TestBrowser.json(
                alice.get("/api/v1/withdrawals?asset=SKY").body()).get(0).path("status").asString()));
        assertThat(alice.post("/api/v1/admin/reserves/snapshots", null).statusCode()).isEqualTo(200);
        await("the anchor sent", () -> jdbc.queryForObject("select count(*) from reserve_anchors where chain = 'SKY'",
                Long.class) == 1);
        String anchor = jdbc.queryForObject("select txid from reserve_anchors where chain = 'SKY'", String.class);
        await("the anchor confirmed", () -> custody.wallet().confirmations(anchor) >= 1);

        JsonNode clean = reconcile(alice);
        assertThat(clean.path("differenceCount").asInt()).as(clean.toString()).isZero();
        assertThat(clean.path("ledgerOwned").asString()).isEqualTo("987.655");
        assertThat(droplets(clean.path("holdings").asString())).isEqualTo(custody.wallet().holdings().total());
        assertThat(droplets(clean.path("surplus").asString())).as("the funding less the anchor's 0.001 SKY")
                .isEqualTo(FUNDING - 1_000);
        assertThat(gauge()).isZero();

        // a payment to alice's deposit address while the crediter is held off
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
        try {
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(faucet.pay(userId, "late-payment")).isTrue();
            // the private chain makes a block only for transactions: two payments from the genesis wallet elsewhere
            await("the payment in a block", () -> custody.wallet().observe(Set.of(deposit)).size() == 2);
            KeyPayer genesis = new KeyPayer(node, GenesisWallet.key(nodeProps).orElseThrow());
            Address elsewhere = Address.fromSecKey(SecKey.random());
            for (int i = 0; i < 2; i++) {
                String txid = genesis.pay(Map.of(elsewhere, 1_000_000L), Duration.ofSeconds(30));
                await("a block", () -> custody.wallet().confirmations(txid) >= 1);
            }
            await("the payment 3 blocks deep", () -> custody.wallet().observe(Set.of(deposit)).stream()
                    .filter(o -> o.confirmations() >= 3).count() == 2);
            JsonNode late = reconcile(alice);
            assertThat(late.path("differenceCount").asInt()).as(late.toString()).isEqualTo(1);
            JsonNode d = late.path("differences").get(0);
            assertThat(d.path("kind").asString()).isEqualTo("UNCREDITED_PAYMENT");
            assertThat(d.path("amount").asString()).isEqualTo("1000");
            List<Observation> paid = custody.wallet().observe(Set.of(deposit));
            assertThat(paid).anySatisfy(o -> {
                assertThat(o.txid()).isEqualTo(d.path("txid").asString());
                assertThat(o.vout()).isEqualTo(d.path("vout").asInt());
                assertThat(o.amount()).isEqualTo(1_000_000_000L);
            });
            assertThat(gauge()).isEqualTo(1.0);
            assertThat(skyFree(alice)).as("still not credited").isEqualTo("987.655");
        } finally {
            release.countDown();
        }
        await("the late payment credited", () -> "1987.655".equals(skyFree(alice)));
        JsonNode cleared = reconcile(alice);
        assertThat(cleared.path("differenceCount").asInt()).as(cleared.toString()).isZero();
        assertThat(gauge()).isZero();

        String fake = "cd".repeat(32);
        assertThat(sequencer.submit(new Command.CreditDeposit(userId, catalog.asset("SKY", "asset").id(), 5_000_000,
                "sky:" + fake + ":0")).get(30, TimeUnit.SECONDS).ok()).isTrue();
        JsonNode paper = reconcile(alice);
        assertThat(paper.path("differenceCount").asInt()).as(paper.toString()).isEqualTo(1);
        JsonNode c = paper.path("differences").get(0);
        assertThat(c.path("kind").asString()).isEqualTo("CREDIT_WITHOUT_PAYMENT");
        assertThat(c.path("txid").asString()).isEqualTo(fake);
        assertThat(c.path("amount").asString()).isEqualTo("5");
        assertThat(gauge()).isEqualTo(1.0);
        JsonNode runs = TestBrowser.json(alice.get("/api/v1/admin/reconciliation?asset=SKY").body());
        assertThat(runs).hasSize(4);
        assertThat(runs.get(0).path("differences").get(0).path("txid").asString()).isEqualTo(fake);
    }
}
