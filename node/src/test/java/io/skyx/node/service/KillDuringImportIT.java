package io.skyx.node.service;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.coin.UxOut;
import io.skyx.node.store.ChainStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a child JVM in the middle of a block import, then reopening: the head and unspent set equal those of
 * a clean import of the same number of blocks; the reopen restores the state without replay and its checksum (the
 * restored unspent set's UxHash against the one recorded with the head) passes.
 */
class KillDuringImportIT {
    private static final String SEED = "kill-during-import";
    private static final int BLOCKS = 400;

    static Path writeChain(ChainGenerator gen, int blocks, int txnsPerBlock, Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        for (SignedBlock b : gen.blocks()) {
            lines.add(line(b));
        }
        for (int i = 0; i < blocks; i++) {
            lines.add(line(gen.nextBlock(txnsPerBlock)));
        }
        return Files.write(file, lines);
    }

    private static String line(SignedBlock b) {
        return "{\"seq\": " + b.header().seq() + ", \"hash\": \"" + b.hash() + "\", \"signed_block_hex\": \""
                + HexFormat.of().formatHex(SignedBlockCodec.INSTANCE.encode(b)) + "\"}";
    }

    static Set<String> unspentIds(ChainStore store) {
        return store.allUnspents().stream().map(UxOut::id).map(SHA256::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void killDuringImportThenReopen(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator(SEED);
        Path file = writeChain(gen, BLOCKS, 2, dir.resolve("chain.jsonl"));
        Path data = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ImportChild.class.getName(), data.toString(), file.toString(), SEED)
                .redirectErrorStream(true).start();
        long killedAfter = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (String l = out.readLine(); l != null && System.nanoTime() < deadline; l = out.readLine()) {
                if (l.startsWith("applied ") && Long.parseLong(l.substring(8)) >= 60) {
                    killedAfter = Long.parseLong(l.substring(8));
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(killedAfter).as("child reported progress before the kill").isGreaterThanOrEqualTo(60);

        NodeConfig killedCfg = NodeConfig.follower(data, gen.params(), new InetSocketAddress("127.0.0.1", 0), List.of());
        long head;
        SHA256 uxHash;
        Set<String> unspents;
        try (SkycoinNode reopened = SkycoinNode.open(killedCfg)) {
            head = reopened.head().seq();
            uxHash = reopened.storedHead().uxHash();
            unspents = unspentIds(reopened.store());
            assertThat(reopened.storedHead().unspentCount()).isEqualTo(unspents.size());
        }
        System.out.println("killed after block " + killedAfter + ", reopened at head " + head);
        assertThat(head).isBetween(killedAfter, (long) BLOCKS);

        Path partial = dir.resolve("partial.jsonl");
        Files.write(partial, Files.readAllLines(file).subList(0, (int) head + 1));
        NodeConfig cleanCfg = NodeConfig.follower(dir.resolve("clean"), gen.params(),
                new InetSocketAddress("127.0.0.1", 0), List.of());
        try (SkycoinNode clean = SkycoinNode.open(cleanCfg)) {
            assertThat(BlockImport.run(clean, partial, s -> { }).ok()).isTrue();
            assertThat(clean.head().seq()).isEqualTo(head);
            assertThat(clean.storedHead().uxHash()).isEqualTo(uxHash);
            assertThat(unspentIds(clean.store())).isEqualTo(unspents);
        }
        try (SkycoinNode resumed = SkycoinNode.open(killedCfg)) {
            BlockImport.Result r = BlockImport.run(resumed, file, s -> { });
            assertThat(r.ok()).isTrue();
            assertThat(resumed.head().seq()).isEqualTo(BLOCKS);
            assertThat(resumed.storedHead().block().hash()).isEqualTo(gen.blocks().getLast().hash());
        }
    }
}
