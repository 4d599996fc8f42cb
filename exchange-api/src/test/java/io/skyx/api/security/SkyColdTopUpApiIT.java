package io.skyx.api.security;

import static io.skyx.api.security.Attacker.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.node.GenesisWallet;
import io.skyx.api.node.NodeProperties;
import io.skyx.api.testing.TestDatabase;
import io.skyx.custody.sky.KeyPayer;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.service.SkycoinNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The SKY cold top-up endpoints over HTTP in the prod profile (operator endpoints need the role), the embedded node
 * publishing its own private chain: a user without the role gets 403 on every cold endpoint and nothing is stored;
 * an operator exports the top-up, signs each input's hash offline with the cold key (only in this test), imports
 * the signatures, and the hot wallet reaches its target on chain.
 */
class SkyColdTopUpApiIT {

    private static final long SKY = 1_000_000;
    private static final long TARGET = 5 * SKY;
    private static final SecKey COLD = SecKey.random();

    @Test
    void onlyAnOperatorExportsAndImportsASkyTopUpAndTheHotWalletReachesItsTarget() throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        String cold = Address.fromSecKey(COLD).toString();
        try (AppInstance app = AppInstance.start("prod", db,
                "skyx.security.api-key-encryption-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                "server.servlet.session.cookie.secure=false",
                "skyx.node.enabled=true", "skyx.node.mode=publisher", "skyx.node.p2p-port=0",
                "skyx.node.block-interval=300ms",
                "skyx.node.data-dir=" + Files.createTempDirectory("skyx-sky-cold-api").resolve("skycoin"),
                "skyx.custody.btc.enabled=false", "skyx.custody.sky.enabled=true",
                "skyx.custody.sky.seed=skyx cold top-up api test seed", "skyx.custody.sky.confirmations=1",
                "skyx.custody.sky.poll=200ms", "skyx.custody.cold.sky.addresses=" + cold,
                "skyx.custody.cold.sky.target=" + TARGET, "skyx.reserves.snapshot-interval=0s")) {
            SkycoinNode node = app.bean(SkycoinNode.class);
            new KeyPayer(node, GenesisWallet.key(app.bean(NodeProperties.class)).orElseThrow())
                    .pay(Map.of(Address.parse(cold), 20 * SKY), Duration.ofSeconds(30));
            await("the cold output confirmed", () -> node.store().unspentsOf(Address.parse(cold)).size() == 1);

            BrowserClient user = Attacker.signedUp(app.url(""));
            assertError(user.get("/api/v1/admin/cold"), 403, "FORBIDDEN");
            assertError(user.send("POST", "/api/v1/admin/cold/SKY/topups?requestId=u1", "{}"), 403, "FORBIDDEN");
            assertError(user.send("POST", "/api/v1/admin/cold/SKY/topups/1/signed", "{\"signed\":\"00\"}"), 403,
                    "FORBIDDEN");
            assertError(user.send("POST", "/api/v1/admin/cold/SKY/topups/1/cancel", null), 403, "FORBIDDEN");
            assertError(user.send("POST", "/api/v1/admin/cold/SKY/sweeps?requestId=u2", null), 403, "FORBIDDEN");
            assertThat(app.jdbc().queryForObject("select count(*) from custody_cold_transfer", Long.class)).isZero();

            String email = Attacker.email();
            BrowserClient op = new BrowserClient(app.url(""));
            assertThat(op.signup(email, Attacker.PASSWORD).statusCode()).isEqualTo(201);
            app.bean(OperatorGrants.class).apply(Set.of(email));
            op = new BrowserClient(app.url(""));
            assertThat(op.login(email, Attacker.PASSWORD).statusCode()).isEqualTo(200);

            HttpResponse<String> exported = op.send("POST", "/api/v1/admin/cold/SKY/topups?requestId=t1", "{}");
            assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
            JsonNode t = Json.parse(exported.body());
            assertThat(t.path("state").asString()).isEqualTo("EXPORTED");
            assertThat(t.path("amount").asString()).as("up to the target").isEqualTo("5");
            String hot = t.path("destination").asString();
            JsonNode sheet = Json.parse(t.path("psbt").asString());
            List<String> sigs = new ArrayList<>();
            for (JsonNode in : sheet.path("inputs")) {
                assertThat(in.path("address").asString()).isEqualTo(cold);
                sigs.add(Cipher.signHash(SHA256.fromHex(in.path("signingHash").asString()), COLD).hex());
            }
            long id = t.path("id").asLong();
            assertError(user.send("POST", "/api/v1/admin/cold/SKY/topups/" + id + "/signed",
                    "{\"signed\":\"" + String.join(" ", sigs) + "\"}"), 403, "FORBIDDEN");
            HttpResponse<String> bad = op.send("POST", "/api/v1/admin/cold/SKY/topups/" + id + "/signed",
                    "{\"signed\":\"not hex\"}");
            assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
            HttpResponse<String> signed = op.send("POST", "/api/v1/admin/cold/SKY/topups/" + id + "/signed",
                    "{\"signed\":\"" + String.join(" ", sigs) + "\"}");
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
            assertThat(Json.parse(signed.body()).path("state").asString()).isEqualTo("SIGNED");
            BrowserClient operator = op;
            await("the top-up confirmed", () -> {
                for (JsonNode x : Json.parse(operator.get("/api/v1/admin/cold").body()).path("assets")) {
                    if (x.path("asset").asString().equals("SKY")) {
                        return x.path("transfers").get(0).path("state").asString().equals("CONFIRMED");
                    }
                }
                return false;
            });
            assertThat(node.store().unspentsOf(Address.parse(hot)).stream().mapToLong(u -> u.body().coins()).sum())
                    .isEqualTo(TARGET);
            assertThat(app.bean(SkyCustody.class).wallet().spendable()).isEqualTo(TARGET);
        }
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
