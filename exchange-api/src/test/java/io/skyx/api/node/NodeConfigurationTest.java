package io.skyx.api.node;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyx.node.api.SkycoinApi;
import io.skyx.node.service.SkycoinNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded node's wiring without a Spring context: a publisher creates its private chain on first start and
 * reloads it after, the servlet serves the Skycoin API under the prefix, health and gauges report the node.
 */
class NodeConfigurationTest {

    private static NodeProperties props(Path dir, String mode, String genesis) {
        return new NodeProperties(true, mode, dir.toString(), genesis, "", List.of(), 0, "127.0.0.1", "/skycoin",
                Duration.ofSeconds(10), "");
    }

    @Test
    void publisherCreatesThenReloadsItsPrivateChain(@TempDir Path dir) throws Exception {
        NodeConfiguration config = new NodeConfiguration();
        String genesisHash;
        try (SkycoinNode node = config.skycoinNode(props(dir, "publisher", ""))) {
            assertThat(node.config().publisher()).isTrue();
            genesisHash = node.store().blockBySeq(0).orElseThrow().hash().toString();
            assertThat(Files.getPosixFilePermissions(dir.resolve("chain.key")).toString())
                    .isEqualTo("[OWNER_READ, OWNER_WRITE]");
            assertThat(Files.exists(dir.resolve("genesis-wallet.key"))).isTrue();

            SkycoinApiServlet servlet = new SkycoinApiServlet(config.skycoinApi(node));
            MockHttpServletRequest req = new MockHttpServletRequest("GET", "/skycoin/api/v1/block");
            req.setServletPath("/skycoin");
            req.setPathInfo("/api/v1/block");
            req.setQueryString("seq=0");
            MockHttpServletResponse resp = new MockHttpServletResponse();
            servlet.service(req, resp);
            assertThat(resp.getStatus()).isEqualTo(200);
            assertThat(resp.getContentAsString(StandardCharsets.UTF_8)).contains(genesisHash);

            Health h = config.skycoinNodeHealthIndicator(node).health(true);
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat(h.getDetails()).containsEntry("head", 0L).containsEntry("mode", "publisher");
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            config.skycoinNodeMetrics(node).bindTo(registry);
            assertThat(registry.get("skyx.node.head").gauge().value()).isZero();
            assertThat(registry.get("skyx.node.sync.progress").gauge().value()).isEqualTo(1.0);
        }
        try (SkycoinNode again = config.skycoinNode(props(dir, "publisher", ""))) {
            assertThat(again.store().blockBySeq(0).orElseThrow().hash().toString()).isEqualTo(genesisHash);
        }
        Path follower = dir.resolve("follower");
        try (SkycoinNode f = config.skycoinNode(props(follower, "follower", dir.resolve("genesis.properties").toString()))) {
            assertThat(f.config().publisher()).isFalse();
            assertThat(f.store().blockBySeq(0).orElseThrow().hash().toString()).isEqualTo(genesisHash);
            assertThat(config.skycoinNodeHealthIndicator(f).health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        }
    }

    @Test
    void badSettingsAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> props(dir, "miner", "")).hasMessageContaining("publisher or follower");
        NodeConfiguration config = new NodeConfiguration();
        assertThatThrownBy(() -> config.skycoinNode(props(dir, "follower", ""))).hasMessageContaining("genesis");
        assertThatThrownBy(() -> new NodeProperties(true, "follower", dir.toString(), "mainnet", "", List.of(), 0,
                "127.0.0.1", "skycoin/", null, "")).hasMessageContaining("api-prefix");
        assertThat(SkycoinApi.VERSION).isEqualTo("0.27.1");
    }
}
