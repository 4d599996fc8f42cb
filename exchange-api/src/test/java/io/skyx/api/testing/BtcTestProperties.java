package io.skyx.api.custody;

import io.skyx.api.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.DeterministicKey;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The app as the BTC custody ITs run it: a fresh database, no Kafka or SKY node, BTC custody on its own bcoin
 * regtest node with an operator float in the hot wallet; for the hot/cold ITs also a watch-only cold account.
 */
final class BtcTestProperties {

    private BtcTestProperties() {
    }

    /** Registers the BTC custody settings with {@code floatSats} in the hot wallet, no cold wallet. */
    static void registerHot(DynamicPropertyRegistry registry, long floatSats) throws java.io.IOException {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        Path dir = Files.createTempDirectory("skyx-btc");
        registry.add("skyx.embedded-postgres.enabled", () -> "false");
        registry.add("skyx.kafka.embedded.enabled", () -> "false");
        registry.add("skyx.node.enabled", () -> "false");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("skyx.custody.btc.enabled", () -> "true");
        registry.add("skyx.custody.btc.bcoin.data-dir", () -> dir.resolve("bcoin").toString());
        registry.add("skyx.custody.btc.poll", () -> "200ms");
        registry.add("skyx.custody.btc.local-funding", () -> Long.toString(floatSats));
    }

    /** Those settings, plus {@code account} as the cold account and {@code target} for the hot wallet. */
    static void register(DynamicPropertyRegistry registry, long floatSats, DeterministicKey account, long target)
            throws java.io.IOException {
        registerHot(registry, floatSats);
        registry.add("skyx.custody.cold.btc.account-key", () -> account.serializePubB58(BitcoinNetwork.REGTEST));
        registry.add("skyx.custody.cold.btc.target", () -> Long.toString(target));
        registry.add("skyx.reserves.snapshot-interval", () -> "0s");
    }
}
