package io.skyx.ops.node.sync;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.ChainGenerator;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import io.skyx.ops.node.BenchDirs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Harness for the embedded node's throughput, in one run beside the raw Bouncy Castle verify rate of the same
 * machine (measured again right before each pass, whose share it is): generates a valid private chain (N blocks × T transactions), then measures
 * <ol>
 * <li>import-and-verify of its JSONL block file into a fresh RocksDB store, every block and signature checked: two
 * warm-up passes, then the measured pass into another fresh store;</li>
 * <li>reopening the imported store (chain state restored and checked without replay);</li>
 * <li>a follower syncing the whole chain from a publisher over the P2P protocol on loopback (two warm-up
 * followers, then the measured follower);</li>
 * <li>mainnet blocks 0–120 (../shared, or {@code -Dskyx.shared.dir}) imported into a fresh store, after warm-up.</li>
 * </ol>
 * Each throughput also comes per CPU-second of the whole process (for the sync: publisher and follower together),
 * which a loaded machine changes far less than the wall-clock rate; and as a share of (raw verifies/s × cores).
 * The outputs' owners rotate over {@code walletKeys} keys (16 by default, the workload the targets were set on:
 * every address spends again and again, so its key is known and checked like the raw verify); with many keys
 * (e.g. 1000000) nearly every input is the first spend of its address and needs a full key recovery.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp ops/target/skyx-benchmarks.jar io.skyx.ops.node.sync.NodeSyncBench [blocks] [txnsPerBlock] [dir] [walletKeys]</pre>
 */
public final class NodeSyncBench {
    /**
     * Unmeasured passes before each measured one: after a single pass C2 was still compiling in the measured one
     * (1.5 CPU-s of 13 in a 10 000-block import), which measured the JIT, not the node.
     */
    private static final int WARMUPS = 2;

    private NodeSyncBench() {
    }

    /** The raw verify rate right before a measured pass, so a machine that speeds up or slows down moves both. */
    private static double rawRate(int cores) throws Exception {
        double raw = RawVerifyRate.perCpuSecond(20_000, 20_000);
        System.out.printf(Locale.ROOT, "raw BC verify: %.0f verifies per CPU-s of one thread; x %d cores = %.0f/s%n",
                raw, cores, raw * cores);
        return raw;
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int txns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("skyx-node-bench");
        int keys = args.length > 3 ? Integer.parseInt(args[3]) : ChainGenerator.DEFAULT_WALLET_KEYS;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "generating %d blocks x %d txns over %d wallet keys (seed node-sync-bench) in %s%n",
                blocks, txns, keys, dir);
        long t0 = System.nanoTime();
        ChainGenerator gen = new ChainGenerator("node-sync-bench", keys);
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

        for (int w = 1; w <= WARMUPS; w++) {
            Figure warm = importInto(dir.resolve("import-warmup-" + w), gen, file, blocks, txnCount);
            double rawNow = rawRate(cores);
            print("import+verify (warm-up " + w + ")", warm, rawNow * cores, rawNow);
        }
        double raw = rawRate(cores);
        Path pubDir = dir.resolve("publisher");
        Figure imp = importInto(pubDir, gen, file, blocks, txnCount);
        print("import+verify (measured)", imp, raw * cores, raw);

        reopen(pubDir, gen, blocks);

        for (int w = 1; w <= WARMUPS; w++) {
            Figure warm = sync(pubDir, dir.resolve("follower-warmup-" + w), gen, blocks, txnCount);
            double rawNow = rawRate(cores);
            print("p2p sync over loopback (warm-up " + w + ")", warm, rawNow * cores, rawNow);
        }
        raw = rawRate(cores);
        print("p2p sync over loopback (measured)", sync(pubDir, dir.resolve("follower"), gen, blocks, txnCount),
                raw * cores, raw);

        MainnetRun.run(dir.resolve("mainnet"), 20, 10);
        if (args.length <= 2) {
            BenchDirs.deleteTree(dir);
        }
    }

    /**
     * Blocks and transactions done in a wall time and process CPU time, of which {@code applierCpu} on the
     * applying thread and {@code verifyCpu} on the recovery pool (the rest: GC, JIT, RocksDB's own threads, I/O).
     */
    record Figure(long blocks, long txns, double secs, double cpuSecs, double applierCpu, double verifyCpu,
                  String threads) {
    }

    /** The follower's thread that applies GIVB batches (the import applies on the calling thread, "main"). */
    private static final String SYNC_APPLIER = "p2p-apply";

    /** CPU seconds so far of the live threads whose name starts with {@code prefix}. */
    static double threadCpu(String prefix) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti != null && ti.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, mx.getThreadCpuTime(ti.getThreadId()));
            }
        }
        return sum / 1e9;
    }

    private static Figure importInto(Path store, ChainGenerator gen, Path file, long blocks, long txns)
            throws Exception {
        long t = System.nanoTime();
        long cpu = processCpuNanos();
        double main = threadCpu("main");
        double verify = threadCpu("skyx-verify-");
        Map<String, Long> tasks = ProcThreads.snapshot();
        try (SkycoinNode node = SkycoinNode.open(NodeConfig.publisher(store, gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of()))) {
            BlockImport.Result r = BlockImport.run(node, file, s -> { });
            if (!r.ok()) {
                throw new IllegalStateException(r.error());
            }
        }
        return new Figure(blocks, txns, secs(t), (processCpuNanos() - cpu) / 1e9, threadCpu("main") - main,
                threadCpu("skyx-verify-") - verify, ProcThreads.between(tasks, ProcThreads.snapshot()));
    }

    private static void reopen(Path store, ChainGenerator gen, int blocks) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            try (SkycoinNode node = SkycoinNode.open(NodeConfig.publisher(store, gen.params(), gen.publisherKey(),
                    new InetSocketAddress("127.0.0.1", 0), List.of()))) {
                ms.add(secs(t) * 1000);
                if (node.head().seq() != blocks) {
                    throw new IllegalStateException("reopened at " + node.head().seq());
                }
            }
        }
        System.out.printf(Locale.ROOT, "reopen of the %d-block store (restore + checksum, no replay): %s ms%n",
                blocks, ms.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static Figure sync(Path pubDir, Path followerDir, ChainGenerator gen, int blocks, long txns)
            throws Exception {
        try (SkycoinNode publisher = SkycoinNode.open(NodeConfig.publisher(pubDir, gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of()).withFastTimers(Duration.ofMillis(500)))) {
            publisher.start();
            int port = publisher.daemon().orElseThrow().port();
            long t = System.nanoTime();
            long cpu = processCpuNanos();
            double verify = threadCpu("skyx-verify-");
            double apply = threadCpu(SYNC_APPLIER);
            Map<String, Long> tasks = ProcThreads.snapshot();
            try (SkycoinNode follower = SkycoinNode.open(NodeConfig.follower(followerDir, gen.params(),
                    new InetSocketAddress("127.0.0.1", 0), List.of(new InetSocketAddress("127.0.0.1", port)))
                    .withFastTimers(Duration.ofMillis(500)))) {
                follower.start();
                while (follower.head().seq() < blocks) {
                    Thread.sleep(5);
                }
                Figure f = new Figure(blocks, txns, secs(t), (processCpuNanos() - cpu) / 1e9,
                        threadCpu(SYNC_APPLIER) - apply, threadCpu("skyx-verify-") - verify, ProcThreads.between(tasks, ProcThreads.snapshot()));
                if (!follower.storedHead().uxHash().equals(publisher.storedHead().uxHash())) {
                    throw new IllegalStateException("follower and publisher disagree on the unspent set");
                }
                return f;
            }
        }
    }

    private static void print(String what, Figure f, double budget, double rawPerCore) {
        double txs = f.txns() / f.secs();
        double perCpu = f.txns() / f.cpuSecs();
        System.out.printf(Locale.ROOT, "%s: %d blocks, %d txns in %.2f s = %.0f blocks/s, %.0f txns/s (%.0f %% of"
                + " raw x cores); %.2f CPU-s = %.0f txns per CPU-s (%.0f %% of raw per core); CPU-s on the"
                + " applier %.2f, the verify pool %.2f%n  CPU-s by thread: %s%n", what, f.blocks(), f.txns(), f.secs(),
                f.blocks() / f.secs(), txs, 100 * txs / budget, f.cpuSecs(), perCpu, 100 * perCpu / rawPerCore,
                f.applierCpu(), f.verifyCpu(), f.threads());
    }

    private static void write(BufferedWriter w, SignedBlock b) throws IOException {
        w.write("{\"seq\": " + b.header().seq() + ", \"hash\": \"" + b.hash() + "\", \"signed_block_hex\": \""
                + HexFormat.of().formatHex(SignedBlockCodec.INSTANCE.encode(b)) + "\"}\n");
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
