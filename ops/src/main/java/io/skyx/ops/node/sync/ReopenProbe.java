package io.skyx.ops.node.sync;

import io.skyx.node.service.ChainGenerator;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reopens a store that {@link NodeSyncBench} left (its third argument) in a fresh JVM, as a restarting node does:
 * RocksDB open, chain state restored from the stored unspent set and checked against the head's UxHash, no replay.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp ops/target/skyx-benchmarks.jar io.skyx.ops.node.sync.ReopenProbe DIR/publisher</pre>
 */
public final class ReopenProbe {
    private ReopenProbe() {
    }

    public static void main(String[] args) throws Exception {
        ChainGenerator gen = new ChainGenerator("node-sync-bench");
        long t = System.nanoTime();
        try (SkycoinNode node = SkycoinNode.open(NodeConfig.follower(Path.of(args[0]), gen.params(),
                new InetSocketAddress("127.0.0.1", 0), List.of()))) {
            System.out.printf(Locale.ROOT, "fresh-JVM reopen at block %d (%d unspent outputs, checksum passed): %.0f ms%n",
                    node.head().seq(), node.storedHead().unspentCount(), NodeSyncBench.secs(t) * 1000);
        }
    }
}
