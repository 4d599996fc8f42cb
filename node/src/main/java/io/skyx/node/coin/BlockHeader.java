package io.skyx.node.coin;

import io.skyx.node.cipher.SHA256;
import java.util.Objects;

/**
 * A block header (124 bytes). All numbers are unsigned.
 *
 * @param version  u32, 0 on mainnet
 * @param time     unix seconds
 * @param seq      block sequence number (height)
 * @param fee      sum of the transaction fees, in coin hours
 * @param prevHash hash of the previous block's header
 * @param bodyHash Merkle root of the txids
 * @param uxHash   XOR of the snapshot hashes of the unspent set before this block
 */
public record BlockHeader(long version, long time, long seq, long fee, SHA256 prevHash, SHA256 bodyHash,
        SHA256 uxHash) {
    /** Encoded size. */
    public static final int SIZE = 4 + 8 + 8 + 8 + 32 * 3;

    public BlockHeader {
        if (version < 0 || version > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("version must be a u32: " + version);
        }
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(uxHash, "uxHash");
    }

    /** @return the block hash, SHA-256 of the encoded header */
    public SHA256 hash() {
        return SHA256.sum(BlockHeaderCodec.INSTANCE.encode(this));
    }

    @Override
    public String toString() {
        return "BlockHeader[seq=" + Long.toUnsignedString(seq) + ", time=" + Long.toUnsignedString(time) + ", fee="
                + Long.toUnsignedString(fee) + ", version=" + version + ", prev=" + prevHash + ", body=" + bodyHash
                + ", ux=" + uxHash + "]";
    }
}
