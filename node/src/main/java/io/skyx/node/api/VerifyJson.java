package io.skyx.node.api;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.UxOut;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.store.StoredOutput;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.skyx.node.api.Readable.F;

/** {@code POST /api/v2/transaction/verify}: the transaction with resolved inputs, and the rules' verdict. */
final class VerifyJson {
    private VerifyJson() {
    }

    /** One resolved input in Skycoin's CreatedTransactionInput shape, its hours valued at {@code headTime}. */
    static ObjectNode input(UxOut u, long headTime) {
        ObjectNode o = F.objectNode();
        o.put("uxid", u.id().toString());
        o.put("address", u.body().address().toString());
        o.put("coins", Readable.coins(u.body().coins()));
        o.put("hours", Long.toUnsignedString(u.body().hours()));
        o.put("calculated_hours", Long.toUnsignedString(ApiHours.at(u, headTime)));
        o.set("timestamp", Readable.u64(u.head().time()));
        o.set("block", Readable.u64(u.head().bkSeq()));
        o.put("txid", u.body().srcTransaction().toString());
        return o;
    }

    /** Skycoin's CreatedTransaction: header fields, fee as a string, sigs, the given inputs and the outputs. */
    static ObjectNode transaction(Transaction t, ArrayNode in, long fee) {
        ObjectNode txn = F.objectNode();
        txn.set("length", Readable.u64(t.length()));
        txn.put("type", t.type());
        txn.put("txid", t.txid().toString());
        txn.put("inner_hash", t.innerHash().toString());
        txn.put("fee", Long.toUnsignedString(fee));
        txn.set("sigs", Readable.sigs(t));
        txn.set("inputs", in);
        ArrayNode out = F.arrayNode();
        for (int i = 0; i < t.outputs().size(); i++) {
            TransactionOutput o = t.outputs().get(i);
            ObjectNode x = F.objectNode();
            x.put("uxid", t.outputId(i).toString());
            x.put("address", o.address().toString());
            x.put("coins", Readable.coins(o.coins()));
            x.put("hours", Long.toUnsignedString(o.hours()));
            out.add(x);
        }
        txn.set("outputs", out);
        return txn;
    }

    /**
     * As Skycoin's VerifyTxnVerbose: a confirmed transaction's inputs and fee are valued at the time of the block
     * before the one that confirmed it (the genesis transaction: no inputs, fee 0), the rules are not run, and the
     * answer is 422 "transaction has been spent" with the data.
     */
    static ApiResponse verify(SkycoinNode node, Transaction t, boolean unsigned, long headTime) {
        var location = node.store().transaction(t.txid());
        boolean confirmed = location.isPresent();
        if (confirmed) {
            long seq = location.get().blockSeq();
            headTime = seq == 0 ? 0 : node.store().blockBySeq(seq - 1).orElseThrow().header().time();
        }
        List<UxOut> inputs = new ArrayList<>();
        ArrayNode in = F.arrayNode();
        String missing = null;
        for (SHA256 id : t.inputs()) {
            Optional<StoredOutput> s = node.store().output(id);
            if (s.isEmpty()) {
                missing = "unspent output of " + id + " does not exist";
                continue;
            }
            UxOut u = s.get().out();
            inputs.add(u);
            in.add(input(u, headTime));
        }
        long fee = 0;
        if (missing == null && !inputs.isEmpty()) {
            TransactionRules.Fee f = TransactionRules.fee(t, headTime, inputs);
            fee = f.status().ok() ? f.fee() : 0;
        }
        ObjectNode txn = transaction(t, in, fee);
        ObjectNode data = F.objectNode();
        data.put("unsigned", unsigned);
        data.put("confirmed", confirmed);
        data.set("transaction", txn);

        String problem;
        if (confirmed) {
            problem = "transaction has been spent";
        } else if (missing != null) {
            problem = missing;
        } else if (t.inputs().isEmpty()) {
            problem = "Transaction violates hard constraint: No inputs";
        } else if (unsigned) {
            problem = t.sigs().stream().anyMatch(s -> s.isNull()) ? null
                    : "Transaction violates hard constraint: Unsigned transaction must contain a null signature";
        } else {
            UnconfirmedPool.Check c = node.check(t);
            problem = c.valid() ? null : c.reason();
        }
        ObjectNode body = F.objectNode();
        body.set("data", data);
        if (problem == null) {
            return new ApiResponse(200, body);
        }
        ObjectNode err = F.objectNode();
        err.put("message", problem);
        err.put("code", 422);
        body.set("error", err);
        return new ApiResponse(422, body);
    }
}
