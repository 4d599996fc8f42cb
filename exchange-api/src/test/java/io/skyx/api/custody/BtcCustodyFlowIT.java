package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.TestBrowser;
import io.skyx.api.testing.TestDatabase;
import io.skyx.custody.btc.BtcCustody;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * BTC on chain end to end through the app (local profile with the bcoin regtest node it starts): a user's deposit
 * address, the regtest faucet paying it, the credit after N confirmations, a withdrawal to an address of bcoin's
 * own wallet, the coins there, and the ledger (user balance, reserve) exact to the satoshi and equal to the wallet.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class BtcCustodyFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    BcoinNode bcoin;

    @Autowired
    BtcCustody custody;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        Path dir = Files.createTempDirectory("skyx-custody-flow");
        registry.add("skyx.embedded-postgres.enabled", () -> "false");
        registry.add("skyx.kafka.embedded.enabled", () -> "false");
        registry.add("skyx.node.enabled", () -> "false");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("skyx.custody.btc.enabled", () -> "true");
        registry.add("skyx.custody.btc.bcoin.data-dir", () -> dir.resolve("bcoin").toString());
        registry.add("skyx.custody.btc.poll", () -> "200ms");
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

    @Test
    void depositConfirmationsCreditWithdrawToAnOutsideAddressAndTheLedgerIsExact() throws Exception {
        TestBrowser alice = new TestBrowser("http://localhost:" + port).signUp();
        HttpResponse<String> addr = alice.get("/api/v1/deposit-address?asset=BTC");
        assertThat(addr.statusCode()).as(addr.body()).isEqualTo(200);
        String address = TestBrowser.json(addr.body()).path("address").asString();
        assertThat(address).startsWith("bcrt1q");
        assertThat(TestBrowser.json(alice.get("/api/v1/deposit-address?asset=BTC").body()).path("address").asString())
                .isEqualTo(address);

        HttpResponse<String> faucet = alice.post("/api/v1/faucet/btc", null);
        assertThat(faucet.statusCode()).as(faucet.body()).isEqualTo(200);
        String txid = TestBrowser.json(faucet.body()).path("txid").asString();
        await("the deposit credited", () -> "0.01".equals(btcFree(alice)));
        JsonNode deposits = TestBrowser.json(alice.get("/api/v1/deposits?asset=BTC").body());
        assertThat(deposits).hasSize(1);
        assertThat(deposits.get(0).path("txid").asString()).isEqualTo(txid);
        assertThat(deposits.get(0).path("status").asString()).isEqualTo("ok");
        assertThat(deposits.get(0).path("amount").asString()).isEqualTo("0.01");

        BcoinRpc rpc = bcoin.rpc();
        String outside = rpc.walletNewWitnessAddress();
        HttpResponse<String> wrong = alice.post("/api/v1/withdrawals", "{\"asset\":\"BTC\",\"address\":"
                + "\"bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu\",\"amount\":\"0.003\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(TestBrowser.json(wrong.body()).path("error").path("code").asString()).isEqualTo("WRONG_NETWORK");
        HttpResponse<String> tooMuch = alice.post("/api/v1/withdrawals", "{\"asset\":\"BTC\",\"address\":\""
                + BcoinAddresses.fromBcoin(outside) + "\",\"amount\":\"0.01\"}");
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(422);
        assertThat(TestBrowser.json(tooMuch.body()).path("error").path("code").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(TestBrowser.json(alice.get("/api/v1/withdrawals?asset=BTC").body())).isEmpty();
        assertThat(btcFree(alice)).isEqualTo("0.01");

        HttpResponse<String> w = alice.post("/api/v1/withdrawals", "{\"asset\":\"BTC\",\"address\":\""
                + BcoinAddresses.fromBcoin(outside) + "\",\"amount\":\"0.003\"}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
        assertThat(TestBrowser.json(w.body()).path("fee").asString()).isEqualTo("0.00002");
        await("the withdrawal confirmed", () -> {
            rpc.mine(1);
            JsonNode list = TestBrowser.json(alice.get("/api/v1/withdrawals?asset=BTC").body());
            return "ok".equals(list.get(0).path("status").asString());
        });
        JsonNode done = TestBrowser.json(alice.get("/api/v1/withdrawals?asset=BTC").body()).get(0);
        assertThat(rpc.walletCoins(outside)).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(300_000);
            assertThat(c.txid()).isEqualTo(done.path("txid").asString());
        });
        assertThat(btcFree(alice)).isEqualTo("0.00698");

        JsonNode accounts = TestBrowser.json(alice.get("/api/v1/admin/accounts").body());
        JsonNode btc = null;
        for (JsonNode a : accounts) {
            if (a.path("asset").asString().equals("BTC")) {
                btc = a;
            }
        }
        assertThat(btc).isNotNull();
        assertThat(btc.path("reserve").asLong()).isEqualTo(-698_000);
        await("the hot wallet settled", () -> custody.wallet().walletBalance() == 698_000);
    }
}
