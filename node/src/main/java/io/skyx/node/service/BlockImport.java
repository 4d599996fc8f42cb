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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.skyx.node.coin.Recoveries;
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

    /** Blocks per chunk: decoded, recovered ahead and stored together. */
    private static final int AHEAD = 64;
    /** Chunks in flight: the one applied and those read and being recovered after it. */
    static final int DEPTH = 3;

    private record Parsed(long lineNo, SignedBlock block, String error) {
    }

    /**
     * Imports in chunks of {@link #AHEAD} blocks: while one chunk is applied in order through the chain rules, the
     * signatures of the next {@link #DEPTH} − 1 chunks (read and decoded before it is applied) are recovered in
     * parallel ({@link Recoveries}, with the blockchain key and the stored outputs' owners as candidates), so the
     * recovery threads never wait for the applier. A chunk's blocks are stored in one atomic write
     * ({@link SkycoinNode#applyBlocks}); {@code onApplied} hears of a block only once it is stored.
     *
     * @param onApplied called with each applied block's seq (progress reporting)
     */
    public static Result run(SkycoinNode node, Path file, LongConsumer onApplied) throws IOException, StoreException {
        JsonMapper json = JsonMapper.builder().build();
        Recoveries.Hints hints = node.recoveryHints();
        long applied = 0;
        long skipped = 0;
        long[] lineNo = {0};
        Deque<Ahead> ahead = new ArrayDeque<>(DEPTH);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
            while (ahead.size() < DEPTH - 1) {
                ahead.add(readAhead(r, json, lineNo, hints, last));
                last = ahead.getLast().ready();
            }
            while (!ahead.peekFirst().chunk().isEmpty()) {
                Ahead current = ahead.removeFirst();
                current.ready().join();
                ahead.add(readAhead(r, json, lineNo, hints, (ahead.isEmpty() ? current : ahead.getLast()).ready()));
                List<Parsed> pending = new ArrayList<>(current.chunk().size());
                for (Parsed p : current.chunk()) {
                    if (p.block() != null && Long.compareUnsigned(p.block().header().seq(),
                            node.head().seq() + pending.size()) > 0) {
                        pending.add(p);
                        continue;
                    }
                    // a bad line or a block at or below the head: what is pending is applied first, as before it
                    Outcome o = applyAll(node, pending, onApplied);
                    applied += o.applied();
                    if (!o.error().isEmpty()) {
                        return fail(node, applied, skipped, o.error());
                    }
                    pending.clear();
                    if (p.block() == null) {
                        return fail(node, applied, skipped, "line " + p.lineNo() + ": " + p.error());
                    }
                    SignedBlock b = p.block();
                    long seq = b.header().seq();
                    if (node.store().blockBySeq(seq).map(SignedBlock::hash).filter(b.hash()::equals).isEmpty()) {
                        return fail(node, applied, skipped, "line " + p.lineNo() + ": block " + seq
                                + " differs from the stored one");
                    }
                    skipped++;
                }
                Outcome o = applyAll(node, pending, onApplied);
                applied += o.applied();
                if (!o.error().isEmpty()) {
                    return fail(node, applied, skipped, o.error());
                }
            }
        } finally {
            // recoveries still running would leave answers behind the clear
            ahead.forEach(a -> a.ready().exceptionally(e -> null).join());
            Recoveries.clear();
        }
        return new Result(applied, skipped, node.head().seq(), "");
    }

    /** A chunk read ahead of the one applied, and its recoveries. */
    private record Ahead(List<Parsed> chunk, CompletableFuture<Void> ready) {
    }

    /**
     * Reads the next chunk and recovers its signatures once those of the chunk before ({@code after}) are done:
     * one chunk at a time keeps both recovery threads on it (two chunks' parallel recoveries at once made a thread
     * wait in a join for work the other had taken) and lets each chunk use the keys and owners of the one before.
     */
    private static Ahead readAhead(BufferedReader r, JsonMapper json, long[] lineNo, Recoveries.Hints hints,
                                   CompletableFuture<Void> after) throws IOException {
        List<Parsed> chunk = readChunk(r, json, lineNo);
        return new Ahead(chunk, after.exceptionally(e -> null).thenCompose(v -> prefetchAsync(chunk, hints)));
    }

    /**
     * Applies {@code pending} (consecutive blocks above the head) in one store write; on a refusal the blocks
     * before it stay applied and stored.
     *
     * @return how many were applied, and "" or the error of the refused block (the last one tried)
     */
    private static Outcome applyAll(SkycoinNode node, List<Parsed> pending, LongConsumer onApplied)
            throws StoreException {
        if (pending.isEmpty()) {
            return new Outcome(0, "");
        }
        List<ApplyResult> results = node.applyBlocks(pending.stream().map(Parsed::block).toList());
        for (int i = 0; i < results.size(); i++) {
            ApplyResult res = results.get(i);
            if (!res.ok()) {
                return new Outcome(i, "line " + pending.get(i).lineNo() + ": " + res.describe());
            }
            onApplied.accept(pending.get(i).block().header().seq());
        }
        return new Outcome(results.size(), "");
    }

    private record Outcome(int applied, String error) {
    }

    private static CompletableFuture<Void> prefetchAsync(List<Parsed> chunk, Recoveries.Hints hints) {
        return Recoveries.prefetchAsync(chunk.stream().filter(p -> p.block() != null).map(Parsed::block).toList(),
                hints);
    }

    /** Up to {@link #AHEAD} blocks; a bad line ends the chunk (and the import, when it is reached). */
    private static List<Parsed> readChunk(BufferedReader r, JsonMapper json, long[] lineNo) throws IOException {
        List<Parsed> out = new ArrayList<>(AHEAD);
        while (out.size() < AHEAD) {
            String line = r.readLine();
            if (line == null) {
                break;
            }
            lineNo[0]++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = json.readTree(line);
                String hex = n.path("signed_block_hex").asString("");
                if (hex.isEmpty()) {
                    out.add(new Parsed(lineNo[0], null, "no signed_block_hex"));
                    break;
                }
                out.add(new Parsed(lineNo[0], SignedBlockCodec.INSTANCE.decodeExact(HexFormat.of().parseHex(hex)), ""));
            } catch (JacksonException | IllegalArgumentException | DecodeException e) {
                out.add(new Parsed(lineNo[0], null, String.valueOf(e.getMessage())));
                break;
            }
        }
        return out;
    }

    private static Result fail(SkycoinNode node, long applied, long skipped, String error) {
        return new Result(applied, skipped, node.head().seq(), error);
    }
}
