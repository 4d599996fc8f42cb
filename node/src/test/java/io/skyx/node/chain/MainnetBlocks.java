package io.skyx.node.chain;

import io.skyx.node.coin.SharedVectors;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.encoding.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The real mainnet blocks 0..120 of skycoin-vectors/mainnet-blocks-0-120.jsonl. */
public final class MainnetBlocks {
    /** One line: the block's seq and hash as listed, its raw bytes and the decoded block. */
    public record Line(long seq, String hash, byte[] raw, SignedBlock block) {
    }

    private MainnetBlocks() {
    }

    public static Path file() {
        return SharedVectors.dir().resolve("mainnet-blocks-0-120.jsonl");
    }

    public static List<Line> load() {
        try {
            List<Line> out = new ArrayList<>();
            for (String text : Files.readAllLines(file())) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode j = SharedVectors.parse(text);
                byte[] raw = HexFormat.of().parseHex(j.get("signed_block_hex").asString());
                out.add(new Line(j.get("seq").asLong(), j.get("hash").asString(), raw,
                        SignedBlockCodec.INSTANCE.decodeExact(raw)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DecodeException e) {
            throw new IllegalStateException("mainnet block does not decode: " + e.getMessage(), e);
        }
    }
}
