package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API-key permissions, IP allow-lists and expiry against the running app and a real PostgreSQL. */
class ApiKeyScopeIT extends IntegrationTestBase {

    private static final String PASSWORD = "correct horse battery";
    private static final String ORDER = "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\","
            + "\"price\":\"0.00000100\",\"amount\":\"1\"}";

    private BrowserClient signedUpBrowser() throws Exception {
        BrowserClient b = new BrowserClient(url(""));
        String email = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
        assertThat(b.signup(email, PASSWORD).statusCode()).isEqualTo(201);
        return b;
    }

    private SignedClient newKey(BrowserClient b, String body) throws Exception {
        HttpResponse<String> r = b.send("POST", "/api/v1/api-keys", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = Json.parse(r.body());
        return new SignedClient(url(""), created.path("key").asString(), created.path("secret").asString());
    }

    @Test
    void aKeyDoesOnlyWhatItsPermissionsAllowAndIsListedWithThem() throws Exception {
        BrowserClient b = signedUpBrowser();
        b.send("POST", "/api/v1/test-funds", "{}");
        SignedClient reader = newKey(b, "{\"label\":\"reader\",\"permissions\":[\"read\"]}");
        SignedClient trader = newKey(b, "{\"label\":\"trader\"}");

        assertThat(reader.send("GET", "/api/v1/balances", null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = reader.send("POST", "/api/v1/orders", ORDER);
        assertError(refused, 403, "FORBIDDEN");
        assertThat(Json.parse(refused.body()).path("error").path("message").asString()).contains("'trade'");
        assertError(reader.send("DELETE", "/api/v1/orders?market=SKY-BTC", null), 403, "FORBIDDEN");
        assertThat(reader.send("GET", "/api/v1/orders?market=SKY-BTC", null).body())
                .as("nothing was placed").isEqualTo("[]");

        String withdraw = "{\"asset\":\"BTC\",\"address\":\"bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080\","
                + "\"amount\":\"0.001\"}";
        assertError(trader.send("POST", "/api/v1/withdrawals", withdraw), 403, "FORBIDDEN");
        HttpResponse<String> placed = trader.send("POST", "/api/v1/orders", ORDER);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);

        JsonNode keys = Json.parse(b.get("/api/v1/api-keys").body());
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.get(0).path("permissions").toString()).isEqualTo("[\"read\"]");
        assertThat(keys.get(1).path("permissions").toString()).isEqualTo("[\"read\",\"trade\"]");
        assertThat(keys.get(1).path("ipAllowList").toString()).isEqualTo("[]");
        assertThat(keys.get(1).path("expiresAt").isNull() || keys.get(1).path("expiresAt").isMissingNode()).isTrue();
    }

    @Test
    void aKeyWorksOnlyFromItsAllowedAddressesAndUntilItExpires() throws Exception {
        BrowserClient b = signedUpBrowser();
        SignedClient elsewhere = newKey(b, "{\"ipAllowList\":[\"203.0.113.0/24\"]}");
        SignedClient local = newKey(b, "{\"ipAllowList\":[\"127.0.0.1\",\"::1\"]}");
        assertError(elsewhere.send("GET", "/api/v1/balances", null), 403, "FORBIDDEN");
        assertThat(local.send("GET", "/api/v1/balances", null).statusCode()).isEqualTo(200);

        String soon = Instant.now().plus(3, ChronoUnit.SECONDS).toString();
        SignedClient shortLived = newKey(b, "{\"expiresAt\":\"" + soon + "\"}");
        assertThat(shortLived.send("GET", "/api/v1/balances", null).statusCode()).isEqualTo(200);
        Thread.sleep(Math.max(0, Instant.parse(soon).toEpochMilli() - System.currentTimeMillis()) + 200);
        assertError(shortLived.send("GET", "/api/v1/balances", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void aBadScopeIsRefusedNamingTheFieldAndCreatesNoKey() throws Exception {
        BrowserClient b = signedUpBrowser();
        assertField(b.send("POST", "/api/v1/api-keys", "{\"permissions\":[\"admin\"]}"), "permissions");
        assertField(b.send("POST", "/api/v1/api-keys", "{\"permissions\":[]}"), "permissions");
        assertField(b.send("POST", "/api/v1/api-keys", "{\"ipAllowList\":[\"example.com\"]}"), "ipAllowList");
        assertField(b.send("POST", "/api/v1/api-keys", "{\"expiresAt\":\"2001-01-01T00:00:00Z\"}"), "expiresAt");
        assertField(b.send("POST", "/api/v1/api-keys", "{\"expiresAt\":\"next week\"}"), "expiresAt");
        assertThat(b.get("/api/v1/api-keys").body()).isEqualTo("[]");
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertError(r, 400, "BAD_REQUEST");
        assertThat(Json.parse(r.body()).path("error").path("field").asString()).isEqualTo(field);
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(Json.errorCode(r.body())).as(r.body()).isEqualTo(code);
    }
}
