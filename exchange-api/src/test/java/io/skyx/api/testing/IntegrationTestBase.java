package io.skyx.api.testing;

import io.skyx.api.SkyxApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class of the app's integration tests: the whole app on a random port, profile {@code local} (faucet on)
 * but with the database from {@link TestDatabase} instead of the app's own embedded server, and without the
 * in-process Kafka broker and the embedded Skycoin node (their own tests cover them).
 * <p>Subclasses that add no configuration of their own share one Spring context (Spring's context cache), and so
 * one database; a subclass that changes the configuration gets a new context and a new, empty database.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
public abstract class IntegrationTestBase {

    /** The port the app listens on. */
    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("skyx.node.enabled", () -> "false");
        appWithoutNode(registry);
    }

    /** Everything but the node: a fresh database, no in-process Kafka, no BTC custody, no settlement schedule. */
    public static void appWithoutNode(DynamicPropertyRegistry registry) {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        registry.add("skyx.embedded-postgres.enabled", () -> "false");
        registry.add("skyx.kafka.embedded.enabled", () -> "false");
        registry.add("skyx.skywire.schedule.enabled", () -> "false");
        registry.add("skyx.custody.btc.enabled", () -> "false");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    /** {@code http://localhost:<port>} followed by {@code path}. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
