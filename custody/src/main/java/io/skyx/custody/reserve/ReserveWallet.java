package io.skyx.custody.reserve;

import io.skyx.custody.platform.CustodyAsset;
import java.util.List;
import java.util.Objects;

/**
 * What one asset's wallets hold on chain, for proof of reserves: every reserve address (hot and cold), its
 * confirmed balance at one chain height, and a signature by the address's key over a challenge.
 * The BTC side is the bitcoinj wallet; the SKY side is the SKY key chain read through the embedded node.
 */
public interface ReserveWallet {

    /** The asset these holdings are in (balances in its smallest unit). */
    CustodyAsset asset();

    /** A consistent view of every reserve address at one chain height. */
    Holdings holdings();

    /**
     * Signs {@code message} with the key of one of this wallet's addresses, in the chain's own message-signature
     * format (BTC: the legacy {@code signmessage} base64 form; SKY: Skycoin's 65-byte recoverable signature, hex,
     * of SHA-256 of the message).
     *
     * @throws IllegalArgumentException when the wallet holds no key for {@code address} (a cold address)
     */
    String signMessage(String address, String message);

    /** Where an address's key lives. */
    enum Kind { HOT, COLD }

    /** One reserve address and its confirmed balance. */
    record Holding(String address, Kind kind, long balance) {
        public Holding {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(kind, "kind");
            if (balance < 0) {
                throw new IllegalArgumentException("negative balance " + balance + " at " + address);
            }
        }
    }

    /** Every reserve address's balance as of block {@code height} (hash {@code blockHash}, hex). */
    record Holdings(long height, String blockHash, List<Holding> addresses) {
        public Holdings {
            if (height < 0) {
                throw new IllegalArgumentException("negative height " + height);
            }
            Objects.requireNonNull(blockHash, "blockHash");
            addresses = List.copyOf(addresses);
        }

        /** The sum of every address's balance (checked). */
        public long total() {
            long sum = 0;
            for (Holding h : addresses) {
                sum = Math.addExact(sum, h.balance());
            }
            return sum;
        }
    }
}
