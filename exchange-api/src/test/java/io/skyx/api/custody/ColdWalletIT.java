package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.BtcTestProperties;
import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.node.reserves.ReserveChallenge;
import io.skyx.node.reserves.SnapshotRef;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.wallet.DeterministicSeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Hot and cold through the app on a real bcoin regtest chain: an operator sweep of exactly the excess (the ledger's
 * reserve account and the user's balance unchanged, a repeat a no-op), the cold address in the reserves only once
 * its offline signature over the latest snapshot's challenge is imported (a stale one refused), and the PSBT
 * top-up export refused on a malformed import with nothing changed. The cold key exists only in this test.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ColdWalletIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long FLOAT = 100_000;
    private static final long DEPOSIT = 1_000_000;
    private static final long TARGET = 300_000;
    private static final DeterministicKey COLD_MASTER = HDKeyDerivation.createMasterPrivateKey(DeterministicSeed
            .ofMnemonic("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
                    "", Instant.parse("2020-01-01T00:00:00Z")).getSeedBytes());
    private static final DeterministicKey COLD_ACCOUNT = derive(COLD_MASTER, new ChildNumber(84, true),
            new ChildNumber(1, true), new ChildNumber(0, true));

    @LocalServerPort
    int port;

    @Autowired
    BcoinNode bcoin;

    private static DeterministicKey derive(DeterministicKey k, ChildNumber... path) {
        for (ChildNumber c : path) {
            k = HDKeyDerivation.deriveChildKey(k, c);
        }
        return k;
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        BtcTestProperties.register(registry, FLOAT, COLD_ACCOUNT, TARGET);
        registry.add("skyx.custody.cold.btc.fingerprint", () -> String.format("%08x", COLD_MASTER.getFingerprint()));
        registry.add("skyx.reserves.solvency-poll", () -> "200ms");
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestBrowser.json(r.body());
    }

    private static JsonNode btc(JsonNode list) {
        for (JsonNode a : list) {
            if (a.path("asset").asString().equals("BTC")) {
                return a;
            }
        }
        throw new AssertionError("no BTC in " + list);
    }

    private static void refused(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(TestBrowser.json(r.body()).path("error").path("code").asString()).isEqualTo(code);
    }

    private JsonNode snapshotRow(TestBrowser b, long snapshot) throws Exception {
        for (JsonNode s : ok(b.get("/api/v1/reserves")).path("snapshots")) {
            if (s.path("snapshot").asLong() == snapshot && s.path("asset").asString().equals("BTC")) {
                return s;
            }
        }
        throw new AssertionError("no BTC row for snapshot " + snapshot);
    }

    private String sign(String challengeText, DeterministicKey key) {
        return key.signMessage(challengeText, ScriptType.P2WPKH);
    }

    @Test
    void sweepThenColdReservesCountOnlyOnceProvenOffline() throws Exception {
        TestBrowser op = new TestBrowser("http://localhost:" + port).signUp();
        assertThat(op.post("/api/v1/faucet/btc", null).statusCode()).isEqualTo(200);
        await("the deposit credited", () -> "0.01".equals(ok(op.get("/api/v1/balances")).path("BTC").path("free")
                .asString()));
        await("hot wallet settled", () -> btc(ok(op.get("/api/v1/admin/cold")).path("assets")).path("hot").asString()
                .equals("0.011"));
        long reserveBefore = btc(ok(op.get("/api/v1/admin/accounts"))).path("reserve").asLong();

        // the sweep: exactly the excess over the target leaves the hot wallet, the ledger does not move
        JsonNode sweep = ok(op.post("/api/v1/admin/cold/BTC/sweeps?requestId=s1", null));
        assertThat(sweep.path("outcome").asString()).isEqualTo("SENT");
        JsonNode t = sweep.path("transfer");
        long amount = sats(t.path("amount").asString());
        long fee = sats(t.path("fee").asString());
        assertThat(amount + fee).isEqualTo(FLOAT + DEPOSIT - TARGET);
        JsonNode again = ok(op.post("/api/v1/admin/cold/BTC/sweeps?requestId=s1", null));
        assertThat(again.path("outcome").asString()).isEqualTo("REPEATED");
        assertThat(again.path("transfer").path("txid").asString()).isEqualTo(t.path("txid").asString());
        await("sweep confirmed", () -> {
            bcoin.rpc().mine(1);
            return ok(op.get("/api/v1/admin/cold")).path("assets").get(0).path("transfers").get(0).path("state")
                    .asString().equals("CONFIRMED");
        });
        JsonNode view = btc(ok(op.get("/api/v1/admin/cold")).path("assets"));
        assertThat(sats(view.path("hot").asString())).isEqualTo(TARGET);
        assertThat(sats(view.path("cold").asString())).isEqualTo(amount);
        assertThat(view.path("transfers")).hasSize(1);
        assertThat(btc(ok(op.get("/api/v1/admin/accounts"))).path("reserve").asLong()).isEqualTo(reserveBefore);
        assertThat(ok(op.get("/api/v1/balances")).path("BTC").path("free").asString()).isEqualTo("0.01");
        String coldAddress = t.path("destination").asString();

        // continuous solvency: the cold balance is shown unproven and does not count
        await("cold seen unproven", () -> Long.toString(amount).equals(btc(ok(op.get("/api/v1/reserves/status"))
                .path("assets")).path("unprovenCold").asString()));
        JsonNode status = btc(ok(op.get("/api/v1/reserves/status")).path("assets"));
        assertThat(status.path("cold").asString()).isEqualTo("0");
        assertThat(status.path("hot").asString()).isEqualTo(Long.toString(TARGET));
        assertThat(status.path("state").asString()).isEqualTo("BELOW");

        // snapshot 1: the cold address is listed, unproven, not counted
        long s1 = ok(op.post("/api/v1/admin/reserves/snapshots", null)).get(0).path("snapshot").asLong();
        JsonNode r1 = snapshotRow(op, s1).path("reserves");
        assertThat(r1.path("cold").asString()).isEqualTo("0");
        assertThat(r1.path("solvent").asBoolean()).isFalse();
        assertThat(r1.path("coldAddresses")).singleElement().satisfies(c -> {
            assertThat(c.path("address").asString()).isEqualTo(coldAddress);
            assertThat(c.path("balance").asString()).isEqualTo(Long.toString(amount));
            assertThat(c.path("proven").asBoolean()).isFalse();
        });
        JsonNode ch1 = ok(op.get("/api/v1/admin/reserves/cold-challenge?asset=BTC"));
        assertThat(ch1.path("snapshot").asLong()).isEqualTo(s1);
        assertThat(ch1.path("challenge").asString()).isEqualTo(r1.path("challenge").asString());
        DeterministicKey coldKey = derive(COLD_ACCOUNT, ChildNumber.ZERO, ChildNumber.ZERO);
        String stale = sign(ch1.path("challenge").asString(), coldKey);

        // snapshot 2: snapshot 1's signature is stale; a foreign key's signature is refused; nothing is stored
        long s2 = ok(op.post("/api/v1/admin/reserves/snapshots", null)).get(0).path("snapshot").asLong();
        refused(op.post("/api/v1/admin/reserves/cold-signatures", body(s1, coldAddress, stale)), 409, "STALE_SNAPSHOT");
        refused(op.post("/api/v1/admin/reserves/cold-signatures", body(s2, coldAddress, stale)), 422, "BAD_SIGNATURE");
        JsonNode ch2 = ok(op.get("/api/v1/admin/reserves/cold-challenge?asset=BTC"));
        String text2 = ch2.path("challenge").asString();
        JsonNode row2 = snapshotRow(op, s2);
        assertThat(text2).isEqualTo(new ReserveChallenge(new SnapshotRef("BTC", s2), row2.path("root").asString(),
                row2.path("reserves").path("nonce").asString()).text());
        refused(op.post("/api/v1/admin/reserves/cold-signatures", body(s2, coldAddress, sign(text2,
                derive(COLD_ACCOUNT, ChildNumber.ZERO, ChildNumber.ONE)))), 422, "BAD_SIGNATURE");
        refused(op.post("/api/v1/admin/reserves/cold-signatures", body(s2, coldAddress, "not-a-signature")), 422,
                "BAD_SIGNATURE");
        assertThat(snapshotRow(op, s2).path("reserves").path("coldAddresses").get(0).path("proven").asBoolean()).isFalse();

        // the cold key's signature over the latest challenge: checked, published, counted
        JsonNode proven = ok(op.post("/api/v1/admin/reserves/cold-signatures", body(s2, coldAddress, sign(text2,
                coldKey))));
        assertThat(proven.path("proven").asBoolean()).isTrue();
        refused(op.post("/api/v1/admin/reserves/cold-signatures", body(s2, coldAddress, sign(text2, coldKey))), 409,
                "ALREADY_PROVEN");
        JsonNode r2 = snapshotRow(op, s2).path("reserves");
        assertThat(r2.path("cold").asString()).isEqualTo(Long.toString(amount));
        assertThat(r2.path("reserves").asString()).isEqualTo(Long.toString(TARGET + amount));
        assertThat(r2.path("solvent").asBoolean()).isTrue();
        assertThat(snapshotRow(op, s1).path("reserves").path("cold").asString()).as("snapshot 1 stays unproven")
                .isEqualTo("0");
        await("cold counted", () -> Long.toString(amount).equals(btc(ok(op.get("/api/v1/reserves/status"))
                .path("assets")).path("cold").asString()));
        assertThat(btc(ok(op.get("/api/v1/reserves/status")).path("assets")).path("state").asString())
                .isEqualTo("SOLVENT");

        // a PSBT top-up is exported; a malformed import is refused and changes nothing
        JsonNode topUp = ok(op.post("/api/v1/admin/cold/BTC/topups?requestId=t1", "{\"amount\":\"0.001\"}"));
        assertThat(topUp.path("state").asString()).isEqualTo("EXPORTED");
        assertThat(topUp.path("psbt").asString()).startsWith("cHNidP8");
        long id = topUp.path("id").asLong();
        refused(op.post("/api/v1/admin/cold/BTC/topups/" + id + "/signed", "{\"psbt\":\"AAAA\"}"), 400, "PSBT_MALFORMED");
        refused(op.post("/api/v1/admin/cold/BTC/topups/" + id + "/signed", "{\"psbt\":\"" + topUp.path("psbt")
                .asString() + "\"}"), 422, "PSBT_UNSIGNED");
        assertThat(btc(ok(op.get("/api/v1/admin/cold")).path("assets")).path("transfers").get(0).path("state")
                .asString()).isEqualTo("EXPORTED");
        assertThat(ok(op.post("/api/v1/admin/cold/BTC/topups/" + id + "/cancel", null)).path("state").asString())
                .isEqualTo("CANCELLED");
        refused(op.post("/api/v1/admin/cold/SKY/sweeps", null), 404, "UNKNOWN_ASSET");
    }

    private static String body(long snapshot, String address, String signature) {
        return "{\"asset\":\"BTC\",\"snapshot\":" + snapshot + ",\"address\":\"" + address + "\",\"signature\":\""
                + signature + "\"}";
    }

    private static long sats(String btc) {
        return new java.math.BigDecimal(btc).movePointRight(8).longValueExact();
    }
}
