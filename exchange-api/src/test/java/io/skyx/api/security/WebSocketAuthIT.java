package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestSocket;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The WebSocket handshake authenticated with signed API-key headers: private channels carry only the key
 * owner's data; a bad or replayed signed handshake is refused before the upgrade; no credentials → error on
 * private channels.
 */
class WebSocketAuthIT extends IntegrationTestBase {

    private static final String PASSWORD = "correct horse battery";

    private record Bot(BrowserClient browser, SignedClient signed) { }

    private Bot fundedBot() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        String email = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
        assertThat(b.signup(email, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(b.send("POST", "/api/v1/test-funds", "{}").statusCode()).isEqualTo(200);
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
        try (TestSocket a = TestSocket.withHeaders(port, signedHandshake(aliceHs, alice.signed().key()));
             TestSocket b = TestSocket.withHeaders(port, signedHandshake(bobHs, bob.signed().key()))) {
            for (TestSocket s : new TestSocket[] {a, b}) {
                s.send("{\"op\":\"subscribe\",\"channel\":\"orders\"}");
                s.send("{\"op\":\"subscribe\",\"channel\":\"balances\"}");
                s.send("{\"op\":\"ping\"}");
                s.await(m -> "pong".equals(m.path("type").asString()));
                assertThat(s.inbox()).noneMatch(m -> "error".equals(m.path("type").asString()));
            }
            String bobOrder = placeSell(bob.signed(), "3");
            assertThat(b.await(m -> "orders".equals(m.path("channel").asString())
                    && "order".equals(m.path("type").asString())).path("id").asString())
                    .isEqualTo(bobOrder);
            String aliceOrder = placeSell(alice.signed(), "5");
            JsonNode aliceFirst = a.await(m -> "orders".equals(m.path("channel").asString())
                    && "order".equals(m.path("type").asString()));
            assertThat(aliceFirst.path("id").asString()).as("Bob's earlier order never reached Alice")
                    .isEqualTo(aliceOrder);
            JsonNode aliceBalance = a.await(m -> "balances".equals(m.path("channel").asString())
                    && "balance".equals(m.path("type").asString()));
            JsonNode aliceRest = Json.parse(alice.browser().get("/api/v1/balances").body());
            assertThat(aliceBalance.path("asset").asString()).isEqualTo("SKY");
            assertThat(aliceBalance.path("used").asString()).as("Alice's own lock, as REST shows it to her")
                    .isEqualTo(aliceRest.path("SKY").path("used").asString()).isEqualTo("5");
            assertThat(a.inbox()).noneMatch(m -> bobOrder.equals(m.path("id").asString()));
            assertThat(b.inbox()).noneMatch(m -> aliceOrder.equals(m.path("id").asString()));
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
        try (TestSocket s = TestSocket.withHeaders(port, signedHandshake(good, key))) {
            s.send("{\"op\":\"subscribe\",\"channel\":\"balances\"}");
            s.send("{\"op\":\"ping\"}");
            s.await(m -> "pong".equals(m.path("type").asString()));
            assertThat(s.inbox()).noneMatch(m -> "error".equals(m.path("type").asString()));
        }
        assertRefused(signedHandshake(good, key));
    }

    @Test
    void noCredentialsMeansNoPrivateChannels() throws Exception {
        try (TestSocket s = TestSocket.withHeaders(port, Map.of())) {
            s.send("{\"op\":\"subscribe\",\"channel\":\"orders\"}");
            assertThat(s.await(m -> "error".equals(m.path("type").asString())).path("code").asString())
                    .isEqualTo("UNAUTHENTICATED");
        }
    }

    private void assertRefused(Map<String, String> headers) {
        assertThatThrownBy(() -> TestSocket.withHeaders(port, headers).close())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
    }
}
