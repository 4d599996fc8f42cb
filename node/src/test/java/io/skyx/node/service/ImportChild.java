package io.skyx.node.service;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Child-JVM entry point for {@link KillDuringImportIT}: imports a generated chain's block file into a store,
 * printing each applied seq, until it is killed.
 */
public final class ImportChild {
    private ImportChild() {
    }

    /** Arguments: data dir, block file, chain seed. */
    public static void main(String[] args) throws Exception {
        var params = new ChainGenerator(args[2]).params();
        NodeConfig cfg = NodeConfig.follower(Path.of(args[0]), params, new InetSocketAddress("127.0.0.1", 0), List.of());
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            System.out.println("opened " + node.head().seq());
            System.out.flush();
            BlockImport.Result r = BlockImport.run(node, Path.of(args[1]), seq -> {
                System.out.println("applied " + seq);
                System.out.flush();
            });
            System.out.println("done " + r);
        }
    }
}
