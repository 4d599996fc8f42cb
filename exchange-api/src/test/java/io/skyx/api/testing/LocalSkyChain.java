package io.skyx.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For an {@link IntegrationTestBase} subclass that pays settlement epochs: the embedded node's private chain with
 * SKY custody, whose hot wallet the genesis wallet funds at start with the operator's own SKY (the local profile's
 * {@code skyx.custody.sky.local-funding}). The settlement pool is funded only against that proven surplus
 * (issue 11), so without a chain no epoch is paid. The subclass gets its own context and database.
 */
public final class LocalSkyChain {
    private LocalSkyChain() {
    }

    /** Registers the node and SKY custody properties (a fresh data directory named after {@code name}). */
    public static void register(DynamicPropertyRegistry registry, String name) {
        Path dir;
        try {
            dir = Files.createTempDirectory("skyx-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("skyx.node.enabled", () -> "true");
        registry.add("skyx.node.data-dir", () -> dir.resolve("skycoin").toString());
        registry.add("skyx.node.p2p-port", () -> "0");
        registry.add("skyx.node.block-interval", () -> "300ms");
        registry.add("skyx.custody.sky.poll", () -> "200ms");
        registry.add("skyx.data-dir", () -> dir.toString());
    }
}
