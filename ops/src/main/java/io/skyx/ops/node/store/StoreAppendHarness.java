package io.skyx.ops.node.store;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.service.ChainGenerator;
import io.skyx.node.store.ChainStore;
import io.skyx.ops.node.BenchDirs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Component benchmark of the chain store alone: appends a generated chain (blocks × transactions of one input and
 * two outputs) into a fresh RocksDB store in chunks of 64 blocks, as the import does, and reports the appending
 * thread's CPU per transaction (Java encoding, the JNI calls and RocksDB's native write; not the background flush),
 * per round and as the median; the close (which flushes) is timed apart. No signature is checked.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp ops/target/skyx-benchmarks.jar io.skyx.ops.node.store.StoreAppendHarness [blocks] [txns] [rounds] [dir]</pre>
 */
public final class StoreAppendHarness {
    private static final int CHUNK = 64;

    private StoreAppendHarness() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int txns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("skyx-store-bench");
        ChainGenerator gen = new ChainGenerator("store-append-bench");
        List<SignedBlock> chain = new ArrayList<>(gen.blocks());
        long txCount = 0;
        for (int i = 0; i < blocks; i++) {
            SignedBlock b = gen.nextBlock(txns);
            txCount += b.block().body().transactions().size();
            chain.add(b);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> perTx = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Path store = dir.resolve("round-" + r);
            long cpu;
            long closeStart;
            try (ChainStore s = ChainStore.open(store)) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < chain.size(); i += CHUNK) {
                    s.append(chain.subList(i, Math.min(chain.size(), i + CHUNK)));
                }
                cpu = threads.getCurrentThreadCpuTime() - start;
                closeStart = System.nanoTime();
            }
            double us = cpu / 1e3 / txCount;
            perTx.add(us);
            System.out.printf(Locale.ROOT, "round %d: %.2f us CPU per transaction on the appending thread; close %.0f ms%n",
                    r, us, (System.nanoTime() - closeStart) / 1e6);
            BenchDirs.deleteTree(store);
        }
        List<Double> measured = new ArrayList<>(perTx.subList(Math.min(2, rounds - 1), rounds));
        measured.sort(Comparator.naturalOrder());
        System.out.printf(Locale.ROOT, "component benchmark: chain store append, %d blocks x %d txns: median %.2f us CPU "
                + "per transaction (rounds after the first two)%n", blocks, txns, measured.get(measured.size() / 2));
    }
}
