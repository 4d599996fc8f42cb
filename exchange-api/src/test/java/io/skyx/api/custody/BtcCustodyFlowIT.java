package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.BtcTestProperties;
import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.btc.BtcCustody;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
 * BTC on chain end to end through the app (local profile with the bcoin regtest node it starts): a user's deposit
 * address, the regtest faucet paying it, the credit after N confirmations, a withdrawal to an address of bcoin's
 * own wallet, the coins there, and the ledger (user balance, reserve) exact to the satoshi and equal to the wallet;
 * then, with 2FA on, a withdrawal without, with a wrong or with a replayed code refused and a fresh code accepted.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BtcCustodyFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The operator's float the regtest miner pays the hot wallet at start (skyx.custody.btc.local-funding). */
    private static final long FLOAT = 50_000_000;

    @LocalServerPort
    int port;

    @Autowired
    BcoinNode bcoin;

    @Autowired
    BtcCustody custody;

    @Autowired
    LocalBtcFloat operatorFloat;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        BtcTestProperties.registerHot(registry, FLOAT);
        // bounds 10..10 sat/vB: whatever bcoin's estimate, the fee is 10 × 221 vB = 2210 sat
        BtcTestProperties.withFixedFeeRate(registry, 10);
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
    @Order(1)
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

        // the fee is shown before confirming, then debited with the amount
        HttpResponse<String> fees = alice.get("/api/v1/withdrawal-fees");
        assertThat(fees.statusCode()).as(fees.body()).isEqualTo(200);
        JsonNode btcFee = TestBrowser.json(fees.body()).get(0);
        assertThat(btcFee.path("asset").asString()).isEqualTo("BTC");
        assertThat(btcFee.path("fee").asString()).isEqualTo("0.0000221");
        assertThat(btcFee.path("feeRate").asLong()).isEqualTo(10);
        assertThat(btcFee.path("feeRateUnit").asString()).isEqualTo("sat/vB");
        assertThat(btcFee.path("paidBy").asString()).isEqualTo("user");
        // bcoin's estimator, asked through the estimatesmartfee source, has no data on this young chain: visibly so
        assertThat(btcFee.path("source").asString())
                .isEqualTo("configured (no estimate: no estimate (the node answered -1))");
        assertThat(meters.get("custody.btc.fee_estimate.fallback").gauge().value()).isEqualTo(1.0);
        HttpResponse<String> w = alice.post("/api/v1/withdrawals", "{\"asset\":\"BTC\",\"address\":\""
                + BcoinAddresses.fromBcoin(outside) + "\",\"amount\":\"0.003\"}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
        assertThat(TestBrowser.json(w.body()).path("fee").asString()).isEqualTo("0.0000221");
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
        assertThat(btcFree(alice)).isEqualTo("0.0069779");

        JsonNode accounts = TestBrowser.json(alice.get("/api/v1/admin/accounts").body());
        JsonNode btc = null;
        for (JsonNode a : accounts) {
            if (a.path("asset").asString().equals("BTC")) {
                btc = a;
            }
        }
        assertThat(btc).isNotNull();
        assertThat(btc.path("reserve").asLong()).isEqualTo(-697_790);
        await("the hot wallet settled", () -> custody.wallet().walletBalance() == FLOAT + 697_790);
        await("solvency sees the settled wallet", () -> btcStatus(alice).path("reserves").asString()
                .equals(Long.toString(FLOAT + 697_790)));
        JsonNode status = btcStatus(alice);
        assertThat(status.path("liabilities").asString()).as("the float is owed to no user").isEqualTo("697790");
        assertThat(status.path("state").asString()).as("the operator's float is a surplus: " + status)
                .isEqualTo("SOLVENT");

        // a restart on a chain that kept the float pays nothing again (no payment, no block mined)
        int height = bcoin.rpc().blockCount();
        operatorFloat.fund(FLOAT);
        assertThat(bcoin.rpc().blockCount()).isEqualTo(height);
        assertThat(bcoin.rpc().mempool()).isEmpty();
        assertThat(custody.wallet().walletBalance()).isEqualTo(FLOAT + 697_790);
    }

    private static JsonNode btcStatus(TestBrowser b) throws Exception {
        for (JsonNode a : TestBrowser.json(b.get("/api/v1/reserves/status").body()).path("assets")) {
            if (a.path("asset").asString().equals("BTC")) {
                return a;
            }
        }
        throw new AssertionError("no BTC in the solvency status");
    }

    private static String withdrawBody(String address, String amount, String code) {
        return "{\"asset\":\"BTC\",\"address\":\"" + address + "\",\"amount\":\"" + amount + "\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}";
    }

    private static String errorCode(HttpResponse<String> r) {
        return TestBrowser.json(r.body()).path("error").path("code").asString();
    }

    @Test
    @Order(2)
    void withTwoFactorOnAWithdrawalNeedsAFreshCodeAndAWrongOrReplayedOneChangesNothing() throws Exception {
        TestBrowser bob = new TestBrowser("http://localhost:" + port).signUp();
        assertThat(bob.post("/api/v1/faucet/btc", null).statusCode()).isEqualTo(200);
        await("the deposit credited", () -> "0.01".equals(btcFree(bob)));

        HttpResponse<String> enrol = bob.post("/api/v1/account/2fa/enrol", null);
        assertThat(enrol.statusCode()).as(enrol.body()).isEqualTo(200);
        byte[] key = new org.apache.commons.codec.binary.Base32().decode(
                TestBrowser.json(enrol.body()).path("secret").asString());
        long step = java.time.Instant.now().getEpochSecond() / 30;
        String used = io.skyx.api.account.TotpReference.code6(key, step);
        HttpResponse<String> confirm = bob.post("/api/v1/account/2fa/confirm", "{\"code\":\"" + used + "\"}");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);

        String bcoinAddress = bcoin.rpc().walletNewWitnessAddress();
        String outside = BcoinAddresses.fromBcoin(bcoinAddress).toString();
        String wrong = String.format("%06d", (Integer.parseInt(used) + 1) % 1_000_000);
        HttpResponse<String> none = bob.post("/api/v1/withdrawals", withdrawBody(outside, "0.002", null));
        assertThat(errorCode(none)).as(none.body()).isEqualTo("TWO_FACTOR_REQUIRED");
        HttpResponse<String> bad = bob.post("/api/v1/withdrawals", withdrawBody(outside, "0.002", wrong));
        assertThat(errorCode(bad)).as(bad.body()).isEqualTo("TWO_FACTOR_INVALID");
        HttpResponse<String> replayed = bob.post("/api/v1/withdrawals", withdrawBody(outside, "0.002", used));
        assertThat(errorCode(replayed)).as("the code that confirmed 2FA is used up").isEqualTo("TWO_FACTOR_INVALID");
        assertThat(TestBrowser.json(bob.get("/api/v1/withdrawals?asset=BTC").body())).isEmpty();
        assertThat(btcFree(bob)).isEqualTo("0.01");

        String fresh = io.skyx.api.account.TotpReference.code6(key, step + 1);
        for (String malformed : List.of("\"abc\"", "\"-0.0001\"", "\"1e-5\"", "\"0.000000001\"", "\"\"",
                "\"99999999999999999999\"", "{}")) {
            HttpResponse<String> r = bob.post("/api/v1/withdrawals",
                    withdrawBody(outside, "0.002", fresh).replace("}", ",\"maxFee\":" + malformed + "}"));
            assertThat(r.statusCode()).as("maxFee %s: %s", malformed, r.body()).isEqualTo(400);
            if (!malformed.equals("{}")) {
                assertThat(errorCode(r)).as(r.body()).isEqualTo("INVALID_AMOUNT");
                assertThat(TestBrowser.json(r.body()).path("error").path("field").asString()).isEqualTo("maxFee");
            }
        }
        assertThat(TestBrowser.json(bob.get("/api/v1/withdrawals?asset=BTC").body())).isEmpty();
        assertThat(btcFree(bob)).isEqualTo("0.01");
        String belowQuote = withdrawBody(outside, "0.002", fresh).replace("}", ",\"maxFee\":\"0.000022\"}");
        HttpResponse<String> feeChanged = bob.post("/api/v1/withdrawals", belowQuote);
        assertThat(feeChanged.statusCode()).as(feeChanged.body()).isEqualTo(409);
        assertThat(errorCode(feeChanged)).isEqualTo("FEE_CHANGED");
        assertThat(TestBrowser.json(bob.get("/api/v1/withdrawals?asset=BTC").body())).isEmpty();
        assertThat(btcFree(bob)).isEqualTo("0.01");
        HttpResponse<String> ok = bob.post("/api/v1/withdrawals", withdrawBody(outside, "0.002", fresh)
                .replace("}", ",\"maxFee\":\"0.0000221\"}"));
        assertThat(ok.statusCode()).as("the refused request did not use up the code: %s", ok.body()).isEqualTo(201);
        HttpResponse<String> again = bob.post("/api/v1/withdrawals", withdrawBody(outside, "0.002", fresh));
        assertThat(errorCode(again)).as("a code is accepted once").isEqualTo("TWO_FACTOR_INVALID");
        assertThat(TestBrowser.json(bob.get("/api/v1/withdrawals?asset=BTC").body())).hasSize(1);
        await("the withdrawal confirmed", () -> {
            bcoin.rpc().mine(1);
            return "ok".equals(TestBrowser.json(bob.get("/api/v1/withdrawals?asset=BTC").body()).get(0)
                    .path("status").asString());
        });
        assertThat(bcoin.rpc().walletCoins(bcoinAddress).stream().mapToLong(BcoinRpc.Coin::value).sum())
                .isEqualTo(200_000);
        assertThat(btcFree(bob)).isEqualTo("0.0079779");
    }
}
