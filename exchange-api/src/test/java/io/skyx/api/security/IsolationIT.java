package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * User A cannot see, cancel or move user B's orders or funds over REST, neither from a browser session nor
 * with an API key; refused signed requests place nothing.
 */
class IsolationIT extends IntegrationTestBase {

    private static final String PASSWORD = "correct horse battery";
    /** A sell no faucet-funded user can take (0.5 BTC per SKY): it stays open whatever other tests left in the book. */
    private static final String SELL = "{\"market\":\"SKY-BTC\",\"side\":\"sell\",\"type\":\"limit\","
            + "\"price\":\"0.50000000\",\"amount\":\"10\",\"timeInForce\":\"GTC\"}";

    private BrowserClient fundedUser() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        String email = "i" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
        assertThat(b.signup(email, PASSWORD).statusCode()).isEqualTo(201);
        HttpResponse<String> faucet = b.send("POST", "/api/v1/test-funds", "{}");
        assertThat(faucet.statusCode()).as(faucet.body()).isEqualTo(200);
        return b;
    }

    private SignedClient botOf(BrowserClient b) throws Exception {
        HttpResponse<String> r = b.send("POST", "/api/v1/api-keys", "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = Json.parse(r.body());
        return new SignedClient(url(""), created.path("key").asString(), created.path("secret").asString());
    }

    private static List<String> ids(String jsonArray) {
        List<String> ids = new ArrayList<>();
        Json.parse(jsonArray).forEach(n -> ids.add(n.path("id").asString()));
        return ids;
    }

    @Test
    void oneUserCannotSeeCancelOrMoveAnotherUsersOrdersOrFunds() throws Exception {
        BrowserClient alice = fundedUser();
        BrowserClient bob = fundedUser();
        SignedClient bobBot = botOf(bob);

        HttpResponse<String> placed = alice.send("POST", "/api/v1/orders", SELL);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String aliceOrder = Json.parse(placed.body()).path("id").asString();
        String aliceBalances = alice.get("/api/v1/balances").body();
        String aliceLedger = alice.get("/api/v1/ledger").body();
        String bobBalances = bob.get("/api/v1/balances").body();
        assertThat(Json.parse(aliceBalances).path("SKY").path("used").asString()).isEqualTo("10");
        assertThat(Json.parse(bobBalances).path("SKY").path("used").asString()).isIn("0", "0.000000");

        // Bob's browser session
        assertUnknownOrder(bob.get("/api/v1/orders/" + aliceOrder));
        assertUnknownOrder(bob.send("DELETE", "/api/v1/orders/" + aliceOrder, null));
        assertThat(ids(bob.get("/api/v1/orders").body())).doesNotContain(aliceOrder);
        assertThat(ids(bob.get("/api/v1/orders?status=open").body())).doesNotContain(aliceOrder);
        HttpResponse<String> cancelAll = bob.send("DELETE", "/api/v1/orders?market=SKY-BTC", null);
        assertThat(cancelAll.statusCode()).isEqualTo(200);
        assertThat(ids(cancelAll.body())).doesNotContain(aliceOrder);
        assertThat(bob.get("/api/v1/my-trades").body()).isEqualTo("[]");
        Json.parse(bob.get("/api/v1/ledger").body()).forEach(e ->
                assertThat(e.path("referenceId").asString()).isNotEqualTo(aliceOrder));
        assertThat(bob.get("/api/v1/balances").body()).isEqualTo(bobBalances);

        // Bob's API key
        assertUnknownOrder(bobBot.send("GET", "/api/v1/orders/" + aliceOrder, null));
        assertUnknownOrder(bobBot.send("DELETE", "/api/v1/orders/" + aliceOrder, null));
        assertThat(ids(bobBot.send("GET", "/api/v1/orders", null).body())).doesNotContain(aliceOrder);
        assertThat(bobBot.send("GET", "/api/v1/balances", null).body()).isEqualTo(bobBalances);

        // Alice's order and funds are untouched
        JsonNode still = Json.parse(alice.get("/api/v1/orders/" + aliceOrder).body());
        assertThat(still.path("status").asString()).isEqualTo("open");
        assertThat(alice.get("/api/v1/balances").body()).isEqualTo(aliceBalances);
        assertThat(alice.get("/api/v1/ledger").body()).isEqualTo(aliceLedger);
        HttpResponse<String> ownCancel = alice.send("DELETE", "/api/v1/orders/" + aliceOrder, null);
        assertThat(ownCancel.statusCode()).as("the owner can cancel").isEqualTo(200);
    }

    @Test
    void refusedSignedRequestsPlaceNothing() throws Exception {
        BrowserClient carol = fundedUser();
        SignedClient bot = botOf(carol);
        long now = System.currentTimeMillis();
        SignedClient.Signed place = bot.sign("POST", "/api/v1/orders", SELL, now);

        HttpResponse<String> expired = bot.send(bot.sign("POST", "/api/v1/orders", SELL, now - 60_000));
        assertThat(expired.statusCode()).isEqualTo(401);
        HttpResponse<String> tampered = bot.send(place, SELL.replace("\"10\"", "\"900\""));
        assertThat(Json.errorCode(tampered.body())).isEqualTo("BAD_SIGNATURE");
        assertThat(ids(carol.get("/api/v1/orders").body())).isEmpty();

        HttpResponse<String> first = bot.send(place);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> replay = bot.send(place);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(Json.errorCode(replay.body())).isEqualTo("REPLAYED_REQUEST");
        assertThat(ids(carol.get("/api/v1/orders").body())).hasSize(1);
        String placed = Json.parse(first.body()).path("id").asString();
        assertThat(bot.send("DELETE", "/api/v1/orders/" + placed, null).statusCode()).as("leave the book clean")
                .isEqualTo(200);
    }

    private static void assertUnknownOrder(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(Json.errorCode(r.body())).isEqualTo("UNKNOWN_ORDER");
    }
}
