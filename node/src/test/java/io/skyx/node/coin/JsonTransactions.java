package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Rebuilds transactions and headers from Skycoin's REST JSON (v1 and v2 shapes). */
final class JsonTransactions {
    private JsonTransactions() {
    }

    static Transaction transaction(JsonNode j) throws CipherException {
        List<Sig> sigs = new ArrayList<>();
        for (JsonNode s : j.get("sigs").values()) {
            sigs.add(Sig.fromHex(s.asString()));
        }
        List<SHA256> inputs = new ArrayList<>();
        for (JsonNode in : j.get("inputs").values()) {
            inputs.add(SHA256.fromHex(in.isObject() ? in.get("uxid").asString() : in.asString()));
        }
        List<TransactionOutput> outputs = new ArrayList<>();
        for (JsonNode o : j.get("outputs").values()) {
            JsonNode dst = o.has("dst") ? o.get("dst") : o.get("address");
            outputs.add(new TransactionOutput(Address.parse(dst.asString()),
                    Droplets.parse(o.get("coins").asString()).orElseThrow(),
                    Long.parseUnsignedLong(o.get("hours").asString())));
        }
        return new Transaction(j.get("length").asLong(), j.get("type").asInt(),
                SHA256.fromHex(j.get("inner_hash").asString()), sigs, inputs, outputs);
    }

    static BlockHeader header(JsonNode h) throws CipherException {
        return new BlockHeader(h.get("version").asLong(), h.get("timestamp").asLong(), h.get("seq").asLong(),
                Long.parseUnsignedLong(h.get("fee").asString()),
                SHA256.fromHex(h.get("previous_block_hash").asString()),
                SHA256.fromHex(h.get("tx_body_hash").asString()), SHA256.fromHex(h.get("ux_hash").asString()));
    }
}
