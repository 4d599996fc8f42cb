package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attack: requests that make the container answer by itself (illegal URLs, oversized chunked bodies). Every
 * answer is the one JSON error shape: no Tomcat HTML page, no stack trace, and no state change.
 */
class SecurityErrorShapeIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    /** A status line and body read from a raw socket (the bytes of the request exactly as written). */
    private record Raw(int status, String head, String body) { }

    @Test
    void illegalUrlsGetTheErrorShape() throws Exception {
        for (String path : new String[] {"/api/v1/markets/%00/ticker", "/api/v1/markets/SKY%2FBTC/ticker",
                "/api/v1/markets/..%2F..%2Fadmin/ticker", "/api/v1/markets/%2e%2e/ticker", "/api/v1/orders/%ZZ",
                "/api/v1/markets/SKY-BTC/ticker;jsessionid=1"}) {
            Raw r = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).as(path + "\n" + r.head() + r.body()).isBetween(400, 406);
            assertShape(r, path);
        }
    }

    @Test
    void anOversizedChunkedSignedBodyIs413InTheErrorShape() throws Exception {
        BrowserClient alice = Attacker.signedUp(url(""));
        Attacker.fund(alice);
        SignedClient bot = Attacker.apiKey(alice, url(""));
        Attacker.State before = Attacker.state(jdbc);
        String big = "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000050\","
                + "\"amount\":\"10\",\"pad\":\"" + "x".repeat(20_000) + "\"}";
        SignedClient.Signed s = bot.sign("POST", "/api/v1/orders", big, System.currentTimeMillis());
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(url("/api/v1/orders")))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes)))
                .header("Content-Type", "application/json")
                .header("X-SKYX-APIKEY", bot.key())
                .header("X-SKYX-TIMESTAMP", s.timestamp())
                .header("X-SKYX-SIGNATURE", s.signature())
                .build();
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(Json.errorCode(r.body())).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Attacker.state(jdbc)).isEqualTo(before);
    }

    @Test
    void anUnknownApiPathAndAWrongMethodGetTheErrorShape() throws Exception {
        Raw r = raw("GET /api/v1/nothing-here HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isIn(401, 404);
        assertShape(r, "/api/v1/nothing-here");
        r = raw("PATCH /api/v1/markets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        assertThat(r.status()).isBetween(400, 405);
        assertShape(r, "PATCH /api/v1/markets");
    }

    private static void assertShape(Raw r, String what) {
        assertThat(r.head().toLowerCase()).as(what + "\n" + r.head()).contains("content-type: application/json");
        assertThat(r.body()).as(what).doesNotContainIgnoringCase("<html").doesNotContain("Exception")
                .doesNotContain("\tat ");
        String json = r.body().substring(r.body().indexOf('{'), r.body().lastIndexOf('}') + 1);
        assertThat(Json.errorCode(json)).as(what + ": " + r.body()).isNotBlank();
    }

    private Raw raw(String request) throws Exception {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Raw(status, head, body);
        }
    }
}
