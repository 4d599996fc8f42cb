package io.skyx.node.cipher;

import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A recoverable signature: 65 bytes {@code R[32] ‖ S[32] ‖ recid[1]} (Skycoin {@code cipher.Sig}). Any 65 bytes
 * form a {@code Sig}, because transactions carry whatever the sender wrote (including the all-zero null signature
 * of unsigned transactions); validity is decided by {@link Cipher}'s verification functions.
 */
public final class Sig {
    /** Size in bytes (a fixed array, written raw). */
    public static final int SIZE = 65;
    /** The all-zero signature of an unsigned input. */
    public static final Sig NULL = new Sig(new byte[SIZE]);

    private final byte[] bytes;

    private Sig(byte[] owned) {
        this.bytes = owned;
    }

    /** @return the signature with these 65 bytes (copied) */
    public static Sig of(byte[] bytes) throws CipherException {
        if (bytes.length != SIZE) {
            throw new CipherException(CipherError.INVALID_LENGTH, "signature must be 65 bytes, got " + bytes.length);
        }
        return new Sig(bytes.clone());
    }

    /** Parses 130 hex characters. */
    public static Sig fromHex(String hex) throws CipherException {
        return new Sig(Hex.decode(hex, SIZE, "signature"));
    }

    static Sig of(BigInteger r, BigInteger s, int recid) {
        byte[] out = new byte[SIZE];
        System.arraycopy(Secp256k1.scalarBytes(r), 0, out, 0, 32);
        System.arraycopy(Secp256k1.scalarBytes(s), 0, out, 32, 32);
        out[64] = (byte) recid;
        return new Sig(out);
    }

    /** Reads 65 raw bytes. */
    public static Sig read(Decoder decoder) throws DecodeException {
        return new Sig(decoder.fixed(SIZE));
    }

    /** Writes the 65 raw bytes. */
    public void writeTo(Encoder encoder) {
        encoder.fixed(bytes);
    }

    /** @return R as a non-negative integer */
    public BigInteger r() {
        return new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32));
    }

    /** @return S as a non-negative integer */
    public BigInteger s() {
        return new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64));
    }

    /** @return the recovery id byte, 0..255 (only 0..3 can verify) */
    public int recid() {
        return bytes[64] & 0xFF;
    }

    /** @return whether the top bit of S is set (byte 32), which Skycoin rejects */
    public boolean sTopBitSet() {
        return (bytes[32] & 0x80) != 0;
    }

    /** @return whether all 65 bytes are zero */
    public boolean isNull() {
        return equals(NULL);
    }

    /** @return a copy of the 65 bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return 130 lower-case hex characters */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sig other && Arrays.equals(bytes, other.bytes);
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
