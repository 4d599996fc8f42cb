package io.skyx.node.cipher;

import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;
import java.util.Arrays;

/**
 * A Skycoin address (Skycoin {@code cipher.Address}): a version byte and the 20-byte key
 * RIPEMD160(SHA256(SHA256(pubkey))). Immutable.
 *
 * <ul>
 *   <li>Base58 text ({@link #toString()}, {@link #parse}): 25 bytes {@code Key[20] ‖ Version[1] ‖ Checksum[4]},
 *       checksum = first 4 bytes of SHA256(Key ‖ Version); only version 0 is accepted.</li>
 *   <li>Binary form in transactions and outputs ({@link #writeTo}, {@link #read}): 21 bytes
 *       {@code Version[1] ‖ Key[20]}, any version (what a decoded transaction holds is kept as is).</li>
 * </ul>
 */
public final class Address implements Comparable<Address> {
    /** Binary size in transactions and outputs: version + key. */
    public static final int SIZE = 21;
    /** The all-zero "null" address, which user transactions may not send to. */
    public static final Address NULL = new Address(0, new byte[Ripemd160.SIZE]);

    private final int version;
    private final byte[] key;

    private Address(int version, byte[] ownedKey) {
        this.version = version;
        this.key = ownedKey;
    }

    /** @param version 0..255; @param key 20 bytes (copied) */
    public static Address of(int version, byte[] key) {
        if (version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("address version must be a byte, got " + version);
        }
        if (key.length != Ripemd160.SIZE) {
            throw new IllegalArgumentException("address key must be 20 bytes, got " + key.length);
        }
        return new Address(version, key.clone());
    }

    /** @return the version-0 address of {@code pub} ({@code AddressFromPubKey}) */
    public static Address fromPubKey(PubKey pub) {
        Address a = pub.cachedAddress();
        if (a == null) {
            a = new Address(0, Ripemd160.digest(SHA256.digest(SHA256.digest(pub.bytes()))));
            pub.cacheAddress(a);
        }
        return a;
    }

    /** @return the address of {@code sec}'s public key ({@code AddressFromSecKey}) */
    public static Address fromSecKey(SecKey sec) {
        return fromPubKey(sec.pubKey());
    }

    /**
     * Decodes a base58 address ({@code DecodeBase58Address}).
     *
     * @throws CipherException {@link CipherError#INVALID_BASE58}, {@link CipherError#INVALID_LENGTH} (not 25
     *                         bytes), {@link CipherError#INVALID_CHECKSUM}, or {@link CipherError#INVALID_VERSION}
     */
    public static Address parse(String base58) throws CipherException {
        byte[] raw = Base58.decode(base58);
        if (raw.length != 25) {
            throw new CipherException(CipherError.INVALID_LENGTH, "address must decode to 25 bytes, got " + raw.length);
        }
        Address a = new Address(raw[20] & 0xFF, Arrays.copyOfRange(raw, 0, 20));
        if (!Arrays.equals(a.checksum(), Arrays.copyOfRange(raw, 21, 25))) {
            throw new CipherException(CipherError.INVALID_CHECKSUM, "address checksum mismatch");
        }
        if (a.version != 0) {
            throw new CipherException(CipherError.INVALID_VERSION, "address version must be 0, got " + a.version);
        }
        return a;
    }

    /** Reads the 21-byte binary form {@code Version ‖ Key}. */
    public static Address read(Decoder decoder) throws DecodeException {
        int version = decoder.u8();
        return new Address(version, decoder.fixed(Ripemd160.SIZE));
    }

    /** Writes the 21-byte binary form {@code Version ‖ Key}. */
    public void writeTo(Encoder encoder) {
        encoder.u8(version).fixed(key);
    }

    private byte[] checksum() {
        byte[] body = Arrays.copyOf(key, 21);
        body[20] = (byte) version;
        return Arrays.copyOf(SHA256.digest(body), 4);
    }

    /** @return the version byte */
    public int version() {
        return version;
    }

    /** @return a copy of the 20-byte key */
    public Ripemd160 key() {
        return Ripemd160.of(key);
    }

    /** @return whether this is the all-zero null address */
    public boolean isNull() {
        return equals(NULL);
    }

    /** @return the 25 bytes {@code Key ‖ Version ‖ Checksum} that the base58 form encodes */
    public byte[] base58Bytes() {
        byte[] out = Arrays.copyOf(key, 25);
        out[20] = (byte) version;
        System.arraycopy(checksum(), 0, out, 21, 4);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address other && version == other.version && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return 31 * version + Arrays.hashCode(key);
    }

    /** Orders by the base58 string, as Skycoin sorts addresses. */
    @Override
    public int compareTo(Address o) {
        return toString().compareTo(o.toString());
    }

    /** @return the base58 form */
    @Override
    public String toString() {
        return Base58.encode(base58Bytes());
    }
}
