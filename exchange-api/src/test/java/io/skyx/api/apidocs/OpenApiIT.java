package io.skyx.api.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description as bots read it: title, version, the HMAC scheme, every error code, no /error. */
class OpenApiIT extends IntegrationTestBase {

    @Test
    void describesTheApiItsAuthenticationAndErrorCodes() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode doc = TestBrowser.json(r.body());
        assertThat(doc.path("info").path("title").asString()).isEqualTo("SkyX API");
        assertThat(doc.path("info").path("version").asString()).isEqualTo(OpenApiDocs.VERSION);

        JsonNode hmac = doc.path("components").path("securitySchemes").path("hmac");
        assertThat(hmac.path("type").asString()).isEqualTo("apiKey");
        assertThat(hmac.path("in").asString()).isEqualTo("header");
        assertThat(hmac.path("name").asString()).isEqualTo("X-SKYX-APIKEY");
        assertThat(doc.path("components").path("securitySchemes").path("hmacSignature").path("name").asString())
                .isEqualTo("X-SKYX-SIGNATURE");

        List<String> codes = new ArrayList<>();
        doc.path("components").path("schemas").path("Error").path("properties").path("error").path("properties")
                .path("code").path("enum").forEach(c -> codes.add(c.asString()));
        assertThat(codes).contains("INSUFFICIENT_FUNDS", "UNAUTHENTICATED", "FORBIDDEN", "BAD_SIGNATURE",
                "REPLAYED_REQUEST", "TWO_FACTOR_REQUIRED", "NOT_WHITELISTED", "WRONG_NETWORK", "UNAVAILABLE")
                .doesNotHaveDuplicates();
        assertThat(doc.path("info").path("description").asString()).contains("403 FORBIDDEN", "WOULD_TAKE");

        List<String> paths = new ArrayList<>();
        doc.path("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/v1/orders", "/api/v1/markets/{id}/ticker").doesNotContain("/error");
    }
}
