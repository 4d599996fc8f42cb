package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.BtcTestProperties;
import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
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
 * Auto-sweep on a real bcoin regtest chain: a user registers their own address (kept back 0.001 BTC), a deposit
 * arrives and is credited, and the free balance above what is kept, less the fee, is withdrawn on chain to
 * that address through the withdrawal pipeline; the coins are there, the ledger matches to the satoshi, and a
 * second run sweeps nothing.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class AutoSweepIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    BcoinNode bcoin;

    @Autowired
    AutoSweeper sweeper;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        BtcTestProperties.registerHot(registry, 50_000_000L);
        // bounds 10..10 sat/vB: whatever bcoin's estimate, a withdrawal's fee is 10 × 221 vB = 2210 sat
        registry.add("skyx.custody.btc.min-fee-rate", () -> "10");
        registry.add("skyx.custody.btc.max-fee-rate", () -> "10");
        registry.add("skyx.reserves.snapshot-interval", () -> "0s");
        registry.add("skyx.account.whitelist-cooloff", () -> "0s");
        // solvency is recomputed on every committed batch: with no poll to speak of, a withdrawal still shows at once
        registry.add("skyx.reserves.solvency-poll", () -> "10m");
        registry.add("skyx.custody.auto-sweep.interval", () -> "300ms");
        registry.add("skyx.custody.auto-sweep.btc-minimum", () -> "10000");
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static JsonNode btc(TestBrowser b) throws Exception {
        return TestBrowser.json(b.get("/api/v1/balances").body()).path("BTC");
    }

    private static JsonNode withdrawals(TestBrowser b) throws Exception {
        return TestBrowser.json(b.get("/api/v1/withdrawals?asset=BTC").body());
    }

    private static JsonNode snapshotRow(TestBrowser b, long snapshot) throws Exception {
        for (JsonNode r : TestBrowser.json(b.get("/api/v1/reserves").body()).path("snapshots")) {
            if (r.path("snapshot").asLong() == snapshot && r.path("asset").asString().equals("BTC")) {
                return r;
            }
        }
        throw new AssertionError("no BTC row of snapshot " + snapshot);
    }

    private static JsonNode btcStatus(TestBrowser b) throws Exception {
        for (JsonNode a : TestBrowser.json(b.get("/api/v1/reserves/status").body()).path("assets")) {
            if (a.path("asset").asString().equals("BTC")) {
                return a;
            }
        }
        throw new AssertionError("no BTC in the solvency status");
    }

    @Test
    void aDepositAboveWhatIsKeptIsSweptOnChainToTheUsersOwnAddressOnce() throws Exception {
        TestBrowser bob = new TestBrowser("http://localhost:" + port).signUp();
        BcoinRpc rpc = bcoin.rpc();
        String own = rpc.walletNewWitnessAddress();
        String address = BcoinAddresses.fromBcoin(own).toString();
        HttpResponse<String> set = bob.send("PUT", "/api/v1/account/auto-sweep",
                "{\"asset\":\"BTC\",\"address\":\"" + address + "\",\"minimum\":\"0.001\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(TestBrowser.json(set.body()).path("usable").asBoolean()).isTrue();

        assertThat(bob.post("/api/v1/faucet/btc", null).statusCode()).isEqualTo(200);
        await("the sweep requested", () -> withdrawals(bob).size() == 1);
        JsonNode w = withdrawals(bob).get(0);
        assertThat(w.path("address").asString()).isEqualTo(address);
        assertThat(w.path("amount").asString()).as("0.01 - 0.001 kept - 0.0000221 fee").isEqualTo("0.0089779");
        assertThat(w.path("fee").asString()).isEqualTo("0.0000221");
        long id = w.path("id").asLong();
        long requested = System.nanoTime();
        await("the sweep in the solvency position", () -> "900000".equals(btcStatus(bob).path("pendingWithdrawals")
                .asString()));
        assertThat(Duration.ofNanos(System.nanoTime() - requested)).as("at once, not at the next poll")
                .isLessThan(Duration.ofSeconds(30));

        // a snapshot while the sweep is in flight: its liabilities and its withdrawals in flight are of one journal
        // sequence number (what the ledger held as withdrawing there), whatever the custody row says
        HttpResponse<String> taken = bob.post("/api/v1/admin/reserves/snapshots", null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        long snapshot = TestBrowser.json(taken.body()).get(0).path("snapshot").asLong();
        JsonNode row = snapshotRow(bob, snapshot);
        JsonNode reserves = row.path("reserves");
        assertThat(row.path("total").asString()).isEqualTo("1000000");
        assertThat(reserves.path("liabilities").asString()).isEqualTo("1000000");
        assertThat(reserves.path("pendingWithdrawals").asString()).isEqualTo("900000");
        assertThat(jdbc.queryForObject("select coalesce(sum(amount), 0) from ledger_entries where account = 'withdrawing'"
                + " and asset = 'BTC' and seq <= ?", Long.class, row.path("journalSeq").asLong())).isEqualTo(900_000L);
        assertThat(jdbc.queryForObject("select request_id from custody_withdrawal where id = ?", String.class, id))
                .startsWith("sweep:BTC:");
        await("the sweep confirmed", () -> {
            rpc.mine(1);
            return "ok".equals(withdrawals(bob).get(0).path("status").asString());
        });
        String txid = withdrawals(bob).get(0).path("txid").asString();
        assertThat(rpc.walletCoins(own)).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(897_790);
            assertThat(c.txid()).isEqualTo(txid);
        });
        assertThat(btc(bob).path("free").asString()).isEqualTo("0.001");
        assertThat(btc(bob).path("total").asString()).isEqualTo("0.001");
        long reserve = 0;
        for (JsonNode a : TestBrowser.json(bob.get("/api/v1/admin/accounts").body())) {
            if (a.path("asset").asString().equals("BTC")) {
                reserve = a.path("reserve").asLong();
            }
        }
        assertThat(reserve).as("only what bob keeps is owed").isEqualTo(-100_000);

        // a second run, and more rounds of the schedule: nothing more is swept
        assertThat(sweeper.runOnce()).isEmpty();
        rpc.mine(1);
        Thread.sleep(1_500);
        assertThat(sweeper.runOnce()).isEmpty();
        assertThat(withdrawals(bob)).hasSize(1);
        assertThat(btc(bob).path("free").asString()).isEqualTo("0.001");
    }
}
