package io.skyx.ops.node.coin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw signed blocks of skycoin-vectors/mainnet-blocks-0-120.jsonl, found via {@code -Dskyx.shared.dir}. */
final class MainnetVectors {
    private MainnetVectors() {
    }

    static Path file() {
        Path shared = Path.of(System.getProperty("skyx.shared.dir", "../shared"));
        Path file = shared.resolve("skycoin-vectors").resolve("mainnet-blocks-0-120.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " not found: run from the project root or pass "
                    + "-Dskyx.shared.dir=/path/to/shared");
        }
        return file;
    }

    /** @return the raw bytes of blocks 0..120 in order */
    static List<byte[]> rawBlocks() {
        JsonMapper json = JsonMapper.builder().build();
        List<byte[]> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file())) {
                if (!line.isBlank()) {
                    JsonNode j = json.readTree(line);
                    out.add(HexFormat.of().parseHex(j.get("signed_block_hex").asString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
