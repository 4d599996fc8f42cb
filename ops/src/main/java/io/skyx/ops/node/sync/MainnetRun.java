package io.skyx.ops.node.sync;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import io.skyx.ops.node.BenchDirs;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mainnet blocks 0–120 (skycoin-vectors/mainnet-blocks-0-120.jsonl) imported into a fresh node store, every rule
 * and signature checked and every block written: {@code warmups} unmeasured imports, then {@code runs} measured.
 */
final class MainnetRun {
    private MainnetRun() {
    }

    static void run(Path dir, int warmups, int runs) throws Exception {
        Path shared = Path.of(System.getProperty("skyx.shared.dir", "../shared"));
        Path file = shared.resolve("skycoin-vectors").resolve("mainnet-blocks-0-120.jsonl");
        if (!Files.isRegularFile(file)) {
            System.out.println("mainnet 0-120: " + file.toAbsolutePath() + " not found (pass -Dskyx.shared.dir)");
            return;
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            Path store = dir.resolve("run-" + i);
            long t = System.nanoTime();
            try (SkycoinNode node = SkycoinNode.open(NodeConfig.follower(store, GenesisParams.MAINNET,
                    new InetSocketAddress("127.0.0.1", 0), List.of()))) {
                BlockImport.Result r = BlockImport.run(node, file, s -> { });
                if (!r.ok() || r.headSeq() != 120) {
                    throw new IllegalStateException("mainnet import: " + r);
                }
            }
            if (i >= warmups) {
                ms.add(NodeSyncBench.secs(t) * 1000);
            }
            BenchDirs.deleteTree(store);
        }
        List<Double> sorted = ms.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "mainnet blocks 0-120 opened, verified, applied and stored in a fresh store"
                + " (after %d warm-ups): median %.0f ms, min %.0f ms, max %.0f ms over %d runs%n", warmups,
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), runs);
    }
}
