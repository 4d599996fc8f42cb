package io.skyx.node.cipher;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** A 20-byte RIPEMD-160 digest (Skycoin {@code cipher.Ripemd160}), immutable. */
public final class Ripemd160 {
    /** Size in bytes. */
    public static final int SIZE = 20;

    private final byte[] bytes;

    private Ripemd160(byte[] owned) {
        this.bytes = owned;
    }

    /** @return the digest with these 20 bytes (copied) */
    public static Ripemd160 of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("Ripemd160 must be 20 bytes, got " + bytes.length);
        }
        return new Ripemd160(bytes.clone());
    }

    /** @return RIPEMD-160 of {@code data} ({@code HashRipemd160}) */
    public static Ripemd160 sum(byte[] data) {
        return new Ripemd160(digest(data));
    }

    static byte[] digest(byte[] data) {
        RIPEMD160Digest d = new RIPEMD160Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[SIZE];
        d.doFinal(out, 0);
        return out;
    }

    /** @return RIPEMD160(SHA256(data)), Bitcoin's HASH160 (a BIP32 key identifier) */
    public static Ripemd160 hash160(byte[] data) {
        return new Ripemd160(digest(SHA256.digest(data)));
    }

    /** @return a copy of the 20 bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return 40 lower-case hex characters */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ripemd160 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
