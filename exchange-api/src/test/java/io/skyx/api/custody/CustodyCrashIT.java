package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestBrowser;
import io.skyx.api.testing.TestDatabase;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SecKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Custody crash safety: the app runs as a child JVM with custody on (BTC: bcoin regtest, run by this test JVM so that
 * the chain outlives the app; SKY: the embedded node publishing its private chain from a data directory that
 * outlives it; PostgreSQL run by this JVM). A user with an on-chain deposit withdraws to an outside address, and the
 * test hook {@code -Dskyx.custody.test.halt-after=SIGNED|BROADCAST} halts the child right after that step is
 * committed (as kill -9 would: no shutdown hook runs). The app is restarted without the hook: the withdrawal
 * completes once, exactly one transaction on chain pays the address (a scan of every block and the mempool), the
 * stored transaction is the one that went out, nothing else pays it later, and the user's balance and the reserve
 * account are exact to the satoshi / droplet.
 */
class CustodyCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final Path LOGS = Path.of("target", "custody-crash-it");
    private static BcoinNode bcoin;

    @AfterAll
    static void stopBcoin() {
        if (bcoin != null) {
            bcoin.close();
        }
    }

    private static synchronized BcoinNode bcoin() throws IOException {
        if (bcoin == null) {
            Path dir = Path.of(System.getProperty("skyx.bcoin.dir", "../custody/bcoin"));
            bcoin = BcoinNode.start(dir, Files.createTempDirectory("skyx-crash-bcoin"), "node", Duration.ofSeconds(60));
            bcoin.activateSegwit();
        }
        return bcoin;
    }

    @ParameterizedTest(name = "{0} killed after {1}")
    @CsvSource({"BTC, SIGNED", "BTC, BROADCAST", "SKY, SIGNED", "SKY, BROADCAST"})
    void aWithdrawalKilledAtAStepCompletesOnceWithOneTransactionOnChain(String asset, String haltAfter)
            throws Exception {
        boolean btc = asset.equals("BTC");
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        Path data = Files.createTempDirectory("skyx-crash-" + asset.toLowerCase() + "-" + haltAfter.toLowerCase());
        Files.createDirectories(LOGS);
        List<String> args = btc ? btcArgs(haltAfter, data) : skyArgs(data);
        String name = asset.toLowerCase() + "-" + haltAfter.toLowerCase();
        String outside = btc ? BcoinAddresses.fromBcoin(bcoin().rpc().walletNewWitnessAddress()).toString()
                : Address.fromSecKey(SecKey.random()).toString();
        String amount = btc ? "0.003" : "12.345";

        CrashApp first = CrashApp.start(db, args, haltAfter, LOGS.resolve(name + "-run1.log"));
        TestBrowser alice;
        long deposit;
        try {
            first.awaitHealthy();
            alice = new TestBrowser(first.base()).signUp();
            HttpResponse<String> paid = alice.post(btc ? "/api/v1/faucet/btc" : "/api/v1/faucet?asset=SKY", null);
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
            await("the deposit credited", () -> units(free(alice, asset), asset) > 0);
            deposit = units(free(alice, asset), asset);
            try {
                HttpResponse<String> w = alice.post("/api/v1/withdrawals", "{\"asset\":\"" + asset + "\",\"address\":\""
                        + outside + "\",\"amount\":\"" + amount + "\"}");
                assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
            } catch (IOException e) {
                System.out.println("the withdrawal's response was lost in the halt: " + e);
            }
            assertThat(first.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the hook halted the app").isTrue();
            assertThat(first.process().exitValue()).as("halted by the test hook").isEqualTo(137);
        } finally {
            first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        Row stored = withdrawal(db);
        assertThat(stored.state()).isEqualTo(haltAfter);
        assertThat(stored.txid()).matches("[0-9a-f]{64}");
        if (btc && haltAfter.equals("SIGNED")) {
            assertThat(bcoin.rpc().rawTransaction(stored.txid())).as("signed, not broadcast").isNull();
        } else if (btc) {
            assertThat(bcoin.rpc().mempool()).as("broadcast, not confirmed").contains(stored.txid());
        }

        CrashApp again = CrashApp.start(db, args, null, LOGS.resolve(name + "-run2.log"));
        try {
            again.awaitHealthy();
            TestBrowser back = new TestBrowser(again.base()).logIn(alice);
            await("the withdrawal completed", () -> {
                if (btc) {
                    bcoin.rpc().mine(1);
                }
                JsonNode list = TestBrowser.json(back.get("/api/v1/withdrawals?asset=" + asset).body());
                return list.size() == 1 && "ok".equals(list.get(0).path("status").asString());
            });
            JsonNode done = TestBrowser.json(back.get("/api/v1/withdrawals?asset=" + asset).body()).get(0);
            assertThat(done.path("txid").asString()).as("the stored transaction went out").isEqualTo(stored.txid());
            long fee = units(done.path("fee").asString(), asset);
            long sent = units(amount, asset);
            if (btc) {
                bcoin.rpc().mine(2);
            }
            Thread.sleep(3000);
            List<String> paying = btc ? BtcChainScan.paying(bcoin.rpc(), outside, sent) : skyPaying(back, outside, sent);
            assertThat(paying).as("exactly one transaction pays " + outside).containsExactly(stored.txid());
            assertThat(pending(btc, back, outside)).as("nothing pending pays it").isFalse();

            Row after = withdrawal(db);
            assertThat(after.state()).isEqualTo("COMPLETED");
            assertThat(count(db, "select count(*) from journal where idem_key = 'withdrawal:" + after.id()
                    + ":complete'")).as("completed once").isEqualTo(1);
            assertThat(count(db, "select count(*) from journal where idem_key = 'withdrawal:" + after.id()
                    + ":refund'")).as("never refunded").isZero();
            long left = deposit - sent - fee;
            assertThat(units(free(back, asset), asset)).as("the user's balance").isEqualTo(left);
            JsonNode balances = TestBrowser.json(back.get("/api/v1/balances").body()).path(asset);
            assertThat(units(balances.path("used").asString("0"), asset)).as("nothing held").isZero();
            await("the reserve account settled", () -> reserve(back, asset) == -left);
        } finally {
            again.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private List<String> btcArgs(String haltAfter, Path data) throws IOException {
        BcoinRpc rpc = bcoin().rpc();
        return List.of("--skyx.node.enabled=false", "--skyx.custody.btc.enabled=true",
                "--skyx.custody.btc.bcoin.enabled=true",
                "--skyx.custody.btc.bcoin.attach.p2p-port=" + bcoin.p2pAddress().getPort(),
                "--skyx.custody.btc.bcoin.attach.rpc-port=" + rpc.nodePort(),
                "--skyx.custody.btc.bcoin.attach.wallet-port=" + rpc.walletPort(),
                "--skyx.custody.btc.bcoin.attach.api-key=" + rpc.apiKey(),
                // a wallet of its own per case on the shared chain
                "--skyx.custody.btc.passphrase=crash-" + haltAfter + "-" + System.nanoTime(),
                "--skyx.custody.btc.poll=200ms", "--skyx.custody.btc.bcoin.data-dir=" + data.resolve("bcoin"));
    }

    private static List<String> skyArgs(Path data) {
        return List.of("--skyx.custody.btc.enabled=false", "--skyx.node.enabled=true",
                "--skyx.node.data-dir=" + data.resolve("skycoin"), "--skyx.node.p2p-port=0",
                "--skyx.node.block-interval=300ms", "--skyx.custody.sky.batch-interval=1s",
                "--skyx.custody.sky.poll=200ms");
    }

    private record Row(long id, String state, String txid) {
    }

    private static Row withdrawal(TestDatabase.Conn db) throws Exception {
        try (Connection c = db.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id, state, txid from custody_withdrawal")) {
            assertThat(rs.next()).as("one withdrawal stored").isTrue();
            Row r = new Row(rs.getLong(1), rs.getString(2), rs.getString(3));
            assertThat(rs.next()).as("only one withdrawal stored").isFalse();
            return r;
        }
    }

    private static long count(TestDatabase.Conn db, String sql) throws Exception {
        try (Connection c = db.open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String free(TestBrowser b, String asset) throws Exception {
        return TestBrowser.json(b.get("/api/v1/balances").body()).path(asset).path("free").asString("0");
    }

    private static long reserve(TestBrowser b, String asset) throws Exception {
        for (JsonNode a : TestBrowser.json(b.get("/api/v1/admin/accounts").body())) {
            if (a.path("asset").asString().equals(asset)) {
                return a.path("reserve").asLong();
            }
        }
        throw new AssertionError("no " + asset + " system accounts");
    }

    private static long units(String decimal, String asset) {
        return new BigDecimal(decimal.isEmpty() ? "0" : decimal).movePointRight(asset.equals("BTC") ? 8 : 6)
                .longValueExact();
    }

    /** The txids of every confirmed SKY transaction with an output of {@code droplets} to {@code address}. */
    private static List<String> skyPaying(TestBrowser b, String address, long droplets) throws Exception {
        long head = TestBrowser.json(b.get("/skycoin/api/v1/blockchain/metadata").body()).path("head").path("seq")
                .asLong();
        List<String> out = new ArrayList<>();
        for (long start = 0; start <= head; start += 100) {
            JsonNode blocks = TestBrowser.json(b.get("/skycoin/api/v1/blocks?start=" + start + "&end="
                    + Math.min(head, start + 99)).body()).path("blocks");
            for (JsonNode block : blocks) {
                for (JsonNode tx : block.path("body").path("txns")) {
                    for (JsonNode o : tx.path("outputs")) {
                        if (o.path("dst").asString().equals(address)) {
                            assertThat(units(o.path("coins").asString(), "SKY")).isEqualTo(droplets);
                            out.add(tx.path("txid").asString());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean pending(boolean btc, TestBrowser b, String address) throws Exception {
        if (btc) {
            return !BtcChainScan.mempoolPaying(bcoin.rpc(), address).isEmpty();
        }
        return b.get("/skycoin/api/v1/pendingTxs").body().contains(address);
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(300);
        }
    }
}
