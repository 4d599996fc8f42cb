package io.skyx.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.SkyxApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform exactly as the README's run command starts it (profile {@code local}, every default embedded):
 * PostgreSQL started by the app, the in-process Kafka broker, the embedded Skycoin node publishing a private
 * chain, and the web UI, all healthy together; only the data directory is a fresh temporary one.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LocalPlatformIT {

    private static final Pattern TOKEN = Pattern.compile("\"csrf_token\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("skyx-local-platform");
        registry.add("skyx.embedded-postgres.data-dir", () -> dir.resolve("pg").toString());
        registry.add("skyx.kafka.embedded.dir", () -> dir.resolve("kafka").toString());
        registry.add("skyx.node.data-dir", () -> dir.resolve("skycoin").toString());
        registry.add("skyx.custody.btc.bcoin.data-dir", () -> dir.resolve("bcoin").toString());
    }

    @Test
    void everyEmbeddedServiceIsUpAndServed() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<!doctype html");

        HttpResponse<String> node = get("/skycoin/api/v1/health");
        assertThat(node.statusCode()).as(node.body()).isEqualTo(200);
        assertThat(node.body()).contains("\"blockchain\"");
    }

    @Test
    void theNodeApiIsGuardedBySkycoinsOwnCsrfTokenNotTheBrowserSession() throws Exception {
        String rawTx = "{\"rawtx\":\"00\"}";
        HttpResponse<String> noToken = post("/skycoin/api/v1/injectTransaction", rawTx, null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("invalid CSRF token");

        Matcher m = TOKEN.matcher(get("/skycoin/api/v1/csrf").body());
        assertThat(m.find()).as("the node issues a CSRF token").isTrue();
        HttpResponse<String> badTx = post("/skycoin/api/v1/injectTransaction", rawTx, m.group(1));
        assertThat(badTx.statusCode()).as(badTx.body()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String csrfToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            b.header("X-CSRF-Token", csrfToken);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
