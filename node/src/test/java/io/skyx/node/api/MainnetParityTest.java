package io.skyx.node.api;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.chain.MainnetDistribution;
import io.skyx.node.cipher.Address;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers of issue 13's list on mainnet blocks 0..120, each as Skycoin v0.27.1 computes it (src/api/explorer.go,
 * uxout.go, visor.go VerifyTxnVerbose, util/http/error.go), cross-checked through a second endpoint or the chain.
 */
class MainnetParityTest {
    @TempDir
    static Path dir;
    private static SkycoinNode node;
    private static SkycoinApi api;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void importMainnet() throws Exception {
        Path vectors = RestGoldenTest.shared();
        node = SkycoinNode.open(NodeConfig.follower(dir.resolve("db"), GenesisParams.MAINNET,
                new InetSocketAddress("127.0.0.1", 0), List.of()));
        assertThat(BlockImport.run(node, vectors.resolve("mainnet-blocks-0-120.jsonl"), s -> { }).ok()).isTrue();
        api = new SkycoinApi(node);
    }

    @AfterAll
    static void close() {
        node.close();
    }

    private static ApiResponse call(String path, String query) {
        return api.handle("GET", path, query, null, null, new byte[0]);
    }

    private static JsonNode get(String path, String query) {
        ApiResponse r = call(path, query);
        assertThat(r.status()).as(path + "?" + query + " → " + r.body()).isEqualTo(200);
        assertThat(r.plainText()).isFalse();
        return JSON.readTree(new String(r.bytes(), StandardCharsets.UTF_8));
    }

    private static long droplets(String coins) {
        return new java.math.BigDecimal(coins).movePointRight(6).longValueExact();
    }

    @Test
    void coinSupplyCountsTheDistributionAddressesAsSkycoinDoes() {
        JsonNode s = get("/api/v1/coinSupply", null);
        assertThat(s.propertyNames()).containsExactly("current_supply", "total_supply", "max_supply",
                "current_coinhour_supply", "total_coinhour_supply", "unlocked_distribution_addresses",
                "locked_distribution_addresses");
        assertThat(s.get("total_supply").asString()).isEqualTo("25000000.000000");
        assertThat(s.get("max_supply").asString()).isEqualTo("100000000.000000");
        assertThat(s.get("unlocked_distribution_addresses")).hasSize(25);
        assertThat(s.get("unlocked_distribution_addresses").get(0).asString()).isEqualTo("R6aHqKWSQfvpdo2fGSrq4F1RYXkBWR9HHJ");
        assertThat(s.get("locked_distribution_addresses")).hasSize(75);
        // Cross-check through /outputs: current = 25M SKY minus what the unlocked addresses still hold; coin hours
        // at the head: total excludes locked addresses, current excludes every distribution address.
        Set<String> unlocked = new HashSet<>();
        MainnetDistribution.ADDRESSES.subList(0, 25).forEach(a -> unlocked.add(a.toString()));
        Set<String> locked = new HashSet<>();
        MainnetDistribution.ADDRESSES.subList(25, 100).forEach(a -> locked.add(a.toString()));
        long unlockedHeld = 0;
        long totalHours = 0;
        long currentHours = 0;
        for (JsonNode o : get("/api/v1/outputs", null).get("head_outputs")) {
            String a = o.get("address").asString();
            if (unlocked.contains(a)) {
                unlockedHeld += droplets(o.get("coins").asString());
            }
            if (!locked.contains(a)) {
                totalHours += o.get("calculated_hours").asLong();
                if (!unlocked.contains(a)) {
                    currentHours += o.get("calculated_hours").asLong();
                }
            }
        }
        assertThat(unlockedHeld).isLessThan(25_000_000_000_000L);
        assertThat(droplets(s.get("current_supply").asString())).isEqualTo(25_000_000_000_000L - unlockedHeld);
        assertThat(s.get("total_coinhour_supply").asString()).isEqualTo(Long.toString(totalHours));
        assertThat(s.get("current_coinhour_supply").asString()).isEqualTo(Long.toString(currentHours));
    }

    @Test
    void spentOutputsKeepTheirHoursAndUnspentOnesAccrue() {
        // genesis output, spent by block 1
        JsonNode g = get("/api/v1/uxout", "uxid=043836eb6f29aaeb8b9bfce847e07c159c72b25ae17d291f32125e7f1912e2a0");
        assertThat(g.get("spent_block_seq").asLong()).isEqualTo(1);
        assertThat(g.get("calculated_hours").asLong()).isEqualTo(g.get("hours").asLong());
        // an output spent after it had earned hours: the first input of a block above 2 whose output is old
        int checked = 0;
        long headTime = node.storedHead().block().header().time();
        for (long seq = 2; seq <= 120 && checked < 5; seq++) {
            SignedBlock b = node.store().blockBySeq(seq).orElseThrow();
            for (Transaction t : b.block().body().transactions()) {
                JsonNode u = get("/api/v1/uxout", "uxid=" + t.inputs().getFirst());
                assertThat(u.get("spent_block_seq").asLong()).isEqualTo(seq);
                assertThat(u.get("spent_tx").asString()).isEqualTo(t.txid().toString());
                long accrued = io.skyx.node.coin.CoinHours.at(u.get("coins").asLong(), u.get("hours").asLong(),
                        u.get("time").asLong(), headTime).hours();
                assertThat(accrued).isGreaterThan(u.get("hours").asLong());
                assertThat(u.get("calculated_hours").asLong()).isEqualTo(u.get("hours").asLong());
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void addressUxoutsComeInCreationOrder() {
        // the genesis address received one output (block 0) and change outputs later; every address's list must
        // follow (block seq, position in block), which uxid order generally does not
        Set<String> seen = new HashSet<>();
        int multi = 0;
        for (long seq = 1; seq <= 120; seq++) {
            for (Transaction t : node.store().blockBySeq(seq).orElseThrow().block().body().transactions()) {
                for (var out : t.outputs()) {
                    String a = out.address().toString();
                    if (!seen.add(a)) {
                        continue;
                    }
                    List<String> want = creationOrder(out.address());
                    JsonNode got = get("/api/v1/address_uxouts", "address=" + a);
                    List<String> ids = new ArrayList<>();
                    got.forEach(x -> ids.add(x.get("uxid").asString()));
                    assertThat(ids).as(a).isEqualTo(want);
                    multi += want.size() > 1 ? 1 : 0;
                }
            }
        }
        assertThat(multi).isPositive();
    }

    private static List<String> creationOrder(Address a) {
        List<String> ids = new ArrayList<>();
        for (long seq = 0; seq <= 120; seq++) {
            SignedBlock b = node.store().blockBySeq(seq).orElseThrow();
            for (Transaction t : b.block().body().transactions()) {
                for (var u : ChainStore.createdOutputs(b, t)) {
                    if (u.body().address().equals(a)) {
                        ids.add(u.id().toString());
                    }
                }
            }
        }
        return ids;
    }

    @Test
    void addressCountCountsHoldersOfUnspentOutputs() {
        Set<String> holders = new HashSet<>();
        get("/api/v1/outputs", null).get("head_outputs").forEach(o -> holders.add(o.get("address").asString()));
        long count = get("/api/v1/addresscount", null).get("count").asLong();
        assertThat(count).isEqualTo(holders.size());
        assertThat(count).isLessThan(node.store().addressCount());
    }

    @Test
    void richlistSortsHoldersAndHidesTheDistributionUnlessAsked() {
        JsonNode def = get("/api/v1/richlist", null).get("richlist");
        Set<String> dist = new HashSet<>();
        MainnetDistribution.ADDRESSES.forEach(a -> dist.add(a.toString()));
        assertThat(def.size()).isLessThanOrEqualTo(20);
        long prev = Long.MAX_VALUE;
        for (JsonNode h : def) {
            assertThat(dist).doesNotContain(h.get("address").asString());
            assertThat(h.get("locked").asBoolean()).isFalse();
            long c = droplets(h.get("coins").asString());
            assertThat(c).isLessThanOrEqualTo(prev);
            prev = c;
        }
        assertThat(get("/api/v1/richlist", "n=3").get("richlist")).hasSize(Math.min(3, def.size()));
        JsonNode all = get("/api/v1/richlist", "n=0&include-distribution=true").get("richlist");
        long lockedShown = 0;
        for (JsonNode h : all) {
            boolean isLocked = MainnetDistribution.ADDRESSES.subList(25, 100).stream()
                    .anyMatch(x -> x.toString().equals(h.get("address").asString()));
            assertThat(h.get("locked").asBoolean()).isEqualTo(isLocked);
            lockedShown += isLocked ? 1 : 0;
        }
        assertThat(lockedShown).isEqualTo(75);
        Set<String> holders = new HashSet<>();
        get("/api/v1/outputs", null).get("head_outputs").forEach(o -> holders.add(o.get("address").asString()));
        assertThat(all).hasSize(holders.size());
        ApiResponse bad = call("/api/v1/richlist", "n=x");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(new String(bad.bytes(), StandardCharsets.UTF_8)).isEqualTo("400 Bad Request - invalid n\n");
        assertThat(call("/api/v1/richlist", "include-distribution=maybe").body().asString())
                .isEqualTo("400 Bad Request - invalid include-distribution");
    }

    @Test
    void errorsArePlainTextWithSkycoinsCodesAndWords() {
        ApiResponse unknown = call("/api/v1/uxout", "uxid=" + "0".repeat(64));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.plainText()).isTrue();
        assertThat(unknown.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(new String(unknown.bytes(), StandardCharsets.UTF_8)).isEqualTo("404 Not Found\n");
        assertThat(call("/api/v1/uxout", "uxid=zz").body().asString())
                .isEqualTo("400 Bad Request - encoding/hex: invalid byte: U+007A 'z'");
        assertThat(call("/api/v1/uxout", "uxid=abc").body().asString())
                .isEqualTo("400 Bad Request - encoding/hex: odd length hex string");
        assertThat(call("/api/v1/uxout", "uxid=abcd").body().asString())
                .isEqualTo("400 Bad Request - Invalid hex length");
        assertThat(call("/api/v1/uxout", null).body().asString()).isEqualTo("400 Bad Request - uxid is empty");
        assertThat(call("/api/v1/address_uxouts", "address=notAnAddress").body().asString())
                .isEqualTo("400 Bad Request - Invalid address length");
        assertThat(call("/api/v1/address_uxouts", "address=0OIl").body().asString())
                .isEqualTo("400 Bad Request - Invalid base58 character");
        assertThat(call("/api/v1/address_uxouts", "address=2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjg").body().asString())
                .isEqualTo("400 Bad Request - Invalid checksum");
        ApiResponse method = api.handle("DELETE", "/api/v1/uxout", null, null, null, new byte[0]);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body().asString()).isEqualTo("405 Method Not Allowed");
    }

    @Test
    void verifyingAConfirmedTransactionReportsItSpentWithInputsAtItsBlock() throws Exception {
        String token = get("/api/v1/csrf", null).get("csrf_token").asString();
        JsonNode golden = JSON.readTree(Files.readString(RestGoldenTest.shared().resolve("api")
                .resolve("transaction-encoded-block-101.golden")));
        String raw = golden.get("encoded_transaction").asString();
        byte[] body = ("{\"unsigned\":false,\"encoded_transaction\":\"" + raw + "\"}").getBytes(StandardCharsets.UTF_8);
        ApiResponse r = api.handle("POST", "/api/v2/transaction/verify", null, token, "application/json", body);
        assertThat(r.status()).isEqualTo(422);
        JsonNode got = JSON.readTree(new String(r.bytes(), StandardCharsets.UTF_8));
        assertThat(got.get("error").get("message").asString()).isEqualTo("transaction has been spent");
        assertThat(got.get("error").get("code").asInt()).isEqualTo(422);
        assertThat(got.get("data").get("confirmed").asBoolean()).isTrue();
        SignedBlock b101 = node.store().blockBySeq(101).orElseThrow();
        long parentTime = node.store().blockBySeq(100).orElseThrow().header().time();
        // block 101 holds this one transaction, so its header fee is the fee valued at block 100's time
        assertThat(b101.block().body().transactions()).hasSize(1);
        assertThat(got.get("data").get("transaction").get("fee").asString()).isEqualTo(Long.toString(b101.header().fee()));
        for (JsonNode in : got.get("data").get("transaction").get("inputs")) {
            long want = io.skyx.node.coin.CoinHours.at(droplets(in.get("coins").asString()),
                    Long.parseLong(in.get("hours").asString()), in.get("timestamp").asLong(), parentTime).hours();
            assertThat(in.get("calculated_hours").asString()).isEqualTo(Long.toString(want));
        }
    }
}
