package io.skyx.ops.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated bot: signs up in a browser-like session, creates an API key and takes faucet funds (paid on chain,
 * waited for until credited), then sends signed requests over its own keep-alive HTTP/1.1 connection. Used by one
 * thread at a time.
 */
final class LoadClient {

    /** An answer: status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The error code of an error body, or {@code HTTP_<status>}. */
        String errorCode() {
            if (body != null) {
                int at = body.indexOf("\"code\":\"");
                if (at >= 0) {
                    int end = body.indexOf('"', at + 8);
                    if (end > at) {
                        return body.substring(at + 8, end);
                    }
                }
            }
            return "HTTP_" + status;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How long a client waits for the faucet's on-chain funds to be credited (blocks, confirmations). */
    private static final Duration FUNDING_WAIT = Duration.ofMinutes(3);
    private static final BigDecimal SKY_GRANT = new BigDecimal("1000");
    private static final BigDecimal BTC_GRANT = new BigDecimal("0.01");
    private static final HexFormat HEX = HexFormat.of();

    private final URI base;
    private final RawHttp api;
    private String key;
    private ApiSigner signer;
    private long lastTimestamp;

    private LoadClient(URI base) {
        this.base = base;
        this.api = new RawHttp(base);
    }

    /** Signs up a new user, creates its API key and funds it through the faucet (on chain, until credited). */
    static LoadClient create(URI base, String runId, int index) throws IOException, InterruptedException {
        LoadClient c = new LoadClient(base);
        c.setUp(runId, index);
        return c;
    }

    private void setUp(String runId, int index) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        try (HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies).connectTimeout(TIMEOUT).build()) {
            setUp(browser, cookies, runId, index);
        }
    }

    private void setUp(HttpClient browser, CookieManager cookies, String runId, int index)
            throws IOException, InterruptedException {
        Answer csrf = toAnswer(browser.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/csrf"))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString()));
        require(csrf, "GET /api/v1/auth/csrf");
        byte[] pw = new byte[16];
        new SecureRandom().nextBytes(pw);
        String email = "load-" + runId + "-" + index + "@loadtest.invalid";
        String password = HEX.formatHex(pw);
        require(browserPost(browser, cookies, "/api/v1/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"), "sign-up of " + email);
        Answer created = browserPost(browser, cookies, "/api/v1/api-keys", "{\"label\":\"load generator\"}");
        require(created, "POST /api/v1/api-keys");
        key = MiniJson.member(created.body(), "key");
        String secret = MiniJson.member(created.body(), "secret");
        if (key == null || secret == null) {
            throw new IOException("POST /api/v1/api-keys answered without key and secret");
        }
        signer = new ApiSigner(secret);
        fund(browser, cookies, "load-" + runId + "-" + index);
    }

    /**
     * Test funds through the local faucet, which pays on chain (1000 SKY on the private chain, 0.01 BTC on
     * regtest) to the user's deposit addresses, then waits until both deposits are credited. The key makes a
     * retried request pay nothing more.
     */
    private void fund(HttpClient browser, CookieManager cookies, String idempotencyKey)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FUNDING_WAIT.toNanos();
        Answer faucet = browserPost(browser, cookies, "/api/v1/faucet", "{}", idempotencyKey);
        if (faucet.status() == 404) {
            throw new IOException("the faucet is off: run the app with the local profile");
        }
        if ("FAUCET_UNAVAILABLE".equals(faucet.errorCode())) {
            throw new IOException("the faucet pays only on chain: run the app with the embedded node and the BTC "
                    + "regtest node on (the ./ops/run-local.sh defaults): " + faucet.body());
        }
        require(faucet, "POST /api/v1/faucet");
        Answer balances = faucet;
        while (!funded(balances.body())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the faucet's on-chain funds were not credited within " + FUNDING_WAIT
                        + ": " + balances.body());
            }
            Thread.sleep(500);
            balances = toAnswer(browser.send(HttpRequest.newBuilder(base.resolve("/api/v1/balances"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString()));
            require(balances, "GET /api/v1/balances");
        }
    }

    /** Whether a balances answer shows the faucet's grant of each asset as free. */
    static boolean funded(String balances) {
        return atLeast(balances, "SKY", SKY_GRANT) && atLeast(balances, "BTC", BTC_GRANT);
    }

    private static boolean atLeast(String balances, String asset, BigDecimal grant) {
        Matcher m = Pattern.compile("\"" + asset + "\"\\s*:\\s*\\{[^}]*\"free\"\\s*:\\s*\"([0-9.]+)\"")
                .matcher(balances == null ? "" : balances);
        return m.find() && new BigDecimal(m.group(1)).compareTo(grant) >= 0;
    }

    private Answer browserPost(HttpClient browser, CookieManager cookies, String path, String json)
            throws IOException, InterruptedException {
        return browserPost(browser, cookies, path, json, null);
    }

    private Answer browserPost(HttpClient browser, CookieManager cookies, String path, String json,
                               String idempotencyKey) throws IOException, InterruptedException {
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(FUNDING_WAIT)
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return toAnswer(browser.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Sends one signed request. Its timestamp is the clock's, but strictly greater than this client's previous
     * one: the timestamp is the nonce, so no two requests of a client carry the same signature (which the server
     * refuses as a replay) even when they are sent within one millisecond.
     */
    Answer signed(String method, String pathWithQuery, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        lastTimestamp = nextTimestamp(lastTimestamp, System.currentTimeMillis());
        String ts = Long.toString(lastTimestamp);
        String headers = "X-SKYX-APIKEY: " + key + "\r\nX-SKYX-TIMESTAMP: " + ts + "\r\nX-SKYX-SIGNATURE: "
                + signer.sign(ts, method, pathWithQuery, bytes) + "\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\n");
        return api.send(method, pathWithQuery, headers, bytes);
    }

    /** The next nonce timestamp: now, or one more than the previous when the clock has not moved on. */
    static long nextTimestamp(long previous, long now) {
        return Math.max(now, previous + 1);
    }

    void close() {
        api.close();
    }

    private static Answer toAnswer(HttpResponse<String> r) {
        return new Answer(r.statusCode(), r.body());
    }

    private static void require(Answer a, String what) throws IOException {
        if (!a.ok()) {
            throw new IOException(what + " failed: " + a.status() + " " + a.errorCode());
        }
    }

    @Override
    public String toString() {
        return "LoadClient[" + key + "]";
    }
}
