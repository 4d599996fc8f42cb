package io.skyx.api.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A test bot: signs each request with an API key as docs/api.md describes. */
final class SignedClient {

    /** One signed request, kept so that tests can resend or alter it. */
    record Signed(String method, String pathWithQuery, String body, String timestamp, String signature) { }

    private final String base;
    private final String key;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SignedClient(String base, String key, String secret) {
        this.base = base;
        this.key = key;
        this.secret = secret;
    }

    Signed sign(String method, String pathWithQuery, String body, long timestampMillis) {
        String ts = Long.toString(timestampMillis);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return new Signed(method, pathWithQuery, body, ts, RequestSignature.computeHex(secret, ts, method, pathWithQuery, bytes));
    }

    HttpResponse<String> send(String method, String pathWithQuery, String body) throws IOException, InterruptedException {
        return send(sign(method, pathWithQuery, body, System.currentTimeMillis()));
    }

    HttpResponse<String> send(Signed s) throws IOException, InterruptedException {
        return send(s, s.body());
    }

    /**
     * Sends the signed headers of {@code s} with {@code body} (which may differ from what was signed) and extra
     * headers as name, value pairs.
     */
    HttpResponse<String> send(Signed s, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + s.pathWithQuery()))
                .method(s.method(), publisher)
                .header("X-SKYX-APIKEY", key)
                .header("X-SKYX-TIMESTAMP", s.timestamp())
                .header("X-SKYX-SIGNATURE", s.signature());
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String key() {
        return key;
    }

    String secret() {
        return secret;
    }
}
