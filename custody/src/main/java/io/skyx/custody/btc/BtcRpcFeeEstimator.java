package io.skyx.custody.btc;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fee-rate estimate from a node's Bitcoin Core compatible JSON-RPC {@code estimatesmartfee} (Bitcoin Core answers
 * {@code feerate}, bcoin {@code fee}, both in BTC/kvB): the decimal text is read as a {@link BigDecimal} and turned
 * into satoshis per kvB exactly, never through a double. An answer is kept for {@code cacheFor}, a failure too (a
 * node that is down is asked again only after that). No estimate, a failure or a bad answer (not JSON, an RPC error,
 * not a number, -1, zero or negative, more than 8 decimals, above {@link BtcFeePolicy#ABSURD_SAT_PER_KVB}) throws
 * {@link Unavailable} with the reason, which {@link BtcFeePolicy} shows and logs as it falls back to the configured
 * rate.
 */
public final class BtcRpcFeeEstimator implements BtcFeePolicy.Estimator {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Why there is no estimate. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    private final HttpClient http;
    private final URI url;
    private final String auth;
    private final Duration timeout;
    private final long cacheNanos;
    private long cachedAt;
    private int cachedBlocks;
    private long cachedRate;
    private String cachedFailure;
    private boolean cached;

    /**
     * @param url      the node's JSON-RPC endpoint (http://host:port/)
     * @param user     RPC user (Basic auth; bcoin: any, e.g. "x")
     * @param password RPC password (bcoin: its API key)
     * @param timeout  connect and answer timeout
     * @param cacheFor how long an answer or a failure is reused
     */
    public BtcRpcFeeEstimator(URI url, String user, String password, Duration timeout, Duration cacheFor) {
        if (timeout.isNegative() || timeout.isZero() || cacheFor.isNegative()) {
            throw new IllegalArgumentException("fee estimate: timeout > 0, cache-for >= 0");
        }
        this.url = url;
        this.timeout = timeout;
        this.cacheNanos = cacheFor.toNanos();
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** An estimator for a fixed confirmation target, whatever the policy asks. */
    public BtcFeePolicy.Estimator forTarget(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("fee estimate target-blocks must be >= 1");
        }
        return ignored -> satPerKvB(blocks);
    }

    @Override
    public synchronized long satPerKvB(int blocks) {
        long now = System.nanoTime();
        if (!cached || blocks != cachedBlocks || now - cachedAt >= cacheNanos) {
            try {
                cachedRate = fetch(blocks);
                cachedFailure = null;
            } catch (Unavailable e) {
                cachedFailure = e.getMessage();
            }
            cached = true;
            cachedBlocks = blocks;
            cachedAt = now;
        }
        if (cachedFailure != null) {
            throw new Unavailable(cachedFailure);
        }
        return cachedRate;
    }

    private long fetch(int blocks) {
        String body = "{\"jsonrpc\":\"1.0\",\"id\":\"skyx\",\"method\":\"estimatesmartfee\",\"params\":[" + blocks + "]}";
        HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Unavailable("estimatesmartfee at " + url + ": no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new Unavailable("estimatesmartfee at " + url + ": unreachable (" + e + ")");
        } catch (IOException e) {
            throw new Unavailable("estimatesmartfee at " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("estimatesmartfee at " + url + ": interrupted");
        }
        if (r.statusCode() != 200 && !(r.statusCode() == 500 && r.body().contains("\"error\""))) {
            throw new Unavailable("estimatesmartfee at " + url + ": HTTP " + r.statusCode());
        }
        return parse(r.body());
    }

    /**
     * The fee rate of an {@code estimatesmartfee} reply in satoshis per kvB.
     *
     * @throws Unavailable with the reason when it holds no usable estimate
     */
    static long parse(String body) {
        JsonNode reply;
        try {
            reply = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Unavailable("refused: the answer is not JSON");
        }
        if (reply == null || !reply.isObject()) {
            throw new Unavailable("refused: the answer is not a JSON-RPC reply");
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            throw new Unavailable("the node answered an error: " + error.path("message").asString(error.toString()));
        }
        JsonNode result = reply.get("result");
        if (result == null || !result.isObject()) {
            throw new Unavailable("refused: the reply has no result object");
        }
        JsonNode rate = result.has("feerate") ? result.get("feerate") : result.get("fee");
        if (rate == null || rate.isNull()) {
            List<String> errors = new ArrayList<>();
            result.path("errors").forEach(e -> errors.add(e.asString(e.toString())));
            throw new Unavailable(errors.isEmpty() ? "refused: the reply has no fee rate"
                    : "no estimate: " + String.join("; ", errors));
        }
        if (!rate.isNumber()) {
            throw new Unavailable("refused: the fee rate is not a number: " + rate);
        }
        BigDecimal btc = rate.decimalValue();
        if (btc.compareTo(BigDecimal.ONE.negate()) == 0) {
            throw new Unavailable("no estimate (the node answered -1)");
        }
        if (btc.signum() <= 0) {
            throw new Unavailable("refused: a fee rate of " + btc.toPlainString() + " BTC/kvB");
        }
        BigDecimal sat = btc.movePointRight(8);
        if (sat.compareTo(BigDecimal.valueOf(BtcFeePolicy.ABSURD_SAT_PER_KVB)) > 0) {
            throw new Unavailable("refused: " + btc.toPlainString() + " BTC/kvB is absurdly high (above "
                    + BtcFeePolicy.ABSURD_SAT_PER_KVB + " sat/kvB)");
        }
        try {
            return sat.longValueExact();
        } catch (ArithmeticException e) {
            throw new Unavailable("refused: " + btc.toPlainString() + " BTC/kvB has more than 8 decimals");
        }
    }
}
