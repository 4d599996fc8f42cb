package io.skyx.node.api;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Droplets;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxOut;
import io.skyx.node.pool.PoolEntry;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.spend.SpendException;
import io.skyx.node.spend.SpendRequest;
import io.skyx.node.spend.TransactionCreator;
import io.skyx.node.spend.UxBalance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.skyx.node.api.Readable.F;

/**
 * {@code POST /api/v2/transaction}: an unsigned transaction from addresses or unspent outputs (Skycoin's
 * createTransactionHandler). Answers {@code {"data": {"transaction", "encoded_transaction"}}}; a bad request or
 * one the outputs cannot cover is 400 with the v2 error object and changes nothing.
 */
final class CreateTransactionJson {
    private final SkycoinNode node;

    CreateTransactionJson(SkycoinNode node) {
        this.node = node;
    }

    ApiResponse create(JsonNode req, long headTime) {
        try {
            List<Address> addrs = addresses(req.path("addresses"));
            List<SHA256> uxids = uxids(req.path("unspents"));
            if (!addrs.isEmpty() && !uxids.isEmpty()) {
                throw bad("unspents and addresses cannot be combined");
            }
            if (addrs.isEmpty() && uxids.isEmpty()) {
                throw bad("one of addresses or unspents must not be empty");
            }
            SpendRequest spend = request(req);
            List<UxOut> pool = pool(addrs, uxids, req.path("ignore_unconfirmed").asBoolean(false));
            TransactionCreator.Created c = TransactionCreator.create(spend, pool, headTime,
                    node.softParams().burnFactor());
            TxnResult user = TransactionRules.verifyUser(c.tx());
            if (user.ok()) {
                user = TransactionRules.verifySoft(c.tx(), headTime,
                        c.inputs().stream().map(UxBalance::out).toList(), node.softParams());
            }
            if (!user.ok()) {
                throw bad(user.violation());
            }
            ArrayNode in = F.arrayNode();
            long inHours = 0;
            for (UxBalance b : c.inputs()) {
                in.add(VerifyJson.input(b.out(), headTime));
                inHours += b.hours();
            }
            long outHours = c.tx().outputs().stream().mapToLong(TransactionOutput::hours).sum();
            ObjectNode data = F.objectNode();
            data.set("transaction", VerifyJson.transaction(c.tx(), in, inHours - outHours));
            data.put("encoded_transaction", HexFormat.of().formatHex(TransactionCodec.INSTANCE.encode(c.tx())));
            ObjectNode body = F.objectNode();
            body.set("data", data);
            return new ApiResponse(200, body);
        } catch (SpendException e) {
            return SkycoinApi.v2Error(e.badInput() ? 400 : 500, e.getMessage(), null);
        }
    }

    /**
     * The outputs the transaction may spend. Outputs spent by a pending transaction are left out when
     * {@code ignoreUnconfirmed}, and otherwise refuse the request (Skycoin's ErrSpendingUnconfirmed).
     */
    private List<UxOut> pool(List<Address> addrs, List<SHA256> uxids, boolean ignoreUnconfirmed)
            throws SpendException {
        Set<SHA256> pending = new HashSet<>();
        for (PoolEntry e : node.pool().all()) {
            pending.addAll(e.transaction().inputs());
        }
        List<UxOut> found = new ArrayList<>();
        for (Address a : addrs) {
            found.addAll(node.store().unspentsOf(a));
        }
        for (SHA256 id : uxids) {
            found.add(node.store().unspent(id).orElseThrow(
                    () -> bad("unspent output of " + id + " does not exist")));
        }
        List<UxOut> out = new ArrayList<>();
        for (UxOut u : found) {
            if (!pending.contains(u.id())) {
                out.add(u);
            } else if (!ignoreUnconfirmed) {
                throw bad("Please spend after your pending transaction is confirmed");
            }
        }
        return out;
    }

    private static SpendRequest request(JsonNode req) throws SpendException {
        JsonNode hs = req.path("hours_selection");
        String type = hs.path("type").asString("");
        String mode = hs.path("mode").asString("");
        Optional<BigDecimal> share = Optional.empty();
        String sf = hs.path("share_factor").asString("");
        if (!sf.isEmpty()) {
            try {
                share = Optional.of(new BigDecimal(sf));
            } catch (NumberFormatException e) {
                throw bad("can't convert " + sf + " to decimal");
            }
        }
        List<TransactionOutput> to = new ArrayList<>();
        for (JsonNode r : req.path("to")) {
            Address a = address(r.path("address").asString(""));
            String coinsText = r.path("coins").asString("");
            long coins = Droplets.parse(coinsText).orElseThrow(() -> bad("invalid coins value \"" + coinsText + "\""));
            long hours = 0;
            if (r.hasNonNull("hours")) {
                String h = r.path("hours").asString("");
                try {
                    hours = Long.parseUnsignedLong(h);
                } catch (NumberFormatException e) {
                    throw bad("invalid hours value \"" + h + "\"");
                }
            }
            to.add(new TransactionOutput(a, coins, hours));
        }
        Optional<Address> change = Optional.empty();
        if (req.hasNonNull("change_address")) {
            change = Optional.of(address(req.path("change_address").asString("")));
        }
        return new SpendRequest(type, mode, share, to, change);
    }

    private static List<Address> addresses(JsonNode arr) throws SpendException {
        LinkedHashSet<Address> out = new LinkedHashSet<>();
        for (JsonNode n : arr) {
            if (!out.add(address(n.asString("")))) {
                throw bad("addresses contains duplicate values");
            }
        }
        return List.copyOf(out);
    }

    private static List<SHA256> uxids(JsonNode arr) throws SpendException {
        LinkedHashSet<SHA256> out = new LinkedHashSet<>();
        for (JsonNode n : arr) {
            SHA256 h;
            try {
                h = SHA256.fromHex(n.asString(""));
            } catch (CipherException | RuntimeException e) {
                throw bad("invalid unspent " + n.asString(""));
            }
            if (!out.add(h)) {
                throw bad("unspents contains duplicate values");
            }
        }
        return List.copyOf(out);
    }

    private static Address address(String s) throws SpendException {
        try {
            return Address.parse(s);
        } catch (CipherException e) {
            throw bad(GoErrors.address(e));
        } catch (RuntimeException e) {
            throw bad("Invalid address " + s);
        }
    }

    private static SpendException bad(String message) {
        return SpendException.badInput(message);
    }
}
