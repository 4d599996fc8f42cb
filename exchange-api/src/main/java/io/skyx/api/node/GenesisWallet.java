package io.skyx.api.node;

import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.SecKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The key of the local private chain's genesis wallet (every genesis coin), which {@link PrivateChain} writes on
 * first start. Only a publisher of its own private chain has it: local test money, never a production wallet.
 */
public final class GenesisWallet {

    private GenesisWallet() {
    }

    /** The genesis wallet's key when the node publishes its own private chain in {@code props.dataDir()}. */
    public static Optional<SecKey> key(NodeProperties props) {
        Path file = Path.of(props.dataDir()).resolve(PrivateChain.GENESIS_WALLET_FILE);
        if (!props.mode().equals("publisher") || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecKey.fromHex(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | CipherException e) {
            throw new IllegalStateException("cannot read the genesis wallet key " + file + ": " + e.getMessage(), e);
        }
    }
}
