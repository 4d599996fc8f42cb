package io.skyx.api.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test browser for ITs: keeps cookies (session, XSRF-TOKEN), signs up through the real endpoints and sends
 * the CSRF header on state-changing requests, as the web UI does.
 */
public final class TestBrowser {

    /** The password every test user gets. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String userId;
    private String email;

    /** A browser against {@code base} (http://localhost:port). */
    public TestBrowser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Signs up a new random user (which signs in) and returns this browser. */
    public TestBrowser signUp() throws IOException, InterruptedException {
        email = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@example.com";
        HttpResponse<String> r = send("POST", "/api/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("signup failed: " + r.statusCode() + " " + r.body());
        }
        userId = json(r.body()).path("userId").asString();
        return this;
    }

    /** Logs in as the user another browser signed up (e.g. after a restart of the app). */
    public TestBrowser logIn(TestBrowser signedUp) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/v1/auth/login",
                "{\"email\":\"" + signedUp.email + "\",\"password\":\"" + PASSWORD + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        userId = signedUp.userId;
        email = signedUp.email;
        return this;
    }

    /** The signed-up user's id. */
    public String userId() {
        return userId;
    }

    /** A cookie's value. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** The cookies as a Cookie header value (for a WebSocket handshake). */
    public String cookieHeader() {
        StringBuilder sb = new StringBuilder();
        for (HttpCookie c : cookies.getCookieStore().getCookies()) {
            sb.append(sb.isEmpty() ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        }
        return sb.toString();
    }

    /** GET. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A state-changing request with the CSRF header; {@code body} may be null. */
    public HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return sendBody(method, path, body == null ? null : HttpRequest.BodyPublishers.ofString(body));
    }

    /** A state-changing request with the CSRF header and any body publisher (e.g. chunked); may be null. */
    public HttpResponse<String> sendBody(String method, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        if (cookie("XSRF-TOKEN").isEmpty()) {
            get("/api/v1/auth/csrf");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        cookie("XSRF-TOKEN").ifPresent(t -> b.header("X-XSRF-TOKEN", t));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST with the CSRF header. */
    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    /** Parses JSON. */
    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
