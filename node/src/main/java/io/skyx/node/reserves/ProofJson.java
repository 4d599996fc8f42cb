package io.skyx.node.reserves;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The proof file a user downloads (docs/proof-of-reserves.md, "Proof file"): values as decimal strings, hashes
 * and salt as hex. Reading is strict: unknown or missing fields, wrong types, duplicate keys and an unknown
 * version are refused with {@link ProofError#MALFORMED}.
 */
public final class ProofJson {
    /** The one format version. */
    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final HexFormat HEX = HexFormat.of();

    private ProofJson() {
    }

    /** The proof as JSON text. */
    public static String write(InclusionProof p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", VERSION);
        o.put("asset", p.ref().asset());
        o.put("snapshot", p.ref().snapshot());
        o.putObject("root").put("hash", p.rootHash()).put("total", p.total().toString());
        o.putObject("leaf").put("account", p.account()).put("salt", HEX.formatHex(p.salt()))
                .put("value", p.value().toString());
        ArrayNode path = o.putArray("path");
        for (InclusionProof.Step s : p.path()) {
            path.addObject().put("side", s.siblingOnLeft() ? "left" : "right").put("hash", HEX.formatHex(s.hash()))
                    .put("value", s.value().toString());
        }
        return JSON.writeValueAsString(o);
    }

    /** Reads a proof file. */
    public static InclusionProof read(String text) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ProofException(ProofError.MALFORMED, "not JSON: " + e.getOriginalMessage());
        }
        fields(o, Set.of("version", "asset", "snapshot", "root", "leaf", "path"), "proof");
        if (!o.get("version").isInt() || o.get("version").intValue() != VERSION) {
            throw new ProofException(ProofError.MALFORMED, "unknown proof version " + o.get("version"));
        }
        if (!o.get("snapshot").isIntegralNumber() || !o.get("snapshot").canConvertToLong()) {
            throw new ProofException(ProofError.MALFORMED, "snapshot must be an integer");
        }
        SnapshotRef ref = new SnapshotRef(text(o, "asset"), o.get("snapshot").longValue());
        JsonNode root = fields(o.get("root"), Set.of("hash", "total"), "root");
        JsonNode leaf = fields(o.get("leaf"), Set.of("account", "salt", "value"), "leaf");
        if (!o.get("path").isArray()) {
            throw new ProofException(ProofError.MALFORMED, "path must be an array");
        }
        List<InclusionProof.Step> path = new ArrayList<>();
        for (JsonNode s : o.get("path")) {
            fields(s, Set.of("side", "hash", "value"), "path step");
            String side = text(s, "side");
            if (!side.equals("left") && !side.equals("right")) {
                throw new ProofException(ProofError.MALFORMED, "side must be left or right");
            }
            path.add(new InclusionProof.Step(side.equals("left"), InclusionProof.parseHash(text(s, "hash")),
                    Value128.parse(text(s, "value"))));
        }
        InclusionProof.parseHash(text(root, "hash"));
        return new InclusionProof(ref, text(root, "hash"), Value128.parse(text(root, "total")), text(leaf, "account"),
                salt(text(leaf, "salt")), Value128.parse(text(leaf, "value")), path);
    }

    private static JsonNode fields(JsonNode node, Set<String> names, String what) {
        if (node == null || !node.isObject()) {
            throw new ProofException(ProofError.MALFORMED, what + " must be an object");
        }
        for (String name : node.propertyNames()) {
            if (!names.contains(name)) {
                throw new ProofException(ProofError.MALFORMED, "unknown field " + what + "." + name);
            }
        }
        for (String name : names) {
            if (!node.has(name)) {
                throw new ProofException(ProofError.MALFORMED, "missing field " + what + "." + name);
            }
        }
        return node;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (!v.isString()) {
            throw new ProofException(ProofError.MALFORMED, name + " must be a string");
        }
        return v.stringValue();
    }

    private static byte[] salt(String hex) {
        if (hex.length() != 2 * TreeHash.SALT_SIZE) {
            throw new ProofException(ProofError.MALFORMED, "salt is 64 hex characters");
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ProofException(ProofError.MALFORMED, "salt is 64 hex characters");
        }
    }
}
