package io.skyx.node.cli;

import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code skycoin node --bind ADDR}: the P2P listener binds there, not on every interface. */
class NodeBindTest {
    @Test
    void p2pListenerBindsToTheBindAddress(@TempDir Path dir) throws Exception {
        Args a = Args.parse(List.of("--data-dir", dir.toString(), "--mode", "follower", "--genesis", "mainnet",
                "--p2p-port", "0", "--bind", "127.0.0.2"), NodeCommand.VALUES, NodeCommand.FLAGS);
        NodeConfig cfg = NodeCommand.config(a);
        assertThat(cfg.p2pListen().getHostString()).isEqualTo("127.0.0.2");
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            node.start();
            int port = node.daemon().orElseThrow().port();
            try (Socket ok = new Socket()) {
                ok.connect(new InetSocketAddress("127.0.0.2", port), 5000);
                assertThat(ok.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> {
                try (Socket other = new Socket()) {
                    other.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                }
            }).isInstanceOf(IOException.class);
        }
        Args dflt = Args.parse(List.of("--data-dir", dir.toString(), "--mode", "follower", "--genesis", "mainnet"),
                NodeCommand.VALUES, NodeCommand.FLAGS);
        assertThat(NodeCommand.config(dflt).p2pListen().getHostString()).isEqualTo("127.0.0.1");
    }
}
