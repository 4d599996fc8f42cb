package io.skyx.api.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The app boots on its own test database and serves health, metrics, OpenAPI and the public market list. */
class ApplicationBootIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsOnItsOwnFreshTestDatabaseWithTheMigrationsApplied() {
        assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("skyx_t");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success and "
                + "description = 'trading'", Long.class)).isEqualTo(1);
    }

    @Test
    void healthIsUpAndPrometheusShowsTheJournal() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(TestBrowser.json(health.body()).path("status").asString()).isEqualTo("UP");
        HttpResponse<String> prom = get("/actuator/prometheus");
        assertThat(prom.statusCode()).isEqualTo(200);
        assertThat(prom.body()).contains("skyx_sequencer_queue").contains("skyx_journal_commit");
    }

    @Test
    void openApiDocumentsTheApiAndItsErrorShape() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = TestBrowser.json(docs.body());
        for (String path : new String[] {"/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/balances",
            "/api/v1/ledger", "/api/v1/my-trades", "/api/v1/markets", "/api/v1/markets/{id}/orderbook",
            "/api/v1/markets/{id}/trades", "/api/v1/markets/{id}/candles", "/api/v1/markets/{id}/ticker",
            "/api/v1/admin/state", "/api/v1/faucet"}) {
            assertThat(api.path("paths").has(path)).as(path).isTrue();
        }
        assertThat(api.path("components").path("schemas").path("Detail").toString()).contains("INSUFFICIENT_FUNDS");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void publicMarketDataNeedsNoLogin() throws Exception {
        JsonNode markets = TestBrowser.json(get("/api/v1/markets").body());
        assertThat(markets.get(0).path("id").asString()).isEqualTo("SKY-BTC");
        assertThat(markets.get(0).path("priceStep").asString()).isEqualTo("0.00000001");
        assertThat(markets.get(0).path("takerFee").asString()).isEqualTo("0.002");
        JsonNode ticker = TestBrowser.json(get("/api/v1/markets/SKY-BTC/ticker").body());
        assertThat(ticker.path("market").asString()).isEqualTo("SKY-BTC");
        assertThat(get("/api/v1/markets/SKY-BTC/candles").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/balances").statusCode()).isEqualTo(401);
    }
}
