package io.skyx.node.cipher;

import java.util.Arrays;

/**
 * A Bitcoin P2PKH mainnet address of a compressed key (Skycoin {@code cipher.BitcoinAddress}):
 * base58({@code 0x00 ‖ RIPEMD160(SHA256(pub33)) ‖ DoubleSHA256(first 21 bytes)[0:4]}). Only version 0 is accepted.
 */
public final class BitcoinAddress {
    private final byte[] key;

    private BitcoinAddress(byte[] ownedKey) {
        this.key = ownedKey;
    }

    /** @return the address of {@code pub} ({@code BitcoinAddressFromPubKey}) */
    public static BitcoinAddress fromPubKey(PubKey pub) {
        return new BitcoinAddress(Ripemd160.digest(SHA256.digest(pub.bytes())));
    }

    /**
     * Decodes a base58 Bitcoin address ({@code DecodeBase58BitcoinAddress}).
     *
     * @throws CipherException {@link CipherError#INVALID_BASE58}, {@link CipherError#INVALID_LENGTH},
     *                         {@link CipherError#INVALID_CHECKSUM} or {@link CipherError#INVALID_VERSION}
     */
    public static BitcoinAddress parse(String base58) throws CipherException {
        byte[] raw = Base58.decode(base58);
        if (raw.length != 25) {
            throw new CipherException(CipherError.INVALID_LENGTH, "bitcoin address must decode to 25 bytes, got "
                    + raw.length);
        }
        byte[] check = Arrays.copyOf(SHA256.doubleSum(Arrays.copyOf(raw, 21)).bytes(), 4);
        if (!Arrays.equals(check, Arrays.copyOfRange(raw, 21, 25))) {
            throw new CipherException(CipherError.INVALID_CHECKSUM, "bitcoin address checksum mismatch");
        }
        if (raw[0] != 0) {
            throw new CipherException(CipherError.INVALID_VERSION, "bitcoin address version must be 0, got "
                    + (raw[0] & 0xFF));
        }
        return new BitcoinAddress(Arrays.copyOfRange(raw, 1, 21));
    }

    /** @return the 20-byte HASH160 of the public key */
    public Ripemd160 key() {
        return Ripemd160.of(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitcoinAddress other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** @return the base58 form */
    @Override
    public String toString() {
        byte[] raw = new byte[25];
        System.arraycopy(key, 0, raw, 1, 20);
        System.arraycopy(SHA256.doubleSum(Arrays.copyOf(raw, 21)).bytes(), 0, raw, 21, 4);
        return Base58.encode(raw);
    }
}
