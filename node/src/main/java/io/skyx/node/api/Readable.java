package io.skyx.node.api;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import io.skyx.node.coin.BlockHeader;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.UxOut;
import io.skyx.node.store.StoredOutput;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/** Skycoin's "readable" JSON shapes for blocks, transactions and outputs (src/readable). */
final class Readable {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String ZERO_HASH = "0".repeat(64);

    private Readable() {
    }

    /** Droplets as Skycoin's decimal string with six decimals: 23000000000 → "23000.000000". */
    static String coins(long droplets) {
        String s = Long.toUnsignedString(droplets);
        if (s.length() <= 6) {
            s = "0".repeat(7 - s.length()) + s;
        }
        return s.substring(0, s.length() - 6) + "." + s.substring(s.length() - 6);
    }

    /** An unsigned u64 as a JSON number. */
    static tools.jackson.databind.JsonNode u64(long v) {
        return v >= 0 ? F.numberNode(v) : F.numberNode(new BigInteger(Long.toUnsignedString(v)));
    }

    static ObjectNode header(BlockHeader h) {
        ObjectNode o = F.objectNode();
        o.set("seq", u64(h.seq()));
        o.put("block_hash", h.hash().toString());
        o.put("previous_block_hash", h.prevHash().toString());
        o.set("timestamp", u64(h.time()));
        o.set("fee", u64(h.fee()));
        o.put("version", h.version());
        o.put("tx_body_hash", h.bodyHash().toString());
        o.put("ux_hash", h.uxHash().toString());
        return o;
    }

    /** Block size as Skycoin reports it: the sum of encoded transaction sizes. */
    static long blockSize(SignedBlock b) {
        long n = 0;
        for (Transaction t : b.block().body().transactions()) {
            n += t.size();
        }
        return n;
    }

    static ArrayNode sigs(Transaction t) {
        ArrayNode a = F.arrayNode();
        for (Sig s : t.sigs()) {
            a.add(s.toString());
        }
        return a;
    }

    static ArrayNode outputs(Transaction t, SHA256 srcForUxid) {
        ArrayNode a = F.arrayNode();
        for (TransactionOutput out : t.outputs()) {
            ObjectNode o = F.objectNode();
            o.put("uxid", out.uxId(srcForUxid).toString());
            o.put("dst", out.address().toString());
            o.put("coins", coins(out.coins()));
            o.set("hours", u64(out.hours()));
            a.add(o);
        }
        return a;
    }

    /**
     * A transaction in the non-verbose form.
     *
     * @param srcForUxid the source hash used for output ids: the txid, or zero in the genesis block
     */
    static ObjectNode transaction(Transaction t, SHA256 srcForUxid) {
        ObjectNode o = F.objectNode();
        o.set("length", u64(t.length()));
        o.put("type", t.type());
        o.put("txid", t.txid().toString());
        o.put("inner_hash", t.innerHash().toString());
        o.set("sigs", sigs(t));
        ArrayNode in = F.arrayNode();
        t.inputs().forEach(h -> in.add(h.toString()));
        o.set("inputs", in);
        o.set("outputs", outputs(t, srcForUxid));
        return o;
    }

    /** A verbose input: the spent output with its hours at {@code time}. */
    static ObjectNode verboseInput(UxOut ux, long time) {
        ObjectNode o = F.objectNode();
        o.put("uxid", ux.id().toString());
        o.put("owner", ux.body().address().toString());
        o.put("coins", coins(ux.body().coins()));
        o.put("src_txid", ux.body().srcTransaction().toString());
        o.set("hours", u64(ux.body().hours()));
        o.set("calculated_hours", u64(ApiHours.at(ux, time)));
        return o;
    }

    /** A transaction in the verbose form: inputs resolved, with the fee. */
    static ObjectNode verboseTransaction(Transaction t, SHA256 srcForUxid, List<UxOut> inputs, long time, long fee) {
        ObjectNode o = F.objectNode();
        o.set("length", u64(t.length()));
        o.put("type", t.type());
        o.put("txid", t.txid().toString());
        o.put("inner_hash", t.innerHash().toString());
        o.set("fee", u64(fee));
        o.set("sigs", sigs(t));
        ArrayNode in = F.arrayNode();
        inputs.forEach(ux -> in.add(verboseInput(ux, time)));
        o.set("inputs", in);
        o.set("outputs", outputs(t, srcForUxid));
        return o;
    }

    /** An output in the {@code /outputs} form (coins as a decimal string). */
    static ObjectNode output(UxOut ux, long headTime) {
        ObjectNode o = F.objectNode();
        o.put("hash", ux.id().toString());
        o.set("time", u64(ux.head().time()));
        o.set("block_seq", u64(ux.head().bkSeq()));
        o.put("src_tx", ux.body().srcTransaction().toString());
        o.put("address", ux.body().address().toString());
        o.put("coins", coins(ux.body().coins()));
        o.set("hours", u64(ux.body().hours()));
        o.set("calculated_hours", u64(ApiHours.at(ux, headTime)));
        return o;
    }

    /**
     * An output in the {@code /uxout} form (coins as integer droplets, with where it was spent). An unspent
     * output's {@code calculated_hours} accrue to the head time; a spent one's stay what Skycoin's node reports for
     * it, which never changes once spent: its recorded hours ({@code uxout-spent.golden}: an output created in
     * block 179 and spent in 181 shows {@code calculated_hours == hours}).
     */
    static ObjectNode uxout(StoredOutput s, long headTime) {
        UxOut ux = s.out();
        ObjectNode o = F.objectNode();
        o.put("uxid", ux.id().toString());
        o.set("time", u64(ux.head().time()));
        o.set("src_block_seq", u64(ux.head().bkSeq()));
        o.put("src_tx", ux.body().srcTransaction().toString());
        o.put("owner_address", ux.body().address().toString());
        o.set("coins", u64(ux.body().coins()));
        o.set("hours", u64(ux.body().hours()));
        o.set("calculated_hours", u64(s.spent() ? ux.body().hours() : ApiHours.at(ux, headTime)));
        o.set("spent_block_seq", u64(s.spentSeq().orElse(0L)));
        o.put("spent_tx", s.spentTxid().map(SHA256::toString).orElse(ZERO_HASH));
        return o;
    }

    static <T> ArrayNode array(List<T> items, Function<T, tools.jackson.databind.JsonNode> f) {
        ArrayNode a = F.arrayNode();
        items.forEach(i -> a.add(f.apply(i)));
        return a;
    }
}
