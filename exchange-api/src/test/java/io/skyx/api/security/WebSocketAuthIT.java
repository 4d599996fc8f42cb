package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The WebSocket handshake authenticated with signed API-key headers: private channels carry only the key
 * owner's data; a bad or replayed signed handshake is refused before the upgrade; no credentials → error on
 * private channels.
 */
class WebSocketAuthIT extends IntegrationTestBase {

    private static final String PASSWORD = "correct horse battery";

    /** A WebSocket client that connects with the given handshake headers and collects JSON messages. */
    private static final class Socket implements AutoCloseable {
        final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        final WebSocket ws;

        Socket(int port, Map<String, String> headers) {
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            headers.forEach(b::header);
            ws = b.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        inbox.add(Json.parse(partial.toString()));
                        partial.setLength(0);
                    }
                    w.request(1);
                    return null;
                }
            }).join();
        }

        void send(String text) {
            ws.sendText(text, true).join();
        }

        JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                JsonNode m = inbox.poll(50, TimeUnit.MILLISECONDS);
                if (m != null && p.test(m)) {
                    return m;
                }
            }
            throw new AssertionError("no matching WebSocket message within 10 s");
        }

        @Override
        public void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }

    private record Bot(BrowserClient browser, SignedClient signed) { }

    private Bot fundedBot() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        String email = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
        assertThat(b.signup(email, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(b.send("POST", "/api/v1/faucet", "{}").statusCode()).isEqualTo(200);
        JsonNode created = Json.parse(b.send("POST", "/api/v1/api-keys", "{}").body());
        return new Bot(b, new SignedClient(url(""), created.path("key").asString(), created.path("secret").asString()));
    }

    private static Map<String, String> signedHandshake(SignedClient.Signed s, String key) {
        return Map.of("X-SKYX-APIKEY", key, "X-SKYX-TIMESTAMP", s.timestamp(), "X-SKYX-SIGNATURE", s.signature());
    }

    /** A sell at 0.5 BTC per SKY, which no faucet-funded user can take: it only locks the seller's SKY. */
    private static String placeSell(SignedClient bot, String amount) throws Exception {
        HttpResponse<String> r = bot.send("POST", "/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"sell\","
                + "\"type\":\"limit\",\"price\":\"0.50000000\",\"amount\":\"" + amount + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).path("id").asString();
    }

    @Test
    void aSignedHandshakeSeesOnlyItsOwnersPrivateData() throws Exception {
        Bot alice = fundedBot();
        Bot bob = fundedBot();
        SignedClient.Signed aliceHs = alice.signed().sign("GET", "/ws", null, System.currentTimeMillis());
        SignedClient.Signed bobHs = bob.signed().sign("GET", "/ws", null, System.currentTimeMillis());
        try (Socket a = new Socket(port, signedHandshake(aliceHs, alice.signed().key()));
             Socket b = new Socket(port, signedHandshake(bobHs, bob.signed().key()))) {
            for (Socket s : new Socket[] {a, b}) {
                s.send("{\"op\":\"subscribe\",\"channel\":\"orders\"}");
                s.send("{\"op\":\"subscribe\",\"channel\":\"balances\"}");
                s.send("{\"op\":\"ping\"}");
                s.await(m -> "pong".equals(m.path("type").asString()));
                assertThat(s.inbox).noneMatch(m -> "error".equals(m.path("type").asString()));
            }
            String bobOrder = placeSell(bob.signed(), "3");
            assertThat(b.await(m -> "orders".equals(m.path("channel").asString())).path("id").asString())
                    .isEqualTo(bobOrder);
            String aliceOrder = placeSell(alice.signed(), "5");
            JsonNode aliceFirst = a.await(m -> "orders".equals(m.path("channel").asString()));
            assertThat(aliceFirst.path("id").asString()).as("Bob's earlier order never reached Alice")
                    .isEqualTo(aliceOrder);
            JsonNode aliceBalance = a.await(m -> "balances".equals(m.path("channel").asString()));
            JsonNode aliceRest = Json.parse(alice.browser().get("/api/v1/balances").body());
            assertThat(aliceBalance.path("asset").asString()).isEqualTo("SKY");
            assertThat(aliceBalance.path("used").asString()).as("Alice's own lock, as REST shows it to her")
                    .isEqualTo(aliceRest.path("SKY").path("used").asString()).isEqualTo("5");
            assertThat(a.inbox).noneMatch(m -> bobOrder.equals(m.path("id").asString()));
            assertThat(b.inbox).noneMatch(m -> aliceOrder.equals(m.path("id").asString()));
            assertThat(alice.signed().send("DELETE", "/api/v1/orders/" + aliceOrder, null).statusCode()).isEqualTo(200);
            assertThat(bob.signed().send("DELETE", "/api/v1/orders/" + bobOrder, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void badExpiredOrReplayedSignedHandshakesAreRefused() throws Exception {
        Bot carol = fundedBot();
        String key = carol.signed().key();
        long now = System.currentTimeMillis();
        SignedClient.Signed wrongPath = carol.signed().sign("GET", "/ws?x=1", null, now);
        assertRefused(signedHandshake(wrongPath, key));
        SignedClient.Signed expired = carol.signed().sign("GET", "/ws", null, now - 60_000);
        assertRefused(signedHandshake(expired, key));

        SignedClient.Signed good = carol.signed().sign("GET", "/ws", null, now);
        try (Socket s = new Socket(port, signedHandshake(good, key))) {
            s.send("{\"op\":\"subscribe\",\"channel\":\"balances\"}");
            s.send("{\"op\":\"ping\"}");
            s.await(m -> "pong".equals(m.path("type").asString()));
            assertThat(s.inbox).noneMatch(m -> "error".equals(m.path("type").asString()));
        }
        assertRefused(signedHandshake(good, key));
    }

    @Test
    void noCredentialsMeansNoPrivateChannels() throws Exception {
        try (Socket s = new Socket(port, Map.of())) {
            s.send("{\"op\":\"subscribe\",\"channel\":\"orders\"}");
            assertThat(s.await(m -> "error".equals(m.path("type").asString())).path("code").asString())
                    .isEqualTo("UNAUTHENTICATED");
        }
    }

    private void assertRefused(Map<String, String> headers) {
        assertThatThrownBy(() -> new Socket(port, headers).close())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
    }
}
