package io.skyx.node.service;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.store.ChainStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing real mainnet blocks 0..120 through the chain rules into the durable store, and reopening it. */
class MainnetImportTest {

    static Path mainnetFile() {
        Path shared = Path.of(System.getProperty("skyx.shared.dir", "../../shared"));
        Assumptions.assumeTrue(Files.isDirectory(shared), shared + " (…/shared) not found: skipping vector tests");
        return shared.resolve("skycoin-vectors/mainnet-blocks-0-120.jsonl");
    }

    static NodeConfig config(Path dir) {
        return NodeConfig.follower(dir, GenesisParams.MAINNET, new InetSocketAddress("127.0.0.1", 0), List.of());
    }

    @Test
    void importsAllBlocksAndReopensAtTheSameState(@TempDir Path dir) throws Exception {
        Path file = mainnetFile();
        ChainStore.Head head;
        List<Long> progress = new ArrayList<>();
        try (SkycoinNode node = SkycoinNode.open(config(dir))) {
            BlockImport.Result r = BlockImport.run(node, file, progress::add);
            assertThat(r.error()).isEmpty();
            assertThat(r.applied()).isEqualTo(120);
            assertThat(r.skipped()).isEqualTo(1);
            head = node.storedHead();
            assertThat(head.seq()).isEqualTo(120);
            assertThat(head.block().hash().toString()).startsWith("644bd4cc");
            assertThat(node.store().blockBySeq(100).orElseThrow().hash().toString()).startsWith("725e7690");
            assertThat(head.uxHash()).isEqualTo(node.storedHead().uxHash());
            assertThat(node.store().allUnspents()).hasSize((int) head.unspentCount());
        }
        assertThat(progress).hasSize(120).startsWith(1L).endsWith(120L);
        try (SkycoinNode again = SkycoinNode.open(config(dir))) {
            assertThat(again.storedHead().block().hash()).isEqualTo(head.block().hash());
            assertThat(again.storedHead().uxHash()).isEqualTo(head.uxHash());
            assertThat(again.storedHead().unspentCount()).isEqualTo(head.unspentCount());
            BlockImport.Result twice = BlockImport.run(again, file, s -> { });
            assertThat(twice.applied()).isZero();
            assertThat(twice.skipped()).isEqualTo(121);
        }
    }

    @Test
    void badLinesStopTheImportAndChangeNothing(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(mainnetFile());
        Path bad = dir.resolve("bad.jsonl");
        String corrupted = lines.get(3).replace("\"signed_block_hex\": \"", "\"signed_block_hex\": \"00");
        Files.write(bad, List.of(lines.get(0), lines.get(1), lines.get(2), corrupted, lines.get(4)));
        try (SkycoinNode node = SkycoinNode.open(config(dir.resolve("db")))) {
            BlockImport.Result r = BlockImport.run(node, bad, s -> { });
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("line 4");
            assertThat(node.head().seq()).isEqualTo(2);
        }
    }

    @Test
    void aBlockWithABrokenSignatureIsRefused(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(mainnetFile());
        String line2 = lines.get(2);
        int at = line2.lastIndexOf('"') - 100;
        String flipped = line2.substring(0, at) + (line2.charAt(at) == 'a' ? 'b' : 'a') + line2.substring(at + 1);
        Path tampered = dir.resolve("tampered.jsonl");
        Files.write(tampered, List.of(lines.get(0), lines.get(1), flipped, lines.get(3)));
        try (SkycoinNode node = SkycoinNode.open(config(dir.resolve("db")))) {
            var before = node.storedHead();
            BlockImport.Result r = BlockImport.run(node, tampered, s -> { });
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("line 3").contains("BAD_BLOCK_SIGNATURE");
            assertThat(node.head().seq()).isEqualTo(1);
            assertThat(node.storedHead().seq()).isEqualTo(1);
            assertThat(before.seq()).isZero();
        }
    }

    @Test
    void aRefusedBlockInsideAChunkKeepsTheBlocksBeforeItAndReportsOnlyStoredOnes(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(mainnetFile());
        Path file = dir.resolve("skip.jsonl");
        List<String> out = new java.util.ArrayList<>(lines.subList(0, 11));
        out.add(lines.get(12));
        out.addAll(lines.subList(13, 20));
        Files.write(file, out);
        List<Long> reported = new java.util.ArrayList<>();
        try (SkycoinNode node = SkycoinNode.open(config(dir.resolve("db")))) {
            BlockImport.Result r = BlockImport.run(node, file, reported::add);
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("line 12").contains("BAD_SEQ");
            assertThat(r.applied()).isEqualTo(10);
            assertThat(node.head().seq()).isEqualTo(10);
            assertThat(node.storedHead().seq()).isEqualTo(10);
        }
        assertThat(reported).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        try (SkycoinNode node = SkycoinNode.open(config(dir.resolve("db")))) {
            assertThat(node.head().seq()).isEqualTo(10);
            BlockImport.Result again = BlockImport.run(node, mainnetFile(), s -> { });
            assertThat(again.ok()).as(again.error()).isTrue();
            assertThat(again.skipped()).isEqualTo(11);
            assertThat(node.head().seq()).isEqualTo(120);
        }
    }
}
