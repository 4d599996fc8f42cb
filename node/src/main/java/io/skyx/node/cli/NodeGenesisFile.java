package io.skyx.node.cli;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small JSON file of a private chain's genesis parameters ({@code --genesis FILE}):
 * {@code {"address", "coins", "timestamp", "signature", "blockchain_pubkey"}}, and the key file (hex secret key).
 */
final class NodeGenesisFile {
    private NodeGenesisFile() {
    }

    /** {@code mainnet} or a genesis JSON file. */
    static GenesisParams load(String spec) throws UsageException {
        if (spec.equals("mainnet")) {
            return GenesisParams.MAINNET;
        }
        try {
            JsonNode n = JsonMapper.builder().build().readTree(Files.readString(Path.of(spec)));
            GenesisParams p = new GenesisParams(Address.parse(text(n, "address")), number(n, "coins"),
                    number(n, "timestamp"), Sig.fromHex(text(n, "signature")), PubKey.fromHex(text(n, "blockchain_pubkey")));
            if (!io.skyx.node.cipher.Cipher.verifyPubKeySignedHash(p.blockchainPubKey(), p.signature(),
                    p.genesisBlock().hash()).ok()) {
                throw new UsageException("genesis file " + spec + ": signature does not verify against blockchain_pubkey");
            }
            return p;
        } catch (IOException e) {
            throw new UsageException("cannot read genesis file " + spec + ": " + e.getMessage());
        } catch (JacksonException | CipherException | IllegalArgumentException e) {
            throw new UsageException("invalid genesis file " + spec + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) throws UsageException {
        JsonNode v = n.get(field);
        if (v == null || !v.isString()) {
            throw new UsageException("genesis file needs a string \"" + field + "\"");
        }
        return v.asString();
    }

    private static long number(JsonNode n, String field) throws UsageException {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
            throw new UsageException("genesis file needs a positive integer \"" + field + "\"");
        }
        return v.asLong();
    }

    static String toJson(GenesisParams p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("address", p.address().toString());
        o.put("coins", p.coins());
        o.put("timestamp", p.timestamp());
        o.put("signature", p.signature().hex());
        o.put("blockchain_pubkey", p.blockchainPubKey().hex());
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }

    /** Reads a key file: the 32-byte secret key as hex on the first line. */
    static SecKey loadKey(Path file) throws UsageException {
        try {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return SecKey.fromHex(hex);
        } catch (IOException e) {
            throw new UsageException("cannot read key file " + file + ": " + e.getMessage());
        } catch (CipherException | IllegalArgumentException e) {
            throw new UsageException("key file " + file + " does not hold a valid hex secret key");
        }
    }
}
