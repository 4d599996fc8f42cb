package io.skyx.api.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.DeterministicKey;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The app as the BTC custody ITs run it: a fresh database, no Kafka, BTC custody on its own bcoin regtest node
 * (200 ms poll); optionally the embedded Skycoin node with SKY custody, an operator float in the hot wallet, a fixed
 * fee rate, and for the hot/cold ITs a watch-only cold account.
 */
public final class BtcTestProperties {

    private BtcTestProperties() {
    }

    /**
     * A fresh database, no Kafka, no Skycoin node, BTC custody with its bcoin node's files in a new temporary
     * directory (returned, for what else the test keeps there).
     */
    public static Path registerApp(DynamicPropertyRegistry registry, String name) throws IOException {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        Path dir = Files.createTempDirectory(name);
        registry.add("skyx.embedded-postgres.enabled", () -> "false");
        registry.add("skyx.kafka.embedded.enabled", () -> "false");
        registry.add("skyx.node.enabled", () -> "false");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("skyx.custody.btc.enabled", () -> "true");
        registry.add("skyx.custody.btc.bcoin.data-dir", () -> dir.resolve("bcoin").toString());
        registry.add("skyx.custody.btc.poll", () -> "200ms");
        return dir;
    }

    /** The embedded Skycoin node (and with it SKY custody) in {@code dir}: any P2P port, 300 ms blocks, 200 ms poll. */
    public static void withSkyNode(DynamicPropertyRegistry registry, Path dir) {
        registry.add("skyx.node.enabled", () -> "true");
        registry.add("skyx.node.data-dir", () -> dir.resolve("skycoin").toString());
        registry.add("skyx.node.p2p-port", () -> "0");
        registry.add("skyx.node.block-interval", () -> "300ms");
        registry.add("skyx.custody.sky.poll", () -> "200ms");
    }

    /**
     * Bounds {@code rate}..{@code rate} sat/vB: whatever bcoin's estimate, a withdrawal's fee is rate × 221 vB
     * (10: 2210 sat).
     */
    public static void withFixedFeeRate(DynamicPropertyRegistry registry, long rate) {
        registry.add("skyx.custody.btc.min-fee-rate", () -> Long.toString(rate));
        registry.add("skyx.custody.btc.max-fee-rate", () -> Long.toString(rate));
    }

    /** {@link #registerApp} with {@code floatSats} in the hot wallet, no cold wallet. */
    public static void registerHot(DynamicPropertyRegistry registry, long floatSats) throws IOException {
        registerApp(registry, "skyx-btc");
        registry.add("skyx.custody.btc.local-funding", () -> Long.toString(floatSats));
    }

    /** Those settings, plus {@code account} as the cold account and {@code target} for the hot wallet. */
    public static void register(DynamicPropertyRegistry registry, long floatSats, DeterministicKey account, long target)
            throws IOException {
        registerHot(registry, floatSats);
        registry.add("skyx.custody.cold.btc.account-key", () -> account.serializePubB58(BitcoinNetwork.REGTEST));
        registry.add("skyx.custody.cold.btc.target", () -> Long.toString(target));
        registry.add("skyx.reserves.snapshot-interval", () -> "0s");
    }
}
