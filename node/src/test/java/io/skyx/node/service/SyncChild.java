package io.skyx.node.service;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Child-JVM entry point for {@link KillDuringSyncIT}: a follower syncing a generated chain from a peer over
 * loopback, printing each new head seq, until it is killed.
 */
public final class SyncChild {
    private SyncChild() {
    }

    /** Arguments: data dir, chain seed, the peer's P2P port. */
    public static void main(String[] args) throws Exception {
        var params = new ChainGenerator(args[1]).params();
        NodeConfig cfg = NodeConfig.follower(Path.of(args[0]), params, new InetSocketAddress("127.0.0.1", 0),
                List.of(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[2]))))
                .withFastTimers(Duration.ofMillis(200)).withPeerExchange(false, NodeConfig.BLACKLIST_FOR);
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            node.start();
            long last = -1;
            while (true) {
                long head = node.head().seq();
                if (head != last) {
                    System.out.println("head " + head);
                    System.out.flush();
                    last = head;
                }
                Thread.sleep(5);
            }
        }
    }
}
