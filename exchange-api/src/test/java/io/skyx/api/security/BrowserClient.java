package io.skyx.api.security;

import io.skyx.api.web.ErrorWriter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A test "browser": keeps cookies, and sends the XSRF-TOKEN cookie back in X-XSRF-TOKEN when asked to. */
final class BrowserClient {

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    BrowserClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A browser whose connections come from {@code localAddress} (e.g. 127.0.0.2: another source). */
    BrowserClient(String base, InetAddress localAddress) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .localAddress(localAddress).build();
    }

    /** Replaces a cookie's value in this browser's store, as an attacker who can write cookies would. */
    void plantCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals(name)).toList()
                .forEach(k -> cookies.getCookieStore().remove(null, k));
        cookies.getCookieStore().add(URI.create(base), c);
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** Makes sure the XSRF-TOKEN cookie is there (any GET sets it). */
    BrowserClient primeCsrf() throws IOException, InterruptedException {
        if (cookie("XSRF-TOKEN").isEmpty()) {
            get("/api/v1/auth/csrf");
        }
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    /** A state-changing request with the CSRF header (as the web UI sends it). */
    HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        primeCsrf();
        return send(builder(method, path, jsonBody), true);
    }

    /** A state-changing request without the CSRF header (as a forged cross-site request would be). */
    HttpResponse<String> sendWithoutCsrf(String method, String path, String jsonBody)
            throws IOException, InterruptedException {
        return send(builder(method, path, jsonBody), false);
    }

    HttpResponse<String> sendWithCsrfToken(String method, String path, String jsonBody, String token)
            throws IOException, InterruptedException {
        return http.send(builder(method, path, jsonBody).header("X-XSRF-TOKEN", token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder builder(String method, String path, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b, boolean withCsrf) throws IOException, InterruptedException {
        if (withCsrf) {
            cookie("XSRF-TOKEN").ifPresent(t -> b.header("X-XSRF-TOKEN", t));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signup(String email, String password) throws IOException, InterruptedException {
        return send("POST", "/api/v1/auth/signup", json(email, password));
    }

    HttpResponse<String> login(String email, String password) throws IOException, InterruptedException {
        return send("POST", "/api/v1/auth/login", json(email, password));
    }

    static String json(String email, String password) {
        StringBuilder sb = new StringBuilder("{\"email\":");
        ErrorWriter.quote(sb, email);
        sb.append(",\"password\":");
        ErrorWriter.quote(sb, password);
        return sb.append('}').toString();
    }
}
