package io.skyx.custody.testing;

import io.skyx.custody.btc.BtcConfig;
import io.skyx.custody.btc.regtest.BcoinNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;

/** A bcoin regtest node for a test class, with segwit active, and custody settings that point at it. */
public final class Regtest {

    /** The BIP84 test vector mnemonic: regtest deposit index 0 is bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk. */
    public static final String MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon "
            + "abandon abandon about";

    private Regtest() {
    }

    /** Starts a node (the caller closes it) and mines until segwit is active. */
    public static BcoinNode start() {
        try {
            Path bcoin = Path.of(System.getProperty("skyx.bcoin.dir", "bcoin"));
            Path data = Files.createTempDirectory("custody-bcoin");
            BcoinNode node = BcoinNode.start(bcoin, data, "node", Duration.ofSeconds(60));
            node.activateSegwit();
            return node;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The withdrawal fee of {@link #config}: 10 sat/vB × the quoted 221 vB. */
    public static final long FEE = 10 * io.skyx.custody.btc.BtcFeePolicy.QUOTE_VSIZE;

    /**
     * Custody settings for {@code node}: N confirmations, a configured 10 sat/vB fee rate (the fee {@link #FEE}), bounds
     * 1..200 sat/vB, 10 000 sat minimum, 100 ms poll.
     */
    public static BtcConfig config(BcoinNode node, int confirmations) {
        return config(node, confirmations, MNEMONIC);
    }

    /** The same with another seed. */
    public static BtcConfig config(BcoinNode node, int confirmations, String mnemonic) {
        return new BtcConfig(BitcoinNetwork.REGTEST, mnemonic, "", Instant.parse("2020-01-01T00:00:00Z"),
                List.of(node.p2pAddress()), confirmations, 10, 1, 200, 10_000, Duration.ofMillis(100),
                Duration.ofSeconds(60));
    }
}
