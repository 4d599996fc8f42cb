package io.skyx.node.cipher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads ../shared/skycoin-vectors through the {@code skyx.shared.dir} system property (skips if absent). */
final class Vectors {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Vectors() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("skyx.shared.dir", "../../shared"), "skycoin-vectors");
        assumeTrue(Files.isDirectory(dir), dir + ": ../shared not found: skipping vector tests");
        return dir;
    }

    static JsonNode json(String relative) throws IOException {
        return JSON.readTree(Files.readString(dir().resolve(relative)));
    }

    static List<SHA256> inputHashes() throws Exception {
        List<SHA256> out = new ArrayList<>();
        for (JsonNode h : json("cipher/input-hashes.golden").get("hashes")) {
            out.add(SHA256.fromHex(h.asString()));
        }
        return out;
    }

    static byte[] seed(JsonNode golden) {
        return Base64.getDecoder().decode(golden.get("seed").asString());
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static List<String> goldenFiles(String prefix) throws IOException {
        try (var files = Files.list(dir().resolve("cipher"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".golden"))
                    .sorted().map(n -> "cipher/" + n).toList();
        }
    }
}
