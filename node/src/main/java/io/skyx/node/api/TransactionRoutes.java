package io.skyx.node.api;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.pool.PoolEntry;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.service.SkycoinNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.skyx.node.api.Readable.F;
import static io.skyx.node.api.SkycoinApi.error;
import static io.skyx.node.api.SkycoinApi.ok;
import static io.skyx.node.api.SkycoinApi.v2Error;

/**
 * The transaction endpoints of {@link SkycoinApi}: {@code /api/v1/transaction}, {@code /transactions},
 * {@code /pendingTxs}, {@code /injectTransaction}, {@code /resendUnconfirmedTxns}, {@code /api/v2/transaction}
 * and {@code /api/v2/transaction/verify}.
 */
final class TransactionRoutes {
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

    private final SkycoinNode node;
    private final ChainJson chain;
    private final CreateTransactionJson creator;

    TransactionRoutes(SkycoinNode node, ChainJson chain) {
        this.node = node;
        this.chain = chain;
        this.creator = new CreateTransactionJson(node);
    }

    ApiResponse create(JsonNode req) {
        return creator.create(req, chain.headTime());
    }

    /** Skycoin's resendUnconfirmedTxnsHandler: {@code {"txids": [...]}}, 503 when no peer can receive them. */
    ApiResponse resend() {
        if (node.status().peers() == 0) {
            return error(503, "Outgoing connections not available");
        }
        ArrayNode ids = F.arrayNode();
        node.resendUnconfirmed().forEach(id -> ids.add(id.toString()));
        ObjectNode o = F.objectNode();
        o.set("txids", ids);
        return ok(o);
    }

    ApiResponse transaction(Params p) throws ApiError {
        SHA256 id = SkycoinApi.txid(p);
        return ok(chain.transaction(id, p.flag("verbose"), p.flag("encoded")).orElseThrow(ApiError::notFound));
    }

    ApiResponse transactions(Params p) throws ApiError {
        List<Address> addrs = SkycoinApi.addresses(p.list("addrs"));
        Optional<String> confirmed = p.get("confirmed");
        boolean verbose = p.flag("verbose");
        ArrayNode out = F.arrayNode();
        if (confirmed.isEmpty() || p.flag("confirmed")) {
            for (SHA256 id : chain.confirmedTxidsOf(addrs)) {
                chain.transaction(id, verbose, false).ifPresent(out::add);
            }
        }
        if (confirmed.isEmpty() || !p.flag("confirmed")) {
            for (PoolEntry e : node.pool().all()) {
                boolean touches = addrs.isEmpty() || e.transaction().outputs().stream()
                        .anyMatch(o -> addrs.contains(o.address()));
                if (touches) {
                    chain.transaction(e.transaction().txid(), verbose, false).ifPresent(out::add);
                }
            }
        }
        return ok(out);
    }

    ApiResponse pending(Params p) throws ApiError {
        boolean verbose = p.flag("verbose");
        ArrayNode out = F.arrayNode();
        for (PoolEntry e : node.pool().all()) {
            ObjectNode o = F.objectNode();
            ObjectNode txn = (ObjectNode) chain.transaction(e.transaction().txid(), verbose, false)
                    .map(t -> t.get("txn")).orElseThrow(ApiError::notFound);
            txn.remove("timestamp");
            o.set("transaction", txn);
            o.put("received", RFC3339.format(e.received()));
            o.put("checked", RFC3339.format(e.checked()));
            o.put("announced", e.announced().map(RFC3339::format).orElse("0001-01-01T00:00:00Z"));
            o.put("is_valid", e.valid());
            out.add(o);
        }
        return ok(out);
    }

    private static Transaction decodeTxn(String hex) throws ApiError {
        try {
            return TransactionCodec.INSTANCE.decodeExact(HexFormat.of().parseHex(hex));
        } catch (DecodeException | IllegalArgumentException e) {
            throw ApiError.badRequest("decode transaction failed: " + e.getMessage());
        }
    }

    ApiResponse inject(JsonNode req) throws ApiError {
        String raw = req.path("rawtx").asString("");
        if (raw.isEmpty()) {
            throw ApiError.badRequest("rawtx is required");
        }
        boolean noBroadcast = req.path("no_broadcast").asBoolean(false);
        Transaction t = decodeTxn(raw);
        if (!noBroadcast && node.status().peers() == 0) {
            return error(503, "Outgoing connections not available");
        }
        UnconfirmedPool.Offer o = node.inject(t, noBroadcast);
        if (o.admission() == UnconfirmedPool.Admission.REJECTED) {
            throw ApiError.badRequest(o.reason());
        }
        return ok(F.stringNode(t.txid().toString()));
    }

    ApiResponse verify(JsonNode req) {
        boolean unsigned = req.path("unsigned").asBoolean(false);
        String raw = req.path("encoded_transaction").asString("");
        if (raw.isEmpty()) {
            return v2Error(400, "encoded_transaction is required", null);
        }
        Transaction t;
        try {
            t = TransactionCodec.INSTANCE.decodeExact(HexFormat.of().parseHex(raw));
        } catch (DecodeException | IllegalArgumentException e) {
            return v2Error(400, "decode transaction failed", null);
        }
        return VerifyJson.verify(node, t, unsigned, chain.headTime());
    }
}
