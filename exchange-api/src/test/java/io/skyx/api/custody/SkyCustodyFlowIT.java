package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.TestBrowser;
import io.skyx.api.testing.TestDatabase;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.UxOut;
import io.skyx.node.service.SkycoinNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SKY on chain end to end through the app (local profile, the embedded node publishing its own private chain): the
 * hot address funded from the genesis wallet, "Get test funds" paying 1000 SKY on chain to the user's deposit
 * address and the watcher crediting it, refusals that change nothing, a withdrawal to an outside address, the coins
 * there, and the ledger's reserve equal to what the platform's addresses hold for users, to the droplet.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkyCustodyFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long FUNDING = 10_000_000_000_000L;

    @LocalServerPort
    int port;

    @Autowired
    SkycoinNode node;

    @Autowired
    SkyCustody custody;

    @Autowired
    List<ReserveWallet> reserveWallets;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        Path dir = Files.createTempDirectory("skyx-sky-flow");
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

    private static String errorCode(HttpResponse<String> r) {
        return TestBrowser.json(r.body()).path("error").path("code").asString();
    }

    @Test
    @Order(1)
    void testFundsArriveOnChainAndAWithdrawalReachesAnOutsideAddressWithTheLedgerExact() throws Exception {
        TestBrowser alice = new TestBrowser("http://localhost:" + port).signUp();
        HttpResponse<String> addr = alice.get("/api/v1/deposit-address?asset=SKY");
        assertThat(addr.statusCode()).as(addr.body()).isEqualTo(200);
        String address = TestBrowser.json(addr.body()).path("address").asString();
        Address.parse(address);
        assertThat(TestBrowser.json(addr.body()).path("network").asString()).isEqualTo("skycoin");

        HttpResponse<String> faucet = alice.post("/api/v1/faucet?asset=SKY", null);
        assertThat(faucet.statusCode()).as(faucet.body()).isEqualTo(200);
        await("the on-chain SKY credited", () -> "1000".equals(skyFree(alice)));
        JsonNode deposits = TestBrowser.json(alice.get("/api/v1/deposits?asset=SKY").body());
        assertThat(deposits).hasSize(1);
        assertThat(deposits.get(0).path("status").asString()).isEqualTo("ok");
        assertThat(deposits.get(0).path("amount").asString()).isEqualTo("1000");
        String depositTxid = deposits.get(0).path("txid").asString();
        assertThat(node.store().unspentsOf(Address.parse(address))).singleElement()
                .satisfies(u -> assertThat(u.body().srcTransaction().hex()).isEqualTo(depositTxid));

        String outside = Address.fromSecKey(SecKey.random()).toString();
        String[][] bad = {
                {"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "1", "WRONG_ASSET_ADDRESS"},
                {outside.substring(0, outside.length() - 1) + (outside.endsWith("2") ? "3" : "2"), "1",
                        "INVALID_ADDRESS"},
                {outside, "0.0015", "INVALID_AMOUNT"},
                {outside, "1000.001", "INSUFFICIENT_FUNDS"}};
        for (String[] b : bad) {
            HttpResponse<String> r = alice.post("/api/v1/withdrawals", "{\"asset\":\"SKY\",\"address\":\"" + b[0]
                    + "\",\"amount\":\"" + b[1] + "\"}");
            assertThat(r.statusCode()).as(r.body()).isIn(400, 422);
            assertThat(errorCode(r)).as(b[0] + " " + b[1]).isEqualTo(b[2]);
        }
        assertThat(TestBrowser.json(alice.get("/api/v1/withdrawals?asset=SKY").body())).isEmpty();
        assertThat(skyFree(alice)).isEqualTo("1000");

        HttpResponse<String> w = alice.post("/api/v1/withdrawals", "{\"asset\":\"SKY\",\"address\":\"" + outside
                + "\",\"amount\":\"12.345\"}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
        assertThat(TestBrowser.json(w.body()).path("fee").asString()).isEqualTo("0");
        await("the withdrawal confirmed", () -> "ok".equals(TestBrowser.json(
                alice.get("/api/v1/withdrawals?asset=SKY").body()).get(0).path("status").asString()));
        JsonNode done = TestBrowser.json(alice.get("/api/v1/withdrawals?asset=SKY").body()).get(0);
        List<UxOut> at = node.store().unspentsOf(Address.parse(outside));
        assertThat(at).singleElement().satisfies(u -> {
            assertThat(u.body().coins()).isEqualTo(12_345_000);
            assertThat(u.body().hours()).isPositive();
            assertThat(u.body().srcTransaction().hex()).isEqualTo(done.path("txid").asString());
        });
        assertThat(skyFree(alice)).isEqualTo("987.655");

        long reserve = 0;
        for (JsonNode a : TestBrowser.json(alice.get("/api/v1/admin/accounts").body())) {
            if (a.path("asset").asString().equals("SKY")) {
                reserve = a.path("reserve").asLong();
            }
        }
        assertThat(reserve).isEqualTo(-987_655_000);
        ReserveWallet sky = reserveWallets.stream().filter(r -> r.asset().name().equals("SKY")).findFirst()
                .orElseThrow();
        assertThat(sky.holdings().total()).as("the platform's own funding plus what users are owed")
                .isEqualTo(FUNDING - reserve);
        assertThat(custody.alarms()).isEmpty();
    }

    /** Runs after the flow above (its reserve check counts the hot wallet before any anchor). */
    @Test
    @Order(2)
    void aSnapshotIsAnchoredOnTheSkyChainByAMinimalOutputToTheAddressDerivedFromItsPayload() throws Exception {
        TestBrowser op = new TestBrowser("http://localhost:" + port).signUp();
        HttpResponse<String> taken = op.post("/api/v1/admin/reserves/snapshots", null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        long snapshot = TestBrowser.json(taken.body()).get(0).path("snapshot").asLong();

        // the payload, recomputed from the published roots: "SKYX" ‖ u64 snapshot ‖ roots by ascending ticker
        Map<String, String> roots = new TreeMap<>();
        JsonNode sky = null;
        for (JsonNode row : TestBrowser.json(op.get("/api/v1/reserves").body()).path("snapshots")) {
            if (row.path("snapshot").asLong() == snapshot) {
                roots.put(row.path("asset").asString(), row.path("root").asString());
                sky = row.path("skyAnchor");
            }
        }
        assertThat(roots).containsKey("SKY");
        ByteBuffer payload = ByteBuffer.allocate(12 + 32 * roots.size()).put("SKYX".getBytes(StandardCharsets.US_ASCII))
                .putLong(snapshot);
        roots.values().forEach(r -> payload.put(HexFormat.of().parseHex(r)));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("SKYX-anchor".getBytes(StandardCharsets.US_ASCII));
        Address derived = Address.of(0, Arrays.copyOf(sha.digest(payload.array()), 20));

        assertThat(sky).isNotNull();
        assertThat(sky.path("chain").asString()).isEqualTo("SKY");
        assertThat(sky.path("payload").asString()).isEqualTo(HexFormat.of().formatHex(payload.array()));
        assertThat(sky.path("address").asString()).isEqualTo(derived.toString());
        String txid = sky.path("txid").asString();
        assertThat(txid).matches("[0-9a-f]{64}");

        await("the SKY anchor confirmed", () -> TestBrowser.json(op.get("/skycoin/api/v1/transaction?txid=" + txid)
                .body()).path("status").path("confirmed").asBoolean());
        JsonNode outputs = TestBrowser.json(op.get("/skycoin/api/v1/transaction?txid=" + txid).body())
                .path("txn").path("outputs");
        JsonNode anchorOut = null;
        for (JsonNode o : outputs) {
            if (o.path("dst").asString().equals(derived.toString())) {
                assertThat(anchorOut).as("one output to the derived address").isNull();
                anchorOut = o;
            }
        }
        assertThat(anchorOut).as("the anchor pays the derived address: " + outputs).isNotNull();
        assertThat(anchorOut.path("coins").asString()).isEqualTo("0.001000");
        assertThat(anchorOut.path("hours").asString()).isEqualTo("1");
        assertThat(node.store().unspentsOf(derived)).singleElement()
                .satisfies(u -> assertThat(u.body().srcTransaction().hex()).isEqualTo(txid));
        assertThat(TestBrowser.json(op.get("/api/v1/reserves").body()).path("snapshots").get(0).path("skyAnchor")
                .path("confirmations").asInt()).isPositive();
    }
}
