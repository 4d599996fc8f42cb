package io.skyx.node.cli;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Droplets;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.encoding.DecodeException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code skycoin decode-tx HEX}: decodes one encoded transaction (exactly, no trailing bytes) and prints it as
 * JSON: txid, inner hash (declared and recomputed), length, type, signatures with the address each recovers to,
 * inputs, outputs with their uxids, and the result of the structural checks ({@code Transaction.Verify}).
 */
final class DecodeTxCommand implements Subcommand {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String usage() {
        return "decode-tx HEX";
    }

    @Override
    public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(rawArgs, Set.of(), Set.of());
        if (args.positional().size() != 1) {
            throw new UsageException("give exactly one hex-encoded transaction");
        }
        String hex = args.positional().get(0).trim();
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the transaction is not hexadecimal (" + hex.length() + " characters)");
        }
        Transaction t;
        try {
            t = TransactionCodec.INSTANCE.decodeExact(raw);
        } catch (DecodeException e) {
            err.println("skycoin decode-tx: not a transaction: " + e.error() + " at byte " + e.offset() + " ("
                    + e.getMessage() + ")");
            return USAGE;
        }
        out.println(JSON.writeValueAsString(toJson(t)));
        return OK;
    }

    static ObjectNode toJson(Transaction t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("txid", t.txid().hex());
        o.put("inner_hash", t.innerHash().hex());
        o.put("computed_inner_hash", t.computeInnerHash().hex());
        o.put("length", t.length());
        o.put("size", t.size());
        o.put("type", t.type());
        ArrayNode sigs = o.putArray("signatures");
        for (int i = 0; i < t.sigs().size(); i++) {
            ObjectNode s = sigs.addObject();
            s.put("sig", t.sigs().get(i).hex());
            if (i < t.inputs().size()) {
                SHA256 signed = t.signingHash(i);
                s.put("signed_hash", signed.hex());
                var pub = Cipher.pubKeyFromSig(t.sigs().get(i), signed);
                if (pub.isPresent()) {
                    s.put("recovered_public", pub.get().hex());
                    s.put("recovered_address", Address.fromPubKey(pub.get()).toString());
                } else {
                    s.putNull("recovered_public");
                    s.putNull("recovered_address");
                }
            }
        }
        ArrayNode inputs = o.putArray("inputs");
        t.inputs().forEach(in -> inputs.add(in.hex()));
        ArrayNode outputs = o.putArray("outputs");
        for (int i = 0; i < t.outputs().size(); i++) {
            TransactionOutput out = t.outputs().get(i);
            ObjectNode j = outputs.addObject();
            j.put("uxid", t.outputId(i).hex());
            j.put("address", out.address().toString());
            j.put("coins", Droplets.format(out.coins()));
            j.put("droplets", unsigned(out.coins()));
            j.put("hours", unsigned(out.hours()));
        }
        o.put("structure", TransactionRules.verifyStructure(t).name());
        return o;
    }

    static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
