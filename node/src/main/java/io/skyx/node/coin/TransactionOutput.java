package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import java.util.Objects;

/**
 * One output of a transaction: coins (droplets, unsigned) and coin hours (unsigned) sent to an address.
 *
 * @param address the receiving address
 * @param coins   droplets, unsigned 64-bit
 * @param hours   coin hours, unsigned 64-bit
 */
public record TransactionOutput(Address address, long coins, long hours) {
    /** Encoded size: address version (1) + key (20) + coins (8) + hours (8). */
    public static final int SIZE = 37;

    public TransactionOutput {
        Objects.requireNonNull(address, "address");
    }

    /** @return the id of the unspent output this creates when it belongs to transaction {@code txid} */
    public SHA256 uxId(SHA256 txid) {
        return new UxBody(txid, address, coins, hours).hash();
    }

    @Override
    public String toString() {
        return "TransactionOutput[" + address + ", coins=" + Long.toUnsignedString(coins) + ", hours="
                + Long.toUnsignedString(hours) + "]";
    }
}
