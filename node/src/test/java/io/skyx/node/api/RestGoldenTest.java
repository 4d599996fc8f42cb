package io.skyx.node.api;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that imported mainnet blocks 0..120 answers with the JSON of Skycoin's REST goldens for what those blocks
 * cover. The goldens were taken at head 180: fields that depend on the head (a confirmed transaction's
 * {@code status.height} = head − seq + 1, and {@code calculated_hours}, hours at the head time) are checked
 * against our head instead of copied.
 */
class RestGoldenTest {
    @TempDir
    static Path dir;
    private static SkycoinNode node;
    private static SkycoinApi api;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Path shared() {
        Path shared = Path.of(System.getProperty("skyx.shared.dir", "../../shared"));
        Assumptions.assumeTrue(Files.isDirectory(shared), shared + " (…/shared) not found: skipping vector tests");
        return shared.resolve("skycoin-vectors");
    }

    @BeforeAll
    static void importMainnet() throws Exception {
        Path vectors = shared();
        node = SkycoinNode.open(NodeConfig.follower(dir.resolve("db"), GenesisParams.MAINNET,
                new InetSocketAddress("127.0.0.1", 0), List.of()));
        BlockImport.Result r = BlockImport.run(node, vectors.resolve("mainnet-blocks-0-120.jsonl"), s -> { });
        assertThat(r.ok()).as(r.error()).isTrue();
        api = new SkycoinApi(node);
    }

    @AfterAll
    static void close() {
        if (node != null) {
            node.close();
        }
    }

    private static JsonNode golden(String name) throws Exception {
        return JSON.readTree(Files.readString(shared().resolve("api").resolve(name)));
    }

    /** Round-trips through text so number node types match those of parsed JSON. */
    static JsonNode norm(JsonNode n) {
        return JSON.readTree(JSON.writeValueAsString(n));
    }

    static JsonNode get(String path, String query) {
        ApiResponse r = api.handle("GET", path, query, null, null, new byte[0]);
        assertThat(r.status()).as(path + "?" + query + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(JSON.writeValueAsString(r.body()));
    }

    @ParameterizedTest
    @CsvSource({"block-seq-0.golden,seq=0", "block-seq-1.golden,seq=1", "block-seq-100.golden,seq=100",
            "block-seq-verbose-0.golden,seq=0&verbose=1", "block-seq-verbose-1.golden,seq=1&verbose=1",
            "block-seq-verbose-100.golden,seq=100&verbose=1",
            "block-hash-genesis.golden,hash=0551a1e5af999fe8fff529f6f2ab341e1e33db95135eef1b2be44fe6981349f3",
            "block-hash.golden,hash=70584db7fb8ab88b8dbcfed72ddc42a1aeb8c4882266dbb78439ba3efcd0458d",
            "block-hash-verbose.golden,hash=70584db7fb8ab88b8dbcfed72ddc42a1aeb8c4882266dbb78439ba3efcd0458d&verbose=1"})
    void blocksEqualTheGoldens(String golden, String query) throws Exception {
        assertThat(get("/api/v1/block", query)).isEqualTo(golden(golden));
    }

    @Test
    void blocksRangeAndLastBlocksUseTheSameShapes() throws Exception {
        JsonNode range = get("/api/v1/blocks", "start=0&end=1");
        assertThat(range.get("blocks").get(0)).isEqualTo(golden("block-seq-0.golden"));
        assertThat(range.get("blocks").get(1)).isEqualTo(golden("block-seq-1.golden"));
        JsonNode seqs = get("/api/v1/blocks", "seqs=100,0&verbose=1");
        assertThat(seqs.get("blocks").get(0)).isEqualTo(golden("block-seq-verbose-100.golden"));
        assertThat(seqs.get("blocks").get(1)).isEqualTo(golden("block-seq-verbose-0.golden"));
        JsonNode last = get("/api/v1/last_blocks", "num=2");
        assertThat(last.get("blocks")).hasSize(2);
        assertThat(last.get("blocks").get(1).get("header").get("seq").asLong()).isEqualTo(120);
    }

    @ParameterizedTest
    @CsvSource({"genesis-transaction.golden,d556c1c7abf1e86138316b8c17183665512dc67633c04cf236a8b7f332cb4add,",
            "genesis-transaction-verbose.golden,d556c1c7abf1e86138316b8c17183665512dc67633c04cf236a8b7f332cb4add,&verbose=1",
            "genesis-transaction-encoded.golden,d556c1c7abf1e86138316b8c17183665512dc67633c04cf236a8b7f332cb4add,&encoded=1",
            "transaction-block-101.golden,e8fe5290afba3933389fd5860dca2cbcc81821028be9c65d0bb7cf4e8d2c4c18,",
            "transaction-verbose-block-101.golden,e8fe5290afba3933389fd5860dca2cbcc81821028be9c65d0bb7cf4e8d2c4c18,&verbose=1",
            "transaction-encoded-block-101.golden,e8fe5290afba3933389fd5860dca2cbcc81821028be9c65d0bb7cf4e8d2c4c18,&encoded=1",
            "transaction-encoded-block-105.golden,,&encoded=1"})
    void transactionsEqualTheGoldensAtOurHeight(String golden, String txid, String extra) throws Exception {
        JsonNode want = golden(golden).deepCopy();
        String id = txid;
        if (id == null) {
            id = transactionIdOf(want);
        }
        long seq = want.get("status").get("block_seq").asLong();
        ((ObjectNode) want.get("status")).put("height", 120 - seq + 1);
        assertThat(get("/api/v1/transaction", "txid=" + id + (extra == null ? "" : extra))).isEqualTo(norm(want));
        if (want.has("encoded_transaction")) {
            assertThat(get("/api/v1/rawtx", "txid=" + id).asString())
                    .isEqualTo(want.get("encoded_transaction").asString());
        }
    }

    private static String transactionIdOf(JsonNode encodedGolden) {
        byte[] raw = java.util.HexFormat.of().parseHex(encodedGolden.get("encoded_transaction").asString());
        try {
            return io.skyx.node.coin.TransactionCodec.INSTANCE.decodeExact(raw).txid().toString();
        } catch (io.skyx.node.encoding.DecodeException e) {
            throw new AssertionError(e);
        }
    }

    /** Hours an output shows at our head (block 120) time, the one head-dependent field of outputs and uxouts. */
    private static long hoursAtHead(JsonNode out, String coinsField) {
        long coins = out.get(coinsField).isString()
                ? new java.math.BigDecimal(out.get(coinsField).asString()).movePointRight(6).longValueExact()
                : out.get(coinsField).asLong();
        long headTime = node.storedHead().block().header().time();
        return io.skyx.node.coin.CoinHours.at(coins, out.get("hours").asLong(), out.get("time").asLong(), headTime).hours();
    }

    @Test
    void addressUxoutsEqualTheGoldenAtOurHead() throws Exception {
        JsonNode want = golden("uxout-addr.golden").deepCopy();
        for (JsonNode u : want) {
            ((ObjectNode) u).put("calculated_hours", hoursAtHead(u, "coins"));
        }
        want = norm(want);
        assertThat(get("/api/v1/address_uxouts", "address=2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjf")).isEqualTo(want);
        JsonNode one = want.get(0);
        assertThat(get("/api/v1/uxout", "uxid=" + one.get("uxid").asString())).isEqualTo(one);
    }

    @Test
    void outputsCreatedByTheseBlocksEqualTheGolden() throws Exception {
        int compared = 0;
        for (String g : List.of("outputs-addrs.golden", "outputs-hashes.golden")) {
            for (JsonNode o : golden(g).get("head_outputs")) {
                if (o.get("block_seq").asLong() > 120) {
                    continue;
                }
                ObjectNode want = (ObjectNode) o.deepCopy();
                want.put("calculated_hours", hoursAtHead(o, "coins"));
                JsonNode got = get("/api/v1/outputs", "hashes=" + o.get("hash").asString());
                assertThat(got.get("head_outputs")).hasSize(1);
                assertThat(got.get("head_outputs").get(0)).isEqualTo(norm(want));
                assertThat(got.get("head").get("seq").asLong()).isEqualTo(120);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(3);
        JsonNode byAddr = get("/api/v1/outputs", "addrs=2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjf");
        assertThat(byAddr.get("head_outputs")).hasSize(1);
        assertThat(byAddr.get("outgoing_outputs")).isEmpty();
        assertThat(byAddr.get("incoming_outputs")).isEmpty();
    }

    @Test
    void balanceOfAnAddressUntouchedSinceBlockOne() throws Exception {
        JsonNode want = golden("balance-2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjf.golden");
        JsonNode got = get("/api/v1/balance", "addrs=2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjf");
        assertThat(got.get("confirmed").get("coins")).isEqualTo(want.get("confirmed").get("coins"));
        assertThat(got.get("predicted").get("coins")).isEqualTo(want.get("predicted").get("coins"));
        assertThat(got.get("addresses").propertyNames()).containsExactly("2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjf");
    }

    @Test
    void metadataProgressAndCounts() {
        JsonNode meta = get("/api/v1/blockchain/metadata", null);
        assertThat(meta.get("head").get("seq").asLong()).isEqualTo(120);
        assertThat(meta.get("head").get("block_hash").asString()).startsWith("644bd4cc");
        assertThat(meta.get("unspents").asLong()).isEqualTo(node.storedHead().unspentCount());
        JsonNode progress = get("/api/v1/blockchain/progress", null);
        assertThat(progress.get("current").asLong()).isEqualTo(120);
        assertThat(progress.get("highest").asLong()).isEqualTo(120);
        assertThat(progress.get("peers")).isEmpty();
        assertThat(get("/api/v1/addresscount", null).get("count").asLong()).isPositive();
        JsonNode supply = get("/api/v1/coinSupply", null);
        assertThat(supply.get("total_supply").asString()).isEqualTo("25000000.000000");
        JsonNode health = get("/api/v1/health", null);
        assertThat(health.get("blockchain").get("head").get("seq").asLong()).isEqualTo(120);
        assertThat(health.get("user_verify_transaction").get("burn_factor").asInt()).isEqualTo(10);
    }

    @Test
    void badRequestsGetClearErrors() {
        assertThat(api.handle("GET", "/api/v1/block", "seq=abc", null, null, new byte[0]).status()).isEqualTo(400);
        assertThat(api.handle("GET", "/api/v1/block", "seq=121", null, null, new byte[0]).status()).isEqualTo(404);
        assertThat(api.handle("GET", "/api/v1/block", "", null, null, new byte[0]).status()).isEqualTo(400);
        assertThat(api.handle("GET", "/api/v1/outputs", "addrs=x&hashes=y", null, null, new byte[0]).status()).isEqualTo(400);
        assertThat(api.handle("GET", "/api/v1/balance", "addrs=notAnAddress", null, null, new byte[0]).status()).isEqualTo(400);
        assertThat(api.handle("GET", "/api/v1/transaction", "txid=00", null, null, new byte[0]).status()).isEqualTo(400);
        assertThat(api.handle("GET", "/api/v1/nope", null, null, null, new byte[0]).status()).isEqualTo(404);
        assertThat(api.handle("DELETE", "/api/v1/block", null, null, null, new byte[0]).status()).isEqualTo(405);
    }

    @Test
    void postsNeedTheCsrfToken() throws Exception {
        byte[] body = "{\"address\":\"2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjf\"}".getBytes(StandardCharsets.UTF_8);
        ApiResponse refused = api.handle("POST", "/api/v2/address/verify", null, null, "application/json", body);
        assertThat(refused.status()).isEqualTo(403);
        ApiResponse wrong = api.handle("POST", "/api/v2/address/verify", null, "bogus", "application/json", body);
        assertThat(wrong.status()).isEqualTo(403);
        String token = get("/api/v1/csrf", null).get("csrf_token").asString();
        ApiResponse ok = api.handle("POST", "/api/v2/address/verify", null, token, "application/json", body);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(JSON.readTree(JSON.writeValueAsString(ok.body())).get("data")).isEqualTo(golden("verify-address.golden"));
        byte[] bad = "{\"address\":\"2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjg\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(api.handle("POST", "/api/v2/address/verify", null, token, "application/json", bad).status()).isEqualTo(422);
        assertThat(api.handle("POST", "/api/v1/injectTransaction", null, token, "application/json",
                "{\"rawtx\":\"zz\"}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(api.handle("POST", "/api/v1/injectTransaction", null, token, "application/json",
                "not json".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(node.pool().size()).isZero();
    }

    @Test
    void verifyAnEmptyTransactionLikeSkycoin() throws Exception {
        String token = get("/api/v1/csrf", null).get("csrf_token").asString();
        String empty = "00".repeat(49);
        byte[] body = ("{\"unsigned\":true,\"encoded_transaction\":\"" + empty + "\"}").getBytes(StandardCharsets.UTF_8);
        ApiResponse r = api.handle("POST", "/api/v2/transaction/verify", null, token, "application/json", body);
        JsonNode got = JSON.readTree(JSON.writeValueAsString(r.body()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(got.get("data")).isEqualTo(golden("verify-transaction-invalid-empty.golden"));
        assertThat(got.get("error").get("code").asInt()).isEqualTo(422);
    }
}
