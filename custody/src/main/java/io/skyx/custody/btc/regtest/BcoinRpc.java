package io.skyx.custody.btc.regtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * bcoin's JSON-RPC (node: mining, raw transactions) and wallet HTTP API (its own coins, for paying and for checking
 * what arrived). Addresses here are in bcoin's regtest format; {@link BcoinAddresses} converts. Amounts are satoshis
 * (the wallet HTTP API takes and returns integers; the RPC amount fields, which are floating BTC, are not used).
 * HTTP/1.1 only: bcoin's server drops an h2c upgrade.
 */
public final class BcoinRpc {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI node;
    private final URI wallet;
    private final String auth;
    private final int nodePort;
    private final int walletPort;
    private final String apiKey;

    /** A client for a node on loopback with these HTTP ports and API key. */
    public BcoinRpc(int nodePort, int walletPort, String apiKey) {
        this.node = URI.create("http://127.0.0.1:" + nodePort + "/");
        this.wallet = URI.create("http://127.0.0.1:" + walletPort + "/");
        this.nodePort = nodePort;
        this.walletPort = walletPort;
        this.apiKey = apiKey;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("x:" + apiKey).getBytes(StandardCharsets.UTF_8));
    }

    /** A coin of bcoin's wallet. */
    public record Coin(String txid, int index, String address, long value, int height) {
    }

    boolean ready() {
        try {
            call(node, "getblockcount");
            call(wallet, "getwalletinfo");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The node HTTP (JSON-RPC) port. */
    public int nodePort() {
        return nodePort;
    }

    /** The wallet HTTP port. */
    public int walletPort() {
        return walletPort;
    }

    /** The API key (a regtest node on loopback: for a test process that attaches to it). */
    public String apiKey() {
        return apiKey;
    }

    /** The raw hex of the block at {@code height} of the best chain. */
    public String rawBlock(int height) {
        return call(node, "getblockbyheight", height, false).asString();
    }

    /** Current best height. */
    public int blockCount() {
        return call(node, "getblockcount").asInt();
    }

    /** Best block hash (hex). */
    public String bestBlockHash() {
        return call(node, "getbestblockhash").asString();
    }

    /** Mines {@code n} blocks paying to {@code bcoinAddress}; returns their hashes. */
    public List<String> generateToAddress(int n, String bcoinAddress) {
        List<String> hashes = new ArrayList<>();
        for (JsonNode h : call(node, "generatetoaddress", n, bcoinAddress)) {
            hashes.add(h.asString());
        }
        return hashes;
    }

    /** Mines {@code n} blocks to the node's own wallet. */
    public List<String> mine(int n) {
        return generateToAddress(n, walletNewAddress());
    }

    /** Broadcasts a raw transaction; returns its txid. */
    public String sendRawTransaction(String hex) {
        return call(node, "sendrawtransaction", hex).asString();
    }

    /** The txids in the mempool. */
    public List<String> mempool() {
        List<String> ids = new ArrayList<>();
        for (JsonNode h : call(node, "getrawmempool")) {
            ids.add(h.asString());
        }
        return ids;
    }

    /** Marks a block invalid, so the chain reorganises away from it. */
    public void invalidateBlock(String hash) {
        call(node, "invalidateblock", hash);
    }

    /** The raw hex of a transaction the node knows (mempool or chain), or null. */
    public String rawTransaction(String txid) {
        try {
            return call(node, "getrawtransaction", txid).asString();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** A fresh receive address (P2PKH, bcoin format) of the node's wallet. */
    public String walletNewAddress() {
        ObjectNode body = JSON.createObjectNode().put("account", "default");
        return request("POST", wallet.resolve("/wallet/primary/address"), body).get("address").asString();
    }

    /** A fresh receive address (P2WPKH, bcoin format {@code rb1q...}) of the node wallet's witness account. */
    public String walletNewWitnessAddress() {
        try {
            request("GET", wallet.resolve("/wallet/primary/account/seg"), null).get("name").asString();
        } catch (RuntimeException e) {
            request("PUT", wallet.resolve("/wallet/primary/account/seg"), JSON.createObjectNode().put("witness", true));
        }
        ObjectNode body = JSON.createObjectNode().put("account", "seg");
        return request("POST", wallet.resolve("/wallet/primary/address"), body).get("address").asString();
    }

    /** Pays {@code satoshis} from the node's wallet to each of {@code bcoinAddresses}, in one transaction. */
    public String walletSend(List<String> bcoinAddresses, long satoshis) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode outs = body.putArray("outputs");
        for (String a : bcoinAddresses) {
            outs.addObject().put("address", a).put("value", satoshis);
        }
        body.put("rate", 2000);
        return request("POST", wallet.resolve("/wallet/primary/send"), body).get("hash").asString();
    }

    /** A fresh receive address (P2PKH, bcoin format) of {@code account} of the node's wallet, created if need be. */
    public String walletNewAddress(String account) {
        try {
            request("GET", wallet.resolve("/wallet/primary/account/" + account), null).get("name").asString();
        } catch (RuntimeException e) {
            request("PUT", wallet.resolve("/wallet/primary/account/" + account), JSON.createObjectNode());
        }
        ObjectNode body = JSON.createObjectNode().put("account", account);
        return request("POST", wallet.resolve("/wallet/primary/address"), body).get("address").asString();
    }

    /**
     * Pays {@code satoshis} to {@code bcoinAddress} from confirmed coins of {@code account} only, at {@code satPerKvB};
     * returns the txid.
     */
    public String walletSendFrom(String account, String bcoinAddress, long satoshis, long satPerKvB) {
        ObjectNode body = JSON.createObjectNode().put("account", account).put("depth", 1).put("rate", satPerKvB);
        body.putArray("outputs").addObject().put("address", bcoinAddress).put("value", satoshis);
        return request("POST", wallet.resolve("/wallet/primary/send"), body).get("hash").asString();
    }

    /** Pays {@code satoshis} from the node's wallet to {@code bcoinAddress}; returns the txid. */
    public String walletSend(String bcoinAddress, long satoshis) {
        return walletSend(List.of(bcoinAddress), satoshis);
    }

    /** The raw hex of one of the node wallet's transactions (also one a reorg dropped from the chain). */
    public String walletTransactionHex(String txid) {
        return request("GET", wallet.resolve("/wallet/primary/tx/" + txid), null).get("tx").asString();
    }

    /**
     * Puts a wallet transaction back into the mempool: after {@code invalidateblock}, bcoin does not return the
     * block's transactions to its mempool, and its wallet's resend only relays to peers.
     */
    public String resubmit(String txid) {
        return sendRawTransaction(walletTransactionHex(txid));
    }

    /** The node wallet's coins (confirmed or not). */
    public List<Coin> walletCoins() {
        List<Coin> coins = new ArrayList<>();
        for (JsonNode c : request("GET", wallet.resolve("/wallet/primary/coin"), null)) {
            coins.add(new Coin(c.get("hash").asString(), c.get("index").asInt(), c.path("address").asString(""),
                    c.get("value").asLong(), c.get("height").asInt()));
        }
        return coins;
    }

    /** The node wallet's coins on one address. */
    public List<Coin> walletCoins(String bcoinAddress) {
        return walletCoins().stream().filter(c -> c.address().equals(bcoinAddress)).toList();
    }

    private JsonNode call(URI uri, String method, Object... params) {
        ObjectNode body = JSON.createObjectNode().put("method", method);
        ArrayNode ps = body.putArray("params");
        for (Object p : params) {
            ps.addPOJO(p);
        }
        JsonNode reply = request("POST", uri, body);
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            throw new IllegalStateException("bcoin " + method + ": " + error.path("message").asString(error.toString()));
        }
        return reply.get("result");
    }

    private JsonNode request(String verb, URI uri, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", auth);
        if (body == null) {
            b.method(verb, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(verb, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && !(r.statusCode() == 500 && r.body().contains("\"error\""))) {
                throw new IllegalStateException("bcoin " + uri.getPath() + " answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode reply = JSON.readTree(r.body());
            if (uri.getPath().startsWith("/wallet") && reply.has("error")) {
                throw new IllegalStateException("bcoin " + uri.getPath() + ": " + reply.get("error"));
            }
            return reply;
        } catch (IOException e) {
            throw new IllegalStateException("bcoin " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling bcoin", e);
        }
    }
}
