package io.skyx.node.api;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13's differences that need a live pool, live peers or a clock: on a private chain. */
class PrivateChainParityTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T12:00:00.123456789Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static JsonNode json(ApiResponse r) {
        return JSON.readTree(new String(r.bytes(), StandardCharsets.UTF_8));
    }

    private static SkycoinNode publisherWithChain(Path dir, ChainGenerator gen, int blocks) throws Exception {
        for (int i = 0; i < blocks; i++) {
            gen.nextBlock(2);
        }
        SkycoinNode node = SkycoinNode.open(NodeConfig.publisher(dir, gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of()));
        for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
            assertThat(node.applyBlock(b).ok()).isTrue();
        }
        return node;
    }

    @Test
    void unfilteredOutputsShowThePendingTransactionsIncomingOutputs(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("parity-incoming");
        try (SkycoinNode node = publisherWithChain(dir, gen, 2)) {
            SkycoinApi api = new SkycoinApi(node);
            UxOut coin = gen.takeSpendable();
            Transaction t = gen.split(coin, gen.headTime());
            assertThat(node.inject(t, true).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
            JsonNode all = json(api.handle("GET", "/api/v1/outputs", null, null, null, new byte[0]));
            List<String> incoming = new ArrayList<>();
            all.get("incoming_outputs").forEach(o -> incoming.add(o.get("hash").asString()));
            List<String> want = new ArrayList<>();
            for (int i = 0; i < t.outputs().size(); i++) {
                want.add(t.outputId(i).toString());
            }
            assertThat(incoming).containsExactlyInAnyOrderElementsOf(want).isNotEmpty();
            assertThat(all.get("outgoing_outputs")).hasSize(1);
            assertThat(all.get("outgoing_outputs").get(0).get("hash").asString()).isEqualTo(coin.id().toString());
            JsonNode byHash = json(api.handle("GET", "/api/v1/outputs", "hashes=" + want.getFirst(), null, null,
                    new byte[0]));
            assertThat(byHash.get("incoming_outputs")).hasSize(1);
            assertThat(byHash.get("head_outputs")).isEmpty();
        }
    }

    @Test
    void csrfTokensHaveSkycoinsSignedFormatAndLifetime(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("parity-csrf");
        MovableClock clock = new MovableClock();
        try (SkycoinNode node = publisherWithChain(dir, gen, 1)) {
            SkycoinApi api = new SkycoinApi(node, clock);
            String token = json(api.handle("GET", "/api/v1/csrf", null, null, null, new byte[0]))
                    .get("csrf_token").asString();
            String[] parts = token.split("\\.");
            assertThat(parts).hasSize(2);
            assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
            JsonNode inner = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            assertThat(inner.propertyNames()).containsExactly("Nonce", "ExpiresAt");
            assertThat(Base64.getDecoder().decode(inner.get("Nonce").asString())).hasSize(64);
            assertThat(inner.get("ExpiresAt").asString()).isEqualTo("2026-12-01T12:00:30.123456789Z");

            byte[] body = "{\"address\":\"2THDupTBEo7UqB6dsVizkYUvkKq82Qn4gjf\"}".getBytes(StandardCharsets.UTF_8);
            String v2 = "/api/v2/address/verify";
            assertThat(api.handle("POST", v2, null, token, "application/json", body).status()).isEqualTo(200);
            assertThat(api.handle("POST", v2, null, token, "application/json", body).status()).isEqualTo(200);
            ApiResponse forged = api.handle("POST", v2, null, parts[0] + "." + "A".repeat(43), "application/json", body);
            assertThat(forged.status()).isEqualTo(403);
            assertThat(json(forged).get("error").get("message").asString()).isEqualTo("invalid CSRF token signature");
            ApiResponse none = api.handle("POST", "/api/v1/injectTransaction", null, null, "application/json", body);
            assertThat(none.status()).isEqualTo(403);
            assertThat(none.body().asString()).isEqualTo("403 Forbidden - invalid CSRF token");
            clock.advance(Duration.ofSeconds(31));
            ApiResponse expired = api.handle("POST", "/api/v1/injectTransaction", null, token, "application/json", body);
            assertThat(expired.status()).isEqualTo(403);
            assertThat(expired.body().asString()).isEqualTo("403 Forbidden - csrf token expired");
            assertThat(node.pool().size()).isZero();
        }
    }

    @Test
    void healthAndConnectionsCarrySkycoinsFields(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("parity-health");
        NodeConfig folCfgBase;
        try (SkycoinNode pub = publisherWithChain(dir.resolve("pub"), gen, 1)) {
            pub.start();
            int port = pub.daemon().orElseThrow().port();
            folCfgBase = NodeConfig.follower(dir.resolve("fol"), gen.params(), new InetSocketAddress("127.0.0.1", 0),
                    List.of(new InetSocketAddress("127.0.0.1", port))).withFastTimers(Duration.ofMillis(200));
            try (SkycoinNode fol = SkycoinNode.open(folCfgBase)) {
                fol.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (fol.status().peers() < 1 || pub.status().peers() < 1) {
                    assertThat(System.nanoTime()).as("peers introduced").isLessThan(deadline);
                    Thread.sleep(20);
                }
                SkycoinApi api = new SkycoinApi(fol);
                JsonNode conns = json(api.handle("GET", "/api/v1/network/connections", null, null, null, new byte[0]));
                JsonNode c = conns.get("connections").get(0);
                assertThat(c.propertyNames()).containsExactly("id", "address", "last_sent", "last_received",
                        "connected_at", "outgoing", "state", "mirror", "listen_port", "height", "user_agent",
                        "is_trusted_peer", "unconfirmed_verify_transaction");
                long now = Instant.now().getEpochSecond();
                assertThat(c.get("connected_at").asLong()).isBetween(now - 120, now + 1);
                assertThat(c.get("last_received").asLong()).isBetween(c.get("connected_at").asLong(), now + 1);
                assertThat(c.get("last_sent").asLong()).isBetween(c.get("connected_at").asLong(), now + 1);
                assertThat(c.get("mirror").asLong()).isBetween(0L, 0xFFFF_FFFFL);
                assertThat(c.get("outgoing").asBoolean()).isTrue();
                assertThat(c.get("state").asString()).isEqualTo("introduced");
                assertThat(c.get("is_trusted_peer").asBoolean()).isTrue();
                assertThat(c.get("address").asString()).isEqualTo("127.0.0.1:" + port);

                JsonNode h = json(api.handle("GET", "/api/v1/health", null, null, null, new byte[0]));
                assertThat(h.propertyNames()).containsExactly("blockchain", "version", "coin", "user_agent",
                        "open_connections", "outgoing_connections", "incoming_connections", "uptime", "csrf_enabled",
                        "header_check_enabled", "csp_enabled", "wallet_api_enabled", "gui_enabled", "block_publisher",
                        "user_verify_transaction", "unconfirmed_verify_transaction", "started_at", "fiber");
                assertThat(h.get("uptime").asString()).matches("(\\d+h)?(\\d+m)?\\d+(\\.\\d+)?(s|ms|µs|ns)");
                assertThat(h.get("blockchain").get("time_since_last_block").asString()).matches("(\\d+h)?(\\d+m)?\\d+s");
                assertThat(h.get("fiber").get("bip44_coin").asInt()).isEqualTo(8000);
                assertThat(h.get("open_connections").asInt()).isEqualTo(1);
                assertThat(h.get("outgoing_connections").asInt()).isEqualTo(1);
                assertThat(h.get("block_publisher").asBoolean()).isFalse();
            }
        }
    }
}
