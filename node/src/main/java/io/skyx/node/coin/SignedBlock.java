package io.skyx.node.coin;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import java.util.Objects;

/**
 * A block with the publisher's signature over its hash; the wire form is {@code Block ‖ Sig[65]}.
 *
 * @param block the block
 * @param sig   signature of the block hash by the blockchain key
 */
public record SignedBlock(Block block, Sig sig) {
    public SignedBlock {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(sig, "sig");
    }

    public BlockHeader header() {
        return block.header();
    }

    /** @return the block hash */
    public SHA256 hash() {
        return block.header().hash();
    }
}
