package io.skyx.node.api;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.service.ChainGenerator;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone HTTP server: a publisher takes a transaction over REST and confirms it in its next block. */
class ApiServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void injectOverHttpThenConfirm(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("api-server");
        gen.nextBlock(2);
        NodeConfig cfg = NodeConfig.publisher(dir, gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of());
        try (SkycoinNode node = SkycoinNode.open(cfg);
             ApiServer server = new ApiServer(new SkycoinApi(node), new InetSocketAddress("127.0.0.1", 0))) {
            for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
                assertThat(node.applyBlock(b).ok()).isTrue();
            }
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).get("blockchain").get("head").get("seq").asLong()).isEqualTo(1);

            Transaction t = gen.split(gen.takeSpendable(), gen.headTime());
            String body = "{\"rawtx\":\"" + HexFormat.of().formatHex(TransactionCodec.INSTANCE.encode(t))
                    + "\",\"no_broadcast\":true}";
            HttpResponse<String> noToken = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/injectTransaction"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(node.pool().size()).isZero();

            String token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/csrf"))).body())
                    .get("csrf_token").asString();
            HttpResponse<String> injected = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/injectTransaction"))
                    .header("X-CSRF-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(injected.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(injected.body()).asString()).isEqualTo(t.txid().toString());

            JsonNode pending = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pendingTxs"))).body());
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).get("transaction").get("txid").asString()).isEqualTo(t.txid().toString());
            assertThat(pending.get(0).get("is_valid").asBoolean()).isTrue();

            assertThat(node.createBlock()).isPresent();
            JsonNode tx = JSON.readTree(send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/transaction?txid=" + t.txid()))).body());
            assertThat(tx.get("status").get("confirmed").asBoolean()).isTrue();
            assertThat(tx.get("status").get("block_seq").asLong()).isEqualTo(2);
            assertThat(JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pendingTxs"))).body())).isEmpty();

            HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/injectTransaction"))
                    .header("X-CSRF-Token", token).POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).startsWith("400 Bad Request - Transaction violates hard").endsWith("\n");
            assertThat(again.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        }
    }
}
