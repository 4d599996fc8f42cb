package io.skyx.node.api;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.UxOut;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.store.StoredOutput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import static io.skyx.node.api.Readable.F;

/**
 * The Skycoin-compatible REST API as a framework-free handler: {@code (method, path, query, body) → (status,
 * JSON)}. Paths, parameters and JSON shapes follow the Skycoin node (src/api); POSTs need the CSRF token from
 * {@code GET /api/v1/csrf}. Served by {@link ApiServer} standalone and by the platform under a prefix.
 */
public final class SkycoinApi {
    /** The Skycoin version this API mirrors. */
    public static final String VERSION = "0.27.1";

    private final SkycoinNode node;
    private final ChainJson chain;
    private final Csrf csrf;
    private final StatusJson status;
    private final ExplorerJson explorer;
    private final TransactionsPage pages;
    private final TransactionRoutes txns;
    private final JsonMapper json = JsonMapper.builder().build();

    public SkycoinApi(SkycoinNode node) {
        this(node, Clock.systemUTC());
    }

    SkycoinApi(SkycoinNode node, Clock clock) {
        this.node = node;
        this.chain = new ChainJson(node);
        this.csrf = new Csrf(clock);
        this.status = new StatusJson(node, clock);
        this.explorer = new ExplorerJson(node);
        this.pages = new TransactionsPage(node, chain);
        this.txns = new TransactionRoutes(node, chain);
    }

    /** Skycoin's plain-text error (http.Error): "NNN Status Text" or "NNN Status Text - detail", text/plain. */
    public static ApiResponse error(int status, String detail) {
        String text = switch (status) {
            case 400 -> "400 Bad Request";
            case 403 -> "403 Forbidden";
            case 404 -> "404 Not Found";
            case 405 -> "405 Method Not Allowed";
            case 413 -> "413 Request Entity Too Large";
            case 415 -> "415 Unsupported Media Type";
            case 422 -> "422 Unprocessable Entity";
            case 500 -> "500 Internal Server Error";
            case 503 -> "503 Service Unavailable";
            default -> status + " Error";
        };
        return new ApiResponse(status, F.stringNode(detail.isEmpty() ? text : text + " - " + detail), true);
    }

    static ApiResponse v2Error(int status, String message, JsonNode data) {
        ObjectNode err = F.objectNode();
        err.put("message", message.isEmpty() ? error(status, "").body().asString().substring(4) : message);
        err.put("code", status);
        ObjectNode o = F.objectNode();
        if (data != null) {
            o.set("data", data);
        }
        o.set("error", err);
        return new ApiResponse(status, o);
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    /**
     * Handles one request.
     *
     * @param method      HTTP method
     * @param path        path below the API root, e.g. {@code /api/v1/block}
     * @param rawQuery    the raw query string or null
     * @param csrfToken   the {@code X-CSRF-Token} header or null
     * @param contentType the Content-Type header or null
     * @param body        the request body (empty for GET)
     */
    public ApiResponse handle(String method, String path, String rawQuery, String csrfToken, String contentType,
                              byte[] body) {
        try {
            boolean post = "POST".equals(method);
            if (!post && !"GET".equals(method)) {
                return error(405, "");
            }
            if (post) {
                Optional<String> bad = csrf.check(csrfToken);
                if (bad.isPresent()) {
                    return path.startsWith("/api/v2/") ? v2Error(403, bad.get(), null) : error(403, bad.get());
                }
            }
            boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
            Params p = new Params(rawQuery, post && form ? new String(body, StandardCharsets.UTF_8) : null);
            return route(method, path, p, body);
        } catch (ApiError e) {
            return error(e.status(), e.getMessage());
        }
    }

    private ApiResponse route(String method, String path, Params p, byte[] body) throws ApiError {
        boolean get = "GET".equals(method);
        return switch (path) {
            case "/api/v1/csrf" -> requireGet(get, () -> {
                ObjectNode o = F.objectNode();
                o.put("csrf_token", csrf.issue());
                return ok(o);
            });
            case "/api/v1/health" -> requireGet(get, () -> ok(status.health()));
            case "/api/v1/version" -> requireGet(get, () -> ok(StatusJson.version()));
            case "/api/v1/blockchain/metadata" -> requireGet(get, () -> ok(status.metadata()));
            case "/api/v1/blockchain/progress" -> requireGet(get, () -> ok(status.progress()));
            case "/api/v1/block" -> requireGet(get, () -> block(p));
            case "/api/v1/blocks" -> blocks(p);
            case "/api/v1/last_blocks" -> requireGet(get, () -> lastBlocks(p));
            case "/api/v1/outputs" -> outputs(p);
            case "/api/v1/balance" -> balance(p);
            case "/api/v1/uxout" -> requireGet(get, () -> uxout(p));
            case "/api/v1/address_uxouts" -> requireGet(get, () -> ok(chain.addressUxouts(goAddress(p.get("address")
                    .orElseThrow(() -> ApiError.badRequest("address is empty"))))));
            case "/api/v1/transaction" -> requireGet(get, () -> txns.transaction(p));
            case "/api/v1/rawtx" -> requireGet(get, () -> ok(F.stringNode(HexFormat.of().formatHex(
                    TransactionCodec.INSTANCE.encode(chain.rawTransaction(txid(p)).orElseThrow(ApiError::notFound))))));
            case "/api/v1/transactions" -> txns.transactions(p);
            case "/api/v1/pendingTxs" -> requireGet(get, () -> txns.pending(p));
            case "/api/v1/injectTransaction" -> requirePost(get, () -> txns.inject(readJson(body)));
            case "/api/v2/transaction/verify" -> requirePost(get, () -> txns.verify(readJson(body)));
            case "/api/v2/address/verify" -> requirePost(get, () -> verifyAddress(body));
            case "/api/v1/addresscount" -> requireGet(get, () -> ok(explorer.addressCount()));
            case "/api/v1/coinSupply" -> requireGet(get, () -> ok(explorer.coinSupply()));
            case "/api/v1/richlist" -> requireGet(get, () -> ok(explorer.richlist(p)));
            case "/api/v1/network/connections" -> requireGet(get, () -> ok(status.connections()));
            case "/api/v1/resendUnconfirmedTxns" -> requirePost(get, txns::resend);
            case "/api/v2/transaction" -> requirePost(get, () -> createTransaction(body));
            case "/api/v2/transactions" -> requireGet(get, () -> v2(() -> pages.page(p, addresses(p.list("addrs")))));
            case "/api/v2/metrics" -> requireGet(get, this::metrics);
            default -> error(404, "");
        };
    }

    private interface Handler {
        ApiResponse run() throws ApiError;
    }

    /** Runs a v2 handler, answering its refusals in the v2 error shape. */
    private static ApiResponse v2(Handler h) {
        try {
            return h.run();
        } catch (ApiError e) {
            return v2Error(e.status(), e.getMessage(), null);
        }
    }

    private ApiResponse metrics() {
        long since = Math.max(0, java.time.Instant.now().getEpochSecond() - chain.headTime());
        String text = PromText.render(status.health(), since);
        return new ApiResponse(200, F.stringNode(text.substring(0, text.length() - 1)), true, PromText.CONTENT_TYPE);
    }

    private ApiResponse createTransaction(byte[] body) {
        try {
            return txns.create(readJson(body));
        } catch (ApiError e) {
            return v2Error(400, e.getMessage(), null);
        }
    }

    private static ApiResponse requireGet(boolean get, Handler h) throws ApiError {
        return get ? h.run() : error(405, "");
    }

    private static ApiResponse requirePost(boolean get, Handler h) throws ApiError {
        return get ? error(405, "") : h.run();
    }

    /** cipher.SHA256FromHex, with its error text as the 400 detail. */
    private static SHA256 hash(String hex, String what) throws ApiError {
        return hash(hex, what, false);
    }

    private static SHA256 hash(String hex, String what, boolean goText) throws ApiError {
        Optional<String> e = GoErrors.sha256FromHex(hex);
        if (e.isPresent()) {
            throw ApiError.badRequest(goText ? e.get() : "Invalid " + what);
        }
        try {
            return SHA256.fromHex(hex);
        } catch (CipherException ex) {
            throw ApiError.badRequest(goText ? ex.getMessage() : "Invalid " + what);
        }
    }

    static SHA256 txid(Params p) throws ApiError {
        return hash(p.get("txid").orElseThrow(() -> ApiError.badRequest("txid is empty")), "txid");
    }

    private static Address address(String s) throws ApiError {
        try {
            return Address.parse(s);
        } catch (CipherException | RuntimeException e) {
            throw ApiError.badRequest("Invalid address " + s);
        }
    }

    /** cipher.DecodeBase58Address, with its error text as the 400 detail. */
    private static Address goAddress(String s) throws ApiError {
        try {
            return Address.parse(s);
        } catch (CipherException e) {
            throw ApiError.badRequest(GoErrors.address(e));
        }
    }

    static List<Address> addresses(List<String> raw) throws ApiError {
        LinkedHashSet<Address> out = new LinkedHashSet<>();
        for (String s : raw) {
            out.add(address(s));
        }
        return List.copyOf(out);
    }

    private ApiResponse block(Params p) throws ApiError {
        boolean verbose = p.flag("verbose");
        Optional<String> h = p.get("hash");
        Optional<Long> seq = p.u64("seq");
        if (h.isPresent() == seq.isPresent()) {
            throw ApiError.badRequest("should specify one filter, hash or seq");
        }
        Optional<SignedBlock> b = h.isPresent() ? node.store().blockByHash(hash(h.get(), "block hash"))
                : node.store().blockBySeq(seq.get());
        return ok(chain.block(b.orElseThrow(ApiError::notFound), verbose));
    }

    private static final int MAX_BLOCKS = 1000;

    private ApiResponse blocks(Params p) throws ApiError {
        boolean verbose = p.flag("verbose");
        List<String> seqs = p.list("seqs");
        Optional<Long> start = p.u64("start");
        Optional<Long> end = p.u64("end");
        List<SignedBlock> out = new ArrayList<>();
        if (!seqs.isEmpty()) {
            if (start.isPresent() || end.isPresent()) {
                throw ApiError.badRequest("seqs cannot be used with start or end");
            }
            for (String s : seqs) {
                long seq;
                try {
                    seq = Long.parseUnsignedLong(s);
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest("Invalid sequence \"" + s + "\"");
                }
                out.add(node.store().blockBySeq(seq).orElseThrow(() -> new ApiError(404, "block seq=" + s + " not found")));
            }
        } else {
            long from = start.orElse(0L);
            long to = Math.min(end.orElse(chain.headSeq()), chain.headSeq());
            if (Long.compareUnsigned(from, to) > 0 && end.isPresent() && Long.compareUnsigned(from, end.get()) > 0) {
                throw ApiError.badRequest("start must be <= end");
            }
            for (long s = from; s <= to && out.size() < MAX_BLOCKS; s++) {
                node.store().blockBySeq(s).ifPresent(out::add);
            }
        }
        return ok(chain.blocks(out, verbose));
    }

    private ApiResponse lastBlocks(Params p) throws ApiError {
        long num = p.u64("num").orElseThrow(() -> ApiError.badRequest("Invalid num value \"\""));
        long head = chain.headSeq();
        long n = Math.min(Math.min(num, MAX_BLOCKS), head + 1);
        List<SignedBlock> out = new ArrayList<>();
        for (long s = head - n + 1; s <= head && n > 0; s++) {
            node.store().blockBySeq(s).ifPresent(out::add);
        }
        return ok(chain.blocks(out, p.flag("verbose")));
    }

    private ApiResponse outputs(Params p) throws ApiError {
        List<String> addrs = p.list("addrs");
        List<String> hashes = p.list("hashes");
        if (!addrs.isEmpty() && !hashes.isEmpty()) {
            throw ApiError.badRequest("addrs and hashes cannot be specified together");
        }
        List<UxOut> head = new ArrayList<>();
        List<Address> parsed = addresses(addrs);
        for (Address a : parsed) {
            head.addAll(node.store().unspentsOf(a));
        }
        if (addrs.isEmpty()) {
            if (hashes.isEmpty()) {
                head.addAll(node.store().allUnspents());
            }
            for (String h : hashes) {
                node.store().unspent(hash(h, "hash " + h)).ifPresent(head::add);
            }
        }
        java.util.Set<SHA256> hashSet = new LinkedHashSet<>();
        for (String h : hashes) {
            hashSet.add(hash(h, "hash " + h));
        }
        return ok(chain.outputs(head, new LinkedHashSet<>(parsed), hashSet));
    }

    private ApiResponse balance(Params p) throws ApiError {
        List<Address> addrs = addresses(p.list("addrs"));
        if (addrs.isEmpty()) {
            throw ApiError.badRequest("addrs is required");
        }
        return ok(chain.balance(addrs));
    }

    private ApiResponse uxout(Params p) throws ApiError {
        SHA256 id = hash(p.get("uxid").orElseThrow(() -> ApiError.badRequest("uxid is empty")), "uxid", true);
        StoredOutput s = node.store().output(id).orElseThrow(ApiError::notFound);
        return ok(Readable.uxout(s, chain.headTime()));
    }

    JsonNode readJson(byte[] body) throws ApiError {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !n.isObject()) {
                throw ApiError.badRequest("Invalid request body");
            }
            return n;
        } catch (JacksonException e) {
            throw ApiError.badRequest("Invalid request body");
        }
    }

    private ApiResponse verifyAddress(byte[] body) throws ApiError {
        JsonNode req = readJson(body);
        String a = req.path("address").asString("");
        if (a.isEmpty()) {
            return v2Error(400, "address is required", null);
        }
        try {
            Address parsed = Address.parse(a);
            ObjectNode data = F.objectNode();
            data.put("version", parsed.version());
            ObjectNode o = F.objectNode();
            o.set("data", data);
            return ok(o);
        } catch (CipherException | RuntimeException e) {
            return v2Error(422, "Invalid address length", null);
        }
    }

}
