package io.skyx.api.reserves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.BtcTestProperties;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import io.skyx.node.reserves.ProofError;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ReserveChallenge;
import io.skyx.node.reserves.ReserveSignatures;
import io.skyx.node.reserves.SnapshotRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
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
 * The reserves side on a real bcoin regtest chain and the bitcoinj hot wallet: a confirmed deposit, solvency at
 * 100 %, a snapshot whose BTC reserves carry the wallet's block, address balances and signatures over the
 * snapshot's challenge, its OP_RETURN anchor on chain, the alarm once the anchor's fee (paid from reserves with no
 * fee income) takes the reserves below what is owed, a withdrawal visible at once, and SKY reported absent.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ReserveProofsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long DEPOSIT = 1_000_000;

    @LocalServerPort
    int port;

    @Autowired
    BcoinNode bcoin;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SolvencyMonitor monitor;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        BtcTestProperties.registerApp(registry, "skyx-reserve-proofs");
        // bounds 10..10 sat/vB: whatever bcoin's estimate, a withdrawal's fee is 10 × 221 vB = 2210 sat
        BtcTestProperties.withFixedFeeRate(registry, 10);
        // no operator float: the anchor's fee then comes out of users' coins and the alarm must fire
        registry.add("skyx.custody.btc.local-funding", () -> "0");
        registry.add("skyx.reserves.solvency-poll", () -> "200ms");
        registry.add("skyx.reserves.snapshot-interval", () -> "0s");
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private JsonNode publicGet(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestBrowser.json(r.body());
    }

    private JsonNode status(String asset) throws Exception {
        for (JsonNode a : publicGet("/api/v1/reserves/status").path("assets")) {
            if (a.path("asset").asString().equals(asset)) {
                return a;
            }
        }
        throw new AssertionError("no status for " + asset);
    }

    private JsonNode snapshotRow(long snapshot, String asset) throws Exception {
        for (JsonNode s : publicGet("/api/v1/reserves").path("snapshots")) {
            if (s.path("snapshot").asLong() == snapshot && s.path("asset").asString().equals(asset)) {
                return s;
            }
        }
        throw new AssertionError("no row for snapshot " + snapshot + " " + asset);
    }

    private double alarm() {
        return meters.get("skyx.solvency.alarm").tag("asset", "BTC").gauge().value();
    }

    @Test
    void signedReservesAnchorAlarmAndWithdrawalsAgainstARealChain() throws Exception {
        TestBrowser alice = new TestBrowser(base()).signUp();
        String deposit = TestBrowser.json(alice.get("/api/v1/deposit-address?asset=BTC").body()).path("address")
                .asString();
        assertThat(alice.post("/api/v1/faucet/btc", null).statusCode()).isEqualTo(200);
        await("the deposit credited", () -> "0.01".equals(TestBrowser.json(alice.get("/api/v1/balances").body())
                .path("BTC").path("free").asString()));
        BcoinRpc rpc = bcoin.rpc();

        // continuous: reserves on chain = what alice is owed; SKY has no wallet here: absent, not zero
        await("solvency at 100 %", () -> "10000".equals(status("BTC").path("ratioBp").asString()));
        JsonNode btcNow = status("BTC");
        assertThat(btcNow.path("state").asString()).isEqualTo("SOLVENT");
        assertThat(btcNow.path("reserves").asString()).isEqualTo(Long.toString(DEPOSIT));
        assertThat(btcNow.path("liabilities").asString()).isEqualTo(Long.toString(DEPOSIT));
        assertThat(btcNow.path("ratio").asString()).isEqualTo("100.00");
        assertThat(status("SKY").path("state").asString()).isEqualTo("ABSENT");
        assertThat(status("SKY").hasNonNull("reserves")).as("SKY reserves absent, not zero").isFalse();
        assertThat(alarm()).isZero();

        // a snapshot: the wallet's block, every address's balance and signature over the snapshot's challenge
        int height = rpc.blockCount();
        String tip = rpc.bestBlockHash();
        HttpResponse<String> taken = alice.post("/api/v1/admin/reserves/snapshots", null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        long snapshot = TestBrowser.json(taken.body()).get(0).path("snapshot").asLong();
        JsonNode btc = snapshotRow(snapshot, "BTC");
        assertThat(btc.path("blockHeight").asLong()).isEqualTo(height);
        JsonNode reserves = btc.path("reserves");
        assertThat(reserves.path("blockHeight").asLong()).isEqualTo(height);
        assertThat(reserves.path("blockHash").asString()).isEqualTo(tip);
        assertThat(reserves.path("hot").asString()).isEqualTo(Long.toString(DEPOSIT));
        assertThat(reserves.path("cold").asString()).isEqualTo("0");
        assertThat(reserves.path("liabilities").asString()).isEqualTo(btc.path("total").asString());
        assertThat(reserves.path("ratioBp").asLong()).isEqualTo(10_000);
        assertThat(reserves.path("pendingWithdrawals").asString()).isEqualTo("0");
        JsonNode address = reserves.path("addresses").get(0);
        assertThat(reserves.path("addresses")).hasSize(1);
        assertThat(address.path("address").asString()).isEqualTo(deposit);
        assertThat(address.path("balance").asString()).isEqualTo(Long.toString(DEPOSIT));
        ReserveChallenge challenge = new ReserveChallenge(new SnapshotRef("BTC", snapshot), btc.path("root").asString(),
                reserves.path("nonce").asString());
        assertThat(reserves.path("challenge").asString()).isEqualTo(challenge.text());
        String signature = address.path("signature").asString();
        ReserveSignatures.verifyBtc(challenge, BitcoinNetwork.REGTEST, deposit, signature);
        String otherAddress = BcoinAddresses.fromBcoin(rpc.walletNewWitnessAddress()).toString();
        assertThatThrownBy(() -> ReserveSignatures.verifyBtc(challenge, BitcoinNetwork.REGTEST, otherAddress, signature))
                .as("the signature is by the deposit address's key, no other")
                .isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(ProofError.BAD_SIGNATURE));
        assertThat(snapshotRow(snapshot, "SKY").hasNonNull("reserves")).as("SKY reserves absent").isFalse();

        // the anchor: a BTC transaction whose OP_RETURN carries "SKYX", the snapshot number and both roots
        JsonNode anchor = btc.path("anchor");
        String txid = anchor.path("txid").asString();
        String payload = "534b5958" + String.format("%016x", snapshot) + btc.path("root").asString()
                + snapshotRow(snapshot, "SKY").path("root").asString();
        assertThat(anchor.path("payload").asString()).isEqualTo(payload);
        assertThat(rpc.mempool()).contains(txid);
        assertThat(rpc.rawTransaction(txid)).contains("6a4c4c" + payload);
        assertThat(snapshotRow(snapshot, "SKY").path("anchor").path("txid").asString()).isEqualTo(txid);
        // the anchor spends the deposit but is still in the mempool: at the best block the coins have not moved
        SolvencyMonitor.Status pending = monitor.refresh().stream().filter(s -> s.asset().equals("BTC")).findFirst()
                .orElseThrow();
        assertThat(pending.reserves().longValueExact()).isEqualTo(DEPOSIT);
        assertThat(pending.state()).isEqualTo(SolvencyMonitor.State.SOLVENT);

        // the anchor's fee came out of the reserves, and with no fee income they are now below what is owed
        rpc.mine(1);
        await("the alarm", () -> "BELOW".equals(status("BTC").path("state").asString()));
        assertThat(alarm()).isEqualTo(1.0);
        assertThat(meters.get("skyx.solvency.alarms").counter().count()).isGreaterThanOrEqualTo(1.0);
        long afterAnchor = Long.parseLong(status("BTC").path("reserves").asString());
        assertThat(afterAnchor).isLessThan(DEPOSIT).isGreaterThan(DEPOSIT - 10_000);
        assertThat(status("BTC").path("ratioBp").asLong()).isEqualTo(afterAnchor * 10_000 / DEPOSIT).isLessThan(10_000);
        assertThat(snapshotRow(snapshot, "BTC").path("anchor").path("confirmations").asInt()).isEqualTo(1);

        // a withdrawal: in the position at once, and once mined its coins are gone from reserves and owed alike
        String outside = BcoinAddresses.fromBcoin(rpc.walletNewWitnessAddress()).toString();
        HttpResponse<String> w = alice.post("/api/v1/withdrawals", "{\"asset\":\"BTC\",\"address\":\"" + outside
                + "\",\"amount\":\"0.003\"}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
        await("the withdrawal in the position", () -> "302210".equals(status("BTC").path("pendingWithdrawals").asString()));
        await("the withdrawal broadcast", () -> {
            JsonNode list = TestBrowser.json(alice.get("/api/v1/withdrawals?asset=BTC").body());
            return list.get(0).hasNonNull("txid") && rpc.mempool().contains(list.get(0).path("txid").asString());
        });
        rpc.mine(1);
        await("the withdrawal mined", () -> "302210".equals(status("BTC").path("withdrawalsMined").asString()));
        JsonNode mined = status("BTC");
        assertThat(Long.parseLong(mined.path("reserves").asString())).isEqualTo(afterAnchor - 302_210);
        assertThat(mined.path("liabilities").asString()).as("still withdrawing until confirmed")
                .isEqualTo(Long.toString(DEPOSIT));
        assertThat(mined.path("ratioBp").asLong()).isEqualTo((afterAnchor - 302_210) * 10_000 / (DEPOSIT - 302_210));
        await("the withdrawal completed", () -> {
            rpc.mine(1);
            return "0".equals(status("BTC").path("pendingWithdrawals").asString())
                    && status("BTC").path("liabilities").asString().equals(Long.toString(DEPOSIT - 302_210));
        });

        // a second snapshot: a fresh challenge; the first snapshot's signature does not prove this one
        JsonNode taken2 = TestBrowser.json(alice.post("/api/v1/admin/reserves/snapshots", null).body());
        long snapshot2 = taken2.get(0).path("snapshot").asLong();
        JsonNode btc2 = snapshotRow(snapshot2, "BTC");
        ReserveChallenge challenge2 = new ReserveChallenge(new SnapshotRef("BTC", snapshot2),
                btc2.path("root").asString(), btc2.path("reserves").path("nonce").asString());
        assertThat(challenge2.nonce()).isNotEqualTo(challenge.nonce());
        assertThatThrownBy(() -> ReserveSignatures.verifyBtc(challenge2, BitcoinNetwork.REGTEST, deposit, signature))
                .as("a stale signature").isInstanceOfSatisfying(ProofException.class,
                        e -> assertThat(e.error()).isEqualTo(ProofError.BAD_SIGNATURE));
        assertThat(btc2.path("reserves").path("solvent").asBoolean()).isFalse();
        assertThat(btc2.path("reserves").path("ratioBp").asLong()).isLessThan(10_000);
        for (JsonNode a : btc2.path("reserves").path("addresses")) {
            ReserveSignatures.verifyBtc(challenge2, BitcoinNetwork.REGTEST, a.path("address").asString(),
                    a.path("signature").asString());
        }
        io.micrometer.core.instrument.Timer checks = meters.get("skyx.solvency.check").timer();
        assertThat(checks.count()).isPositive();
        System.out.printf("solvency checks: %d, mean %.3f ms, max %.3f ms%n", checks.count(),
                checks.mean(java.util.concurrent.TimeUnit.MILLISECONDS), checks.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        assertThatThrownBy(() -> jdbc.update("update reserve_snapshot_reserves set ratio_bp = 10000"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from reserve_anchors")).hasMessageContaining("append-only");
    }
}
