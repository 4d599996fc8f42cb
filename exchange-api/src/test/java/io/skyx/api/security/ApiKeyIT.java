package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** API keys and signed requests against the running app and a real PostgreSQL. */
class ApiKeyIT extends IntegrationTestBase {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcTemplate jdbc;

    private BrowserClient signedUpBrowser() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        String email = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
        assertThat(b.signup(email, PASSWORD).statusCode()).isEqualTo(201);
        return b;
    }

    private SignedClient newKey(BrowserClient b) throws Exception {
        HttpResponse<String> r = b.send("POST", "/api/v1/api-keys", "{\"label\":\"bot\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = Json.parse(r.body());
        return new SignedClient(url(""), created.path("key").asString(), created.path("secret").asString());
    }

    @Test
    void createListAndDeleteKeysFromTheSessionOnly() throws Exception {
        BrowserClient b = signedUpBrowser();
        SignedClient bot = newKey(b);
        assertThat(bot.key()).matches("[0-9a-f]{32}");

        byte[] stored = jdbc.queryForObject("select secret_box from api_keys where key_id = ?", byte[].class, bot.key());
        assertThat(stored).isNotNull();
        HttpResponse<String> list = b.get("/api/v1/api-keys");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode keys = Json.parse(list.body());
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).path("key").asString()).isEqualTo(bot.key());
        assertThat(keys.get(0).path("label").asString()).isEqualTo("bot");
        assertThat(list.body()).doesNotContain("secret");

        assertThat(bot.send("GET", "/api/v1/noop", null).statusCode()).isEqualTo(200);
        HttpResponse<String> botCreates = bot.send("POST", "/api/v1/api-keys", "{}");
        assertThat(botCreates.statusCode()).isEqualTo(403);
        assertThat(Json.errorCode(botCreates.body())).isEqualTo("FORBIDDEN");
        assertThat(bot.send("GET", "/api/v1/api-keys", null).statusCode()).isEqualTo(403);
        assertThat(bot.send("DELETE", "/api/v1/api-keys/" + bot.key(), null).statusCode()).isEqualTo(403);

        HttpResponse<String> longLabel = b.send("POST", "/api/v1/api-keys", "{\"label\":\"" + "x".repeat(65) + "\"}");
        assertThat(longLabel.statusCode()).isEqualTo(400);
        assertThat(Json.parse(longLabel.body()).path("error").path("field").asString()).isEqualTo("label");
        assertThat(Json.parse(b.get("/api/v1/api-keys").body()).size()).as("nothing created").isEqualTo(1);

        assertThat(b.send("DELETE", "/api/v1/api-keys/" + bot.key(), null).statusCode()).isEqualTo(204);
        HttpResponse<String> afterDelete = bot.send("GET", "/api/v1/noop", null);
        assertThat(afterDelete.statusCode()).isEqualTo(401);
        assertThat(Json.errorCode(afterDelete.body())).isEqualTo("UNAUTHENTICATED");
        assertThat(b.get("/api/v1/api-keys").body()).isEqualTo("[]");
    }

    @Test
    void oneUserCannotSeeOrDeleteAnotherUsersKeys() throws Exception {
        BrowserClient alice = signedUpBrowser();
        BrowserClient bob = signedUpBrowser();
        SignedClient aliceBot = newKey(alice);
        assertThat(bob.get("/api/v1/api-keys").body()).isEqualTo("[]");
        HttpResponse<String> steal = bob.send("DELETE", "/api/v1/api-keys/" + aliceBot.key(), null);
        assertThat(steal.statusCode()).isEqualTo(404);
        assertThat(Json.errorCode(steal.body())).isEqualTo("NOT_FOUND");
        assertThat(aliceBot.send("GET", "/api/v1/noop", null).statusCode()).isEqualTo(200);

        JsonNode me = Json.parse(aliceBot.send("GET", "/api/v1/auth/me", null).body());
        JsonNode aliceMe = Json.parse(alice.get("/api/v1/auth/me").body());
        assertThat(me.path("userId").asString()).matches("[0-9a-f-]{36}").isEqualTo(aliceMe.path("userId").asString());
    }

    @Test
    void unsignedBadExpiredAndReplayedRequestsAreRefused() throws Exception {
        SignedClient bot = newKey(signedUpBrowser());
        long now = System.currentTimeMillis();

        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/noop"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(Json.errorCode(unsigned.body())).isEqualTo("UNAUTHENTICATED");

        SignedClient.Signed good = bot.sign("POST", "/api/v1/noop?x=1", "{\"a\":1}", now);
        SignedClient.Signed badSig = new SignedClient.Signed(good.method(), good.pathWithQuery(), good.body(),
                good.timestamp(), good.signature().substring(0, 63) + (good.signature().endsWith("0") ? "1" : "0"));
        assertError(bot.send(badSig), 401, "BAD_SIGNATURE");
        assertError(bot.send(good, "{\"a\":2}"), 401, "BAD_SIGNATURE");
        SignedClient.Signed otherPath = new SignedClient.Signed("POST", "/api/v1/noop?x=2", good.body(),
                good.timestamp(), good.signature());
        assertError(bot.send(otherPath), 401, "BAD_SIGNATURE");
        SignedClient.Signed upper = new SignedClient.Signed(good.method(), good.pathWithQuery(), good.body(),
                good.timestamp(), good.signature().toUpperCase());
        assertError(bot.send(upper), 401, "BAD_SIGNATURE");

        assertError(bot.send(bot.sign("GET", "/api/v1/noop", null, now - 31_000)), 401, "TIMESTAMP_OUT_OF_WINDOW");
        assertError(bot.send(bot.sign("GET", "/api/v1/noop", null, now + 31_000)), 401, "TIMESTAMP_OUT_OF_WINDOW");

        HttpResponse<String> first = bot.send(good);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertError(bot.send(good), 401, "REPLAYED_REQUEST");

        SignedClient unknownKey = new SignedClient(url(""), "0".repeat(32), "whatever");
        assertError(unknownKey.send("GET", "/api/v1/noop", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void signedRequestsNeedNoCsrfAndOpenNoSession() throws Exception {
        BrowserClient alice = signedUpBrowser();
        SignedClient bot = newKey(alice);
        HttpResponse<String> post = bot.send("POST", "/api/v1/noop", "{\"any\":\"body\"}");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        assertThat(post.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void oversizeSignedBodyIsRefused() throws Exception {
        SignedClient bot = newKey(signedUpBrowser());
        String big = "{\"pad\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> r = bot.send("POST", "/api/v1/noop", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Json.errorCode(r.body())).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(Json.errorCode(r.body())).as(r.body()).isEqualTo(code);
    }
}
