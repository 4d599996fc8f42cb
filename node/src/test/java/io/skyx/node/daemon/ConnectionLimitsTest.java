package io.skyx.node.daemon;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.service.ChainGenerator;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Skycoin's per-IP limit: a peer opening a fourth connection from the same address is refused with DISC 8
 * (IP limit reached); the open three keep working, and a new connection is accepted once one closes.
 */
class ConnectionLimitsTest {
    @Test
    void aFourthConnectionFromOneIpIsRefused(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("limits-test");
        gen.nextBlock(1);
        try (SkycoinNode node = SkycoinNode.open(NodeConfig.follower(dir, gen.params(),
                new InetSocketAddress("127.0.0.1", 0), List.of()).withFastTimers(Duration.ofMillis(500)))) {
            for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
                assertThat(node.applyBlock(b).ok()).isTrue();
            }
            node.start();
            int port = node.daemon().orElseThrow().port();
            List<RoguePeer> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RoguePeer p = new RoguePeer(port);
                    p.await(Message.Introduction.class);
                    open.add(p);
                }
                try (RoguePeer fourth = new RoguePeer(port)) {
                    assertThat(fourth.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.IP_LIMIT_REACHED.code());
                }
                assertThat(node.daemon().orElseThrow().peers()).hasSize(3);
                open.removeFirst().close();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (node.daemon().orElseThrow().peers().size() > 2) {
                    assertThat(System.nanoTime()).as("closed connection forgotten").isLessThan(deadline);
                    Thread.sleep(20);
                }
                try (RoguePeer again = new RoguePeer(port)) {
                    assertThat(again.await(Message.Introduction.class)).isNotNull();
                }
            } finally {
                for (RoguePeer p : open) {
                    p.close();
                }
            }
        }
    }
}
