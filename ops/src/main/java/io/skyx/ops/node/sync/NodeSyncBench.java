package io.skyx.ops.node.sync;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.ChainGenerator;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Harness for the embedded node's throughput: generates a valid private chain (N blocks × T transactions), then
 * measures (1) import-and-verify of its JSONL block file into a fresh RocksDB store, every block and signature
 * checked, and (2) a follower syncing the whole chain from a publisher over the P2P protocol on loopback. Each
 * figure also comes per CPU-second of the whole process (for the sync: publisher and follower together), which a
 * loaded machine changes far less than the wall-clock rate.
 *
 * <pre>java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.node.sync.NodeSyncBench [blocks] [txnsPerBlock] [dir]</pre>
 */
public final class NodeSyncBench {
    private NodeSyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int txns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("skyx-node-bench");
        System.out.printf(Locale.ROOT, "generating %d blocks x %d txns (seed node-sync-bench) in %s%n", blocks, txns, dir);
        long t0 = System.nanoTime();
        ChainGenerator gen = new ChainGenerator("node-sync-bench");
        Path file = dir.resolve("chain.jsonl");
        long txnCount = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, gen.blocks().getFirst());
            for (int i = 0; i < blocks; i++) {
                SignedBlock b = gen.nextBlock(txns);
                txnCount += b.block().body().transactions().size();
                write(w, b);
            }
        }
        System.out.printf(Locale.ROOT, "generated %d txns in %.1f s (%.1f MB)%n", txnCount, secs(t0),
                Files.size(file) / 1e6);

        Path pubDir = dir.resolve("publisher");
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        try (SkycoinNode node = SkycoinNode.open(NodeConfig.publisher(pubDir, gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of()))) {
            BlockImport.Result r = BlockImport.run(node, file, s -> { });
            if (!r.ok()) {
                throw new IllegalStateException(r.error());
            }
        }
        double importSecs = secs(t1);
        double importCpu = (processCpuNanos() - cpu1) / 1e9;
        System.out.printf(Locale.ROOT, "import+verify: %d blocks, %d txns in %.2f s = %.0f blocks/s, %.0f txns/s;"
                + " %.2f CPU-s = %.0f txns per CPU-s%n", blocks, txnCount, importSecs, blocks / importSecs,
                txnCount / importSecs, importCpu, txnCount / importCpu);

        try (SkycoinNode publisher = SkycoinNode.open(NodeConfig.publisher(pubDir, gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of()).withFastTimers(Duration.ofMillis(500)))) {
            publisher.start();
            int port = publisher.daemon().orElseThrow().port();
            long t2 = System.nanoTime();
            long cpu2 = processCpuNanos();
            try (SkycoinNode follower = SkycoinNode.open(NodeConfig.follower(dir.resolve("follower"), gen.params(),
                    new InetSocketAddress("127.0.0.1", 0), List.of(new InetSocketAddress("127.0.0.1", port)))
                    .withFastTimers(Duration.ofMillis(500)))) {
                follower.start();
                while (follower.head().seq() < blocks) {
                    Thread.sleep(20);
                }
                double syncSecs = secs(t2);
                double syncCpu = (processCpuNanos() - cpu2) / 1e9;
                if (!follower.storedHead().uxHash().equals(publisher.storedHead().uxHash())) {
                    throw new IllegalStateException("follower and publisher disagree on the unspent set");
                }
                System.out.printf(Locale.ROOT,
                        "p2p sync over loopback: %d blocks, %d txns in %.2f s = %.0f blocks/s, %.0f txns/s;"
                        + " %.2f CPU-s = %.0f txns per CPU-s%n", blocks, txnCount, syncSecs, blocks / syncSecs,
                        txnCount / syncSecs, syncCpu, txnCount / syncCpu);
            }
        }
        if (args.length <= 2) {
            deleteTree(dir);
        }
    }

    private static void write(BufferedWriter w, SignedBlock b) throws IOException {
        w.write("{\"seq\": " + b.header().seq() + ", \"hash\": \"" + b.hash() + "\", \"signed_block_hex\": \""
                + HexFormat.of().formatHex(SignedBlockCodec.INSTANCE.encode(b)) + "\"}\n");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
