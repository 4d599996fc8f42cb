package io.skyx.node.api;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.pool.PoolEntry;
import io.skyx.node.service.SkycoinNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.skyx.node.api.Readable.F;

/**
 * {@code GET /api/v2/transactions}: {@code /api/v1/transactions} with pages (Skycoin's README, "Get transactions
 * with pagination"): {@code page} from 1 (default 1), {@code limit} 1..100 (default 10), {@code sort} of the
 * confirmed transactions by block seq ({@code asc}, default, or {@code desc}); unconfirmed ones follow the
 * confirmed ones. Answers {@code {"data": {"page_info": {total_pages, page_size, current_page}, "txns": [...]}}}.
 */
final class TransactionsPage {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final SkycoinNode node;
    private final ChainJson chain;

    TransactionsPage(SkycoinNode node, ChainJson chain) {
        this.node = node;
        this.chain = chain;
    }

    ApiResponse page(Params p, List<Address> addrs) throws ApiError {
        long page = positive(p, "page", 1);
        long limit = positive(p, "limit", DEFAULT_LIMIT);
        if (limit > MAX_LIMIT) {
            throw ApiError.badRequest("limit must be <= " + MAX_LIMIT);
        }
        String sort = p.get("sort").orElse("asc");
        if (!sort.equals("asc") && !sort.equals("desc")) {
            throw ApiError.badRequest("sort must be asc or desc");
        }
        Optional<Boolean> confirmed = p.get("confirmed").isPresent() ? Optional.of(p.flag("confirmed"))
                : Optional.empty();
        boolean verbose = p.flag("verbose");
        List<SHA256> ids = new ArrayList<>();
        if (confirmed.orElse(true)) {
            List<SHA256> c = addrs.isEmpty() ? allConfirmed() : chain.confirmedTxidsOf(addrs);
            ids.addAll(sort.equals("desc") ? c.reversed() : c);
        }
        if (!confirmed.orElse(false)) {
            for (PoolEntry e : node.pool().all()) {
                if (addrs.isEmpty() || touches(e.transaction(), addrs)) {
                    ids.add(e.transaction().txid());
                }
            }
        }
        long totalPages = (ids.size() + limit - 1) / limit;
        ArrayNode txns = F.arrayNode();
        long from = (page - 1) * limit;
        for (long i = from; i < Math.min(ids.size(), from + limit); i++) {
            chain.transaction(ids.get((int) i), verbose, false).ifPresent(txns::add);
        }
        ObjectNode info = F.objectNode();
        info.put("total_pages", totalPages);
        info.put("page_size", limit);
        info.put("current_page", page);
        ObjectNode data = F.objectNode();
        data.set("page_info", info);
        data.set("txns", txns);
        ObjectNode body = F.objectNode();
        body.set("data", data);
        return new ApiResponse(200, body);
    }

    private static long positive(Params p, String key, long dflt) throws ApiError {
        Optional<String> v = p.get(key);
        if (v.isEmpty()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid " + key + " value \"" + v.get() + "\"");
        }
        if (n <= 0) {
            throw ApiError.badRequest(key + " must be greater than 0");
        }
        return n;
    }

    private static boolean touches(Transaction t, List<Address> addrs) {
        return t.outputs().stream().anyMatch(o -> addrs.contains(o.address()));
    }

    private List<SHA256> allConfirmed() {
        List<SHA256> out = new ArrayList<>();
        for (long s = 0; s <= chain.headSeq(); s++) {
            Optional<SignedBlock> b = node.store().blockBySeq(s);
            b.ifPresent(x -> x.block().body().transactions().forEach(t -> out.add(t.txid())));
        }
        return out;
    }
}
