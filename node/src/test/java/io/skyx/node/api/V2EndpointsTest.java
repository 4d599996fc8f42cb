package io.skyx.node.api;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.UxOut;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.service.ChainGenerator;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints issue 13 listed as missing: {@code POST /api/v2/transaction}, {@code GET /api/v2/transactions},
 * {@code POST /api/v1/resendUnconfirmedTxns}, {@code GET /api/v2/metrics}, on a private chain.
 */
class V2EndpointsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] NONE = new byte[0];

    private static JsonNode json(ApiResponse r) {
        return JSON.readTree(new String(r.bytes(), StandardCharsets.UTF_8));
    }

    private static SkycoinNode nodeWithChain(Path dir, ChainGenerator gen, int blocks) throws Exception {
        for (int i = 0; i < blocks; i++) {
            gen.nextBlock(2);
        }
        SkycoinNode node = SkycoinNode.open(NodeConfig.follower(dir, gen.params(),
                new InetSocketAddress("127.0.0.1", 0), List.of()).withFastTimers(Duration.ofMillis(200)));
        for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
            assertThat(node.applyBlock(b).ok()).isTrue();
        }
        return node;
    }

    private static ApiResponse post(SkycoinApi api, String path, String body) {
        String token = json(api.handle("GET", "/api/v1/csrf", null, null, null, NONE)).get("csrf_token").asString();
        return api.handle("POST", path, null, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertV2Error(ApiResponse r, int status, String message) {
        assertThat(r.status()).isEqualTo(status);
        JsonNode e = json(r).get("error");
        assertThat(e.get("message").asString()).isEqualTo(message);
        assertThat(e.get("code").asInt()).isEqualTo(status);
    }

    @Test
    void createdTransactionFromAnAddressIsUnsignedValidAndInjectableOnceSigned(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("v2-create");
        try (SkycoinNode node = nodeWithChain(dir, gen, 2)) {
            SkycoinApi api = new SkycoinApi(node);
            UxOut coin = gen.takeSpendable();
            Address from = coin.body().address();
            SecKey key = gen.ownerOf(coin);
            Address to = Address.fromSecKey(gen.walletKey(7));
            ApiResponse r = post(api, "/api/v2/transaction", """
                    {"hours_selection": {"type": "auto", "mode": "share", "share_factor": "0.5"},
                     "addresses": ["%s"], "to": [{"address": "%s", "coins": "1.5"}]}""".formatted(from, to));
            assertThat(r.status()).as(new String(r.bytes(), StandardCharsets.UTF_8)).isEqualTo(200);
            JsonNode data = json(r).get("data");
            assertThat(data.propertyNames()).containsExactly("transaction", "encoded_transaction");
            JsonNode txn = data.get("transaction");
            assertThat(txn.propertyNames()).containsExactly("length", "type", "txid", "inner_hash", "fee", "sigs",
                    "inputs", "outputs");
            Transaction t = TransactionCodec.INSTANCE.decodeExact(HexFormat.of()
                    .parseHex(data.get("encoded_transaction").asString()));
            assertThat(txn.get("txid").asString()).isEqualTo(t.txid().toString());
            assertThat(t.sigs()).allMatch(s -> s.isNull());
            assertThat(t.outputs().getFirst().address()).isEqualTo(to);
            assertThat(t.outputs().getFirst().coins()).isEqualTo(1_500_000L);
            assertThat(t.outputs().getFirst().hours()).isPositive();
            assertThat(t.outputs().getLast().address()).as("change goes back to the only spending address")
                    .isEqualTo(from);
            long inHours = 0;
            for (JsonNode in : txn.get("inputs")) {
                assertThat(in.get("address").asString()).isEqualTo(from.toString());
                inHours += Long.parseLong(in.get("calculated_hours").asString());
            }
            long outHours = t.outputs().stream().mapToLong(o -> o.hours()).sum();
            assertThat(Long.parseLong(txn.get("fee").asString())).isEqualTo(inHours - outHours)
                    .isGreaterThanOrEqualTo((inHours + 9) / 10);
            assertThat(node.pool().size()).as("creating changes nothing").isZero();

            List<SecKey> keys = new ArrayList<>();
            t.inputs().forEach(i -> keys.add(key));
            Transaction signed = t.sign(keys);
            assertThat(node.inject(signed, true).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);

            ApiResponse again = post(api, "/api/v2/transaction", """
                    {"hours_selection": {"type": "manual"}, "addresses": ["%s"],
                     "to": [{"address": "%s", "coins": "1", "hours": "1"}]}""".formatted(from, to));
            assertV2Error(again, 400, "Please spend after your pending transaction is confirmed");
            ApiResponse ignoring = post(api, "/api/v2/transaction", """
                    {"hours_selection": {"type": "manual"}, "addresses": ["%s"], "ignore_unconfirmed": true,
                     "to": [{"address": "%s", "coins": "1", "hours": "1"}]}""".formatted(from, to));
            assertThat(ignoring.status()).isIn(200, 400);
            if (ignoring.status() == 200) {
                JsonNode ins = json(ignoring).get("data").get("transaction").get("inputs");
                ins.forEach(i -> assertThat(signed.inputs()).doesNotContain(sha(i.get("uxid").asString())));
            } else {
                assertThat(json(ignoring).get("error").get("message").asString()).isEqualTo("no unspents to spend");
            }
        }
    }

    private static SHA256 sha(String hex) {
        try {
            return SHA256.fromHex(hex);
        } catch (io.skyx.node.cipher.CipherException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badCreateRequestsAreRefusedInTheV2ShapeAndChangeNothing(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("v2-create-bad");
        try (SkycoinNode node = nodeWithChain(dir, gen, 1)) {
            SkycoinApi api = new SkycoinApi(node);
            UxOut coin = gen.takeSpendable();
            Address from = coin.body().address();
            Address to = Address.fromSecKey(gen.walletKey(3));
            String manualTo = "\"hours_selection\": {\"type\": \"manual\"}, \"to\": [{\"address\": \"" + to
                    + "\", \"coins\": \"1\", \"hours\": \"1\"}]";
            assertV2Error(post(api, "/api/v2/transaction", "{" + manualTo + ", \"addresses\": [\"" + from
                    + "\"], \"unspents\": [\"" + coin.id() + "\"]}"), 400, "unspents and addresses cannot be combined");
            assertV2Error(post(api, "/api/v2/transaction", "{" + manualTo + "}"), 400,
                    "one of addresses or unspents must not be empty");
            String unknown = "ab".repeat(32);
            assertV2Error(post(api, "/api/v2/transaction", "{" + manualTo + ", \"unspents\": [\"" + unknown + "\"]}"),
                    400, "unspent output of " + unknown + " does not exist");
            assertV2Error(post(api, "/api/v2/transaction", "{\"hours_selection\": {\"type\": \"manual\"}, "
                    + "\"unspents\": [\"" + coin.id() + "\"], \"to\": [{\"address\": \"" + to
                    + "\", \"coins\": \"99999999\"}]}"), 400, "balance is not sufficient");
            assertV2Error(post(api, "/api/v2/transaction", "{\"hours_selection\": {\"type\": \"sometimes\"}, "
                    + "\"unspents\": [\"" + coin.id() + "\"], \"to\": [{\"address\": \"" + to
                    + "\", \"coins\": \"1\"}]}"), 400, "Invalid HoursSelection.Type");
            assertV2Error(post(api, "/api/v2/transaction", "{" + manualTo + ", \"addresses\": [\"" + from + "\", \""
                    + from + "\"]}"), 400, "addresses contains duplicate values");
            assertV2Error(post(api, "/api/v2/transaction", "{\"hours_selection\": {\"type\": \"manual\"}, "
                    + "\"unspents\": [\"" + coin.id() + "\"], \"to\": [{\"address\": \"" + to
                    + "\", \"coins\": \"1.2345\", \"hours\": \"1\"}]}"), 400,
                    "Transaction violates soft constraint: invalid amount, too many decimal places");
            assertV2Error(post(api, "/api/v2/transaction", "not json"), 400, "Invalid request body");
            assertThat(api.handle("GET", "/api/v2/transaction", null, null, null, NONE).status()).isEqualTo(405);
            assertThat(node.pool().size()).isZero();
            assertThat(node.store().unspent(coin.id())).isPresent();
        }
    }

    @Test
    void transactionsArePagedConfirmedFirstThenPending(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("v2-pages");
        try (SkycoinNode node = nodeWithChain(dir, gen, 3)) {
            SkycoinApi api = new SkycoinApi(node);
            List<String> confirmed = new ArrayList<>();
            for (SignedBlock b : gen.blocks()) {
                b.block().body().transactions().forEach(t -> confirmed.add(t.txid().toString()));
            }
            Transaction pending = gen.split(gen.takeSpendable(), gen.headTime());
            assertThat(node.inject(pending, true).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
            int total = confirmed.size() + 1;
            List<String> seen = new ArrayList<>();
            for (int page = 1; page <= (total + 1) / 2; page++) {
                JsonNode data = json(api.handle("GET", "/api/v2/transactions", "page=" + page + "&limit=2", null,
                        null, NONE)).get("data");
                assertThat(data.get("page_info").get("total_pages").asInt()).isEqualTo((total + 1) / 2);
                assertThat(data.get("page_info").get("page_size").asInt()).isEqualTo(2);
                assertThat(data.get("page_info").get("current_page").asInt()).isEqualTo(page);
                data.get("txns").forEach(t -> seen.add(t.get("txn").get("txid").asString()));
            }
            List<String> want = new ArrayList<>(confirmed);
            want.add(pending.txid().toString());
            assertThat(seen).containsExactlyElementsOf(want);

            JsonNode desc = json(api.handle("GET", "/api/v2/transactions", "sort=desc&confirmed=1", null, null, NONE));
            List<String> descIds = new ArrayList<>();
            desc.get("data").get("txns").forEach(t -> descIds.add(t.get("txn").get("txid").asString()));
            assertThat(descIds).containsExactlyElementsOf(confirmed.reversed().subList(0, Math.min(10,
                    confirmed.size())));
            JsonNode beyond = json(api.handle("GET", "/api/v2/transactions", "page=99", null, null, NONE));
            assertThat(beyond.get("data").get("txns")).isEmpty();
            JsonNode onlyPending = json(api.handle("GET", "/api/v2/transactions", "confirmed=0", null, null, NONE));
            assertThat(onlyPending.get("data").get("txns")).hasSize(1);

            assertV2Error(api.handle("GET", "/api/v2/transactions", "page=0", null, null, NONE), 400,
                    "page must be greater than 0");
            assertV2Error(api.handle("GET", "/api/v2/transactions", "limit=101", null, null, NONE), 400,
                    "limit must be <= 100");
            assertV2Error(api.handle("GET", "/api/v2/transactions", "sort=up", null, null, NONE), 400,
                    "sort must be asc or desc");
        }
    }

    @Test
    void resendAnnouncesThePendingTransactionsToPeers(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("v2-resend");
        try (SkycoinNode a = nodeWithChain(dir.resolve("a"), gen, 1)) {
            SkycoinApi api = new SkycoinApi(a);
            ApiResponse alone = post(api, "/api/v1/resendUnconfirmedTxns", "");
            assertThat(alone.status()).isEqualTo(503);
            assertThat(alone.body().asString()).isEqualTo("503 Service Unavailable - Outgoing connections not available");
            a.start();
            int port = a.daemon().orElseThrow().port();
            try (SkycoinNode b = SkycoinNode.open(NodeConfig.follower(dir.resolve("b"), gen.params(),
                    new InetSocketAddress("127.0.0.1", 0), List.of(new InetSocketAddress("127.0.0.1", port)))
                    .withFastTimers(Duration.ofMillis(200)))) {
                b.start();
                await("sync and introductions", () -> b.head().seq() == a.head().seq() && a.status().peers() == 1
                        && b.status().peers() == 1);
                Transaction t = gen.split(gen.takeSpendable(), gen.headTime());
                assertThat(a.inject(t, true).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
                ApiResponse r = post(api, "/api/v1/resendUnconfirmedTxns", "");
                assertThat(r.status()).isEqualTo(200);
                assertThat(json(r).get("txids").get(0).asString()).isEqualTo(t.txid().toString());
                assertThat(json(r).get("txids")).hasSize(1);
                await("the peer received the resent transaction", () -> b.pool().contains(t.txid()));
                assertThat(api.handle("GET", "/api/v1/resendUnconfirmedTxns", null, null, null, NONE).status())
                        .isEqualTo(405);
            }
        }
    }

    @Test
    void pendingTransactionsAreAnnouncedAgainAtEachTick(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("v2-reannounce");
        try (SkycoinNode a = nodeWithChain(dir.resolve("a"), gen, 1)) {
            a.start();
            try (SkycoinNode b = SkycoinNode.open(NodeConfig.follower(dir.resolve("b"), gen.params(),
                    new InetSocketAddress("127.0.0.1", 0), List.of(new InetSocketAddress("127.0.0.1",
                            a.daemon().orElseThrow().port()))).withFastTimers(Duration.ofMillis(200)))) {
                b.start();
                await("introductions", () -> a.status().peers() == 1 && b.status().peers() == 1);
                Transaction t = gen.split(gen.takeSpendable(), gen.headTime());
                assertThat(a.inject(t, true).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
                await("the peer learns the unbroadcast transaction from the periodic announce",
                        () -> b.pool().contains(t.txid()));
            }
        }
    }

    @Test
    void metricsAreSkycoinsGaugesInPrometheusText(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("v2-metrics");
        try (SkycoinNode node = nodeWithChain(dir, gen, 2)) {
            SkycoinApi api = new SkycoinApi(node);
            ApiResponse r = api.handle("GET", "/api/v2/metrics", null, null, null, NONE);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            String text = new String(r.bytes(), StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n").contains("# HELP unspent_outputs Number of unspent outputs\n"
                    + "# TYPE unspent_outputs gauge\nunspent_outputs " + node.storedHead().unspentCount() + "\n");
            assertThat(text).contains("\nlast_block_seq 2\n", "\nunconfirmed_txns 0\n", "\nopen_connections 0\n",
                    "# TYPE time_since_last_block_seconds gauge\n", "# HELP started_at Node start time, in unixtime\n",
                    "# TYPE process_cpu_seconds_total counter\n");
            List<String> names = text.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();
            assertThat(names).isSorted().contains("incoming_connections", "outgoing_connections", "started_at");
            assertThat(api.handle("POST", "/api/v2/metrics", null,
                    json(api.handle("GET", "/api/v1/csrf", null, null, null, NONE)).get("csrf_token").asString(),
                    null, NONE).status()).isEqualTo(405);
        }
    }

    @Test
    void valuesAreWrittenAsGoFormatsFloats() {
        // the pairs are from Skycoin's README example of /api/v2/metrics
        assertThat(PromText.goFloat(2862168)).isEqualTo("2.862168e+06");
        assertThat(PromText.goFloat(30)).isEqualTo("30");
        assertThat(PromText.goFloat(0.000158)).isEqualTo("0.000158");
        assertThat(PromText.goFloat(5.31e-05)).isEqualTo("5.31e-05");
        assertThat(PromText.goFloat(1.5366276699863462e+09)).isEqualTo("1.5366276699863462e+09");
        assertThat(PromText.goFloat(1048576)).isEqualTo("1.048576e+06");
        assertThat(PromText.goFloat(36.04)).isEqualTo("36.04");
        assertThat(PromText.goFloat(16326)).isEqualTo("16326");
        assertThat(PromText.goFloat(0)).isEqualTo("0");
        assertThat(PromText.goFloat(4.462792584e+09)).isEqualTo("4.462792584e+09");
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
