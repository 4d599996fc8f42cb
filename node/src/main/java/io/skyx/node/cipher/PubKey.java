package io.skyx.node.cipher;

import io.skyx.node.encoding.DecodeError;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A compressed secp256k1 public key: 33 bytes, prefix 02/03 then X (Skycoin {@code cipher.PubKey}). Immutable and
 * always valid ({@code PubkeyIsValid}: decompresses, is on the curve, not infinity, re-serialises identically).
 */
public final class PubKey {
    /** Size in bytes. */
    public static final int SIZE = 33;

    private final byte[] bytes;
    private final ECPoint point;
    /** The version-0 address, once {@link Address#fromPubKey} has computed it (three hashes). */
    private Address address;
    /** Checks made against this object by {@link Cipher#recoversTo} (a hint for {@link HotKeys}; races lose counts). */
    private int checks;

    private PubKey(byte[] owned, ECPoint point) {
        this.bytes = owned;
        this.point = point;
    }

    /**
     * @param bytes 33 bytes (copied)
     * @throws CipherException {@link CipherError#INVALID_LENGTH} or {@link CipherError#INVALID_PUBKEY}
     */
    public static PubKey of(byte[] bytes) throws CipherException {
        if (bytes.length != SIZE) {
            throw new CipherException(CipherError.INVALID_LENGTH, "public key must be 33 bytes, got " + bytes.length);
        }
        PubKey key = parse(bytes.clone());
        if (key == null) {
            throw new CipherException(CipherError.INVALID_PUBKEY, "not a valid compressed secp256k1 point");
        }
        return key;
    }

    /** Parses 66 hex characters. */
    public static PubKey fromHex(String hex) throws CipherException {
        return of(Hex.decode(hex, SIZE, "public key"));
    }

    /** @return whether these bytes are a valid compressed public key (Skycoin {@code VerifyPubkey}) */
    public static boolean isValid(byte[] bytes) {
        return bytes.length == SIZE && parse(bytes) != null;
    }

    /** Reads 33 raw bytes. @throws DecodeException {@link DecodeError#INVALID_VALUE} if not a valid key */
    public static PubKey read(Decoder decoder) throws DecodeException {
        byte[] raw = decoder.fixed(SIZE);
        PubKey key = parse(raw);
        if (key == null) {
            throw decoder.error(DecodeError.INVALID_VALUE, "invalid public key");
        }
        return key;
    }

    /** @return the key, or null when the 33 bytes (owned) are not a valid compressed point */
    static PubKey parse(byte[] owned) {
        ECPoint point = Secp256k1.decompress(owned);
        if (point == null || !Arrays.equals(Secp256k1.compress(point), owned)) {
            return null;
        }
        return new PubKey(owned, point);
    }

    static PubKey ofPoint(ECPoint point) {
        ECPoint normal = point.normalize();
        return new PubKey(Secp256k1.compress(normal), normal);
    }

    ECPoint point() {
        return point;
    }

    /** Writes the 33 raw bytes. */
    public void writeTo(Encoder encoder) {
        encoder.fixed(bytes);
    }

    /** @return the number of checks against this object so far, this one included */
    int countCheck() {
        return ++checks;
    }

    Address cachedAddress() {
        return address;
    }

    void cacheAddress(Address a) {
        address = a;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    boolean sameBytes(byte[] other) {
        return Arrays.equals(bytes, other);
    }

    /** @return 66 lower-case hex characters */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PubKey other && Arrays.equals(bytes, other.bytes);
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
