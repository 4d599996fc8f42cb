package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import java.util.Objects;

/**
 * The hashed part of an unspent output. Its SHA-256 is the output's id (uxid).
 *
 * @param srcTransaction txid of the creating transaction (all zero for the genesis output)
 * @param address        owner
 * @param coins          droplets, unsigned
 * @param hours          coin hours at creation, unsigned
 */
public record UxBody(SHA256 srcTransaction, Address address, long coins, long hours) {
    /** Encoded size: 32 + 21 + 8 + 8. */
    public static final int SIZE = 69;

    public UxBody {
        Objects.requireNonNull(srcTransaction, "srcTransaction");
        Objects.requireNonNull(address, "address");
    }

    /** @return the uxid, SHA-256 of the encoded body */
    public SHA256 hash() {
        return SHA256.sum(UxBodyCodec.INSTANCE.encode(this));
    }

    @Override
    public String toString() {
        return "UxBody[src=" + srcTransaction + ", " + address + ", coins=" + Long.toUnsignedString(coins)
                + ", hours=" + Long.toUnsignedString(hours) + "]";
    }
}
