package io.skyx.api.testing;

import io.skyx.api.SkyxApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * As {@link IntegrationTestBase}, but with the embedded node's private chain and SKY custody, whose hot wallet the
 * genesis wallet funds at start with the operator's own SKY (the local profile's
 * {@code skyx.custody.sky.local-funding}): for the tests that pay settlement epochs, since the settlement pool is
 * funded only against that proven surplus (issue 11). Subclasses without configuration of their own share one
 * context.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
public abstract class SkyChainTestBase {

    /** The port the app listens on. */
    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void databaseAndChain(DynamicPropertyRegistry registry) throws Exception {
        IntegrationTestBase.appWithoutNode(registry);
        privateChain(registry, "skyx-sky-chain");
    }

    /**
     * The embedded node on a private chain in a new temporary directory named after {@code prefix} (no P2P port,
     * a block every 300 ms, SKY custody polling every 200 ms), for tests with configuration of their own.
     */
    public static void privateChain(DynamicPropertyRegistry registry, String prefix) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        registry.add("skyx.node.enabled", () -> "true");
        registry.add("skyx.node.data-dir", () -> dir.resolve("skycoin").toString());
        registry.add("skyx.node.p2p-port", () -> "0");
        registry.add("skyx.node.block-interval", () -> "300ms");
        registry.add("skyx.custody.sky.poll", () -> "200ms");
        registry.add("skyx.data-dir", () -> dir.toString());
    }

    /** {@code http://localhost:<port>} followed by {@code path}. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
