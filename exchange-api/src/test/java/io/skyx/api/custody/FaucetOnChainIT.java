package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.SkyxApplication;
import io.skyx.api.faucet.FaucetPayments;
import io.skyx.api.node.GenesisWallet;
import io.skyx.api.node.NodeProperties;
import io.skyx.api.testing.BtcTestProperties;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.btc.BtcCustody;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.sky.KeyPayer;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.cipher.Address;
import io.skyx.node.service.SkycoinNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The faucet with both chains on, as {@code ./ops/run-local.sh} runs it (the embedded node's private chain and the
 * bcoin regtest node): {@code POST /api/v1/faucet} pays SKY and BTC on chain and the deposit watchers credit them;
 * concurrent SKY requests share one transaction; an idempotency key pays once, also for a new faucet instance on
 * the same database (as after a restart) and when a crash left its claim without a txid.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class FaucetOnChainIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    SkycoinNode node;

    @Autowired
    NodeProperties nodeProps;

    @Autowired
    SkyCustody sky;

    @Autowired
    BcoinNode bcoin;

    @Autowired
    BtcCustody btc;

    @Autowired
    LocalSkyFaucet skyFaucet;

    @Autowired
    RegtestFaucetController btcFaucet;

    @Autowired
    FaucetPayments payments;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        Path dir = BtcTestProperties.registerApp(registry, "skyx-faucet-on-chain");
        BtcTestProperties.withSkyNode(registry, dir);
    }

    @Test
    void bothAssetsArriveAsDepositsConcurrentSkyRequestsShareATransactionAndAKeyPaysOnceAcrossARestart()
            throws Exception {
        TestBrowser alice = new TestBrowser("http://localhost:" + port).signUp();
        HttpResponse<String> r = alice.post("/api/v1/faucet", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        await("alice's SKY and BTC credited", () -> "1000".equals(free(alice, "SKY")) && "0.01".equals(
                free(alice, "BTC")));
        assertThat(TestBrowser.json(alice.get("/api/v1/deposits?asset=SKY").body())).hasSize(1);
        assertThat(TestBrowser.json(alice.get("/api/v1/deposits?asset=BTC").body())).hasSize(1);
        assertThat(jdbc.queryForList("select idem_key from journal where idem_key like 'deposit:%'", String.class))
                .as("credits keyed by the chain's txid:output, none by the faucet").hasSize(2)
                .allMatch(k -> !k.contains("faucet"));

        // eight users at once: the genesis key spends only confirmed outputs, so while one payment waits for its
        // block the others queue and go out together: fewer transactions than payments
        List<TestBrowser> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(new TestBrowser("http://localhost:" + port).signUp());
        }
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<Boolean>> paid = new ArrayList<>();
            for (TestBrowser u : users) {
                long id = id(u);
                paid.add(pool.submit(() -> skyFaucet.pay(id, "batch")));
            }
            for (Future<Boolean> f : paid) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> txids = new HashSet<>(jdbc.queryForList("select txid from faucet_payments where "
                + "idempotency_key = 'batch'", String.class));
        System.out.println("FaucetOnChainIT: " + users.size() + " concurrent SKY payments in " + txids.size()
                + " transactions");
        assertThat(txids).as("transactions for eight concurrent SKY payments").isNotEmpty()
                .hasSizeLessThan(users.size());
        for (TestBrowser u : users) {
            await("the batched SKY credited", () -> "1000".equals(free(u, "SKY")));
        }

        // one key pays once: again, through a new instance on the same database (a restart), or after a crash
        TestBrowser bob = users.getFirst();
        long bobId = id(bob);
        LocalSkyFaucet restartedSky = new LocalSkyFaucet(new KeyPayer(node, GenesisWallet.key(nodeProps)
                .orElseThrow()), sky, payments);
        RegtestFaucetController restartedBtc = new RegtestFaucetController(bcoin, btc, payments);
        assertThat(skyFaucet.pay(bobId, "batch")).isFalse();
        assertThat(restartedSky.pay(bobId, "batch")).isFalse();
        assertThat(btcFaucet.pay(bobId, "once")).isTrue();
        assertThat(restartedBtc.pay(bobId, "once")).isFalse();
        assertThat(btcFaucet.pay(bobId, "once")).isFalse();
        await("bob's BTC credited", () -> "0.01".equals(free(bob, "BTC")));
        String address = sky.depositAddress(bobId);
        assertThat(payments.claim(bobId, "crashed", "SKY", address, skyFaucet.grant())).isTrue();
        assertThat(restartedSky.pay(bobId, "crashed")).as("a claim a crash left without txid").isFalse();
        assertThat(payments.find(bobId, "once", "BTC")).get().extracting(FaucetPayments.Payment::txid)
                .isNotNull();

        Thread.sleep(2_000); // a few more blocks on both chains (SKY every 300 ms; the BTC watcher polls 200 ms)
        bcoin.rpc().mine(2);
        Thread.sleep(2_000);
        assertThat(free(bob, "SKY")).isEqualTo("1000");
        assertThat(free(bob, "BTC")).isEqualTo("0.01");
        assertThat(node.store().unspentsOf(Address.parse(address))).as("bob's SKY outputs").hasSize(1);
    }

    private long id(TestBrowser b) {
        return jdbc.queryForObject("select id from users where public_id = ?::uuid", Long.class, b.userId());
    }

    private static String free(TestBrowser b, String asset) throws Exception {
        JsonNode balances = TestBrowser.json(b.get("/api/v1/balances").body());
        return balances.path(asset).path("free").asString();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
