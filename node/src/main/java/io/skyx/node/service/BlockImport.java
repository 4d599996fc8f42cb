package io.skyx.node.service;

import io.skyx.node.chain.ApplyResult;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.store.StoreException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * Imports a file of raw signed blocks, one JSON object per line with {@code signed_block_hex} (as in
 * mainnet-blocks-0-120.jsonl): blocks at or below the head are skipped (the genesis block is checked to be the
 * configured one), every other block goes through the full chain rules. Stops at the first bad line or block.
 */
public final class BlockImport {

    /** How an import ended. */
    public record Result(long applied, long skipped, long headSeq, String error) {
        public boolean ok() {
            return error.isEmpty();
        }
    }

    private BlockImport() {
    }

    /**
     * @param onApplied called with each applied block's seq (progress reporting)
     */
    public static Result run(SkycoinNode node, Path file, LongConsumer onApplied) throws IOException, StoreException {
        JsonMapper json = JsonMapper.builder().build();
        long applied = 0;
        long skipped = 0;
        long lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                SignedBlock b;
                try {
                    JsonNode n = json.readTree(line);
                    String hex = n.path("signed_block_hex").asString("");
                    if (hex.isEmpty()) {
                        return fail(node, applied, skipped, "line " + lineNo + ": no signed_block_hex");
                    }
                    b = SignedBlockCodec.INSTANCE.decodeExact(HexFormat.of().parseHex(hex));
                } catch (JacksonException | IllegalArgumentException | DecodeException e) {
                    return fail(node, applied, skipped, "line " + lineNo + ": " + e.getMessage());
                }
                long seq = b.header().seq();
                if (Long.compareUnsigned(seq, node.head().seq()) <= 0) {
                    if (node.store().blockBySeq(seq).map(SignedBlock::hash).filter(b.hash()::equals).isEmpty()) {
                        return fail(node, applied, skipped, "line " + lineNo + ": block " + seq
                                + " differs from the stored one");
                    }
                    skipped++;
                    continue;
                }
                ApplyResult res = node.applyBlock(b);
                if (!res.ok()) {
                    return fail(node, applied, skipped, "line " + lineNo + ": " + res.describe());
                }
                applied++;
                onApplied.accept(seq);
            }
        }
        return new Result(applied, skipped, node.head().seq(), "");
    }

    private static Result fail(SkycoinNode node, long applied, long skipped, String error) {
        return new Result(applied, skipped, node.head().seq(), error);
    }
}
