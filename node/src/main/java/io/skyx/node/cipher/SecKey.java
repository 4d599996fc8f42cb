package io.skyx.node.cipher;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A secp256k1 secret key: 32 bytes, big-endian scalar k with 0 &lt; k &lt; n (Skycoin {@code cipher.SecKey}).
 * Immutable and always valid. Its value never appears in {@link #toString()}; use {@link #revealHex()} only where
 * the operator explicitly asked for the secret (wallet export, CLI output).
 */
public final class SecKey {
    /** Size in bytes. */
    public static final int SIZE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private SecKey(byte[] owned) {
        this.bytes = owned;
    }

    /**
     * @param bytes 32 bytes (copied)
     * @throws CipherException {@link CipherError#INVALID_LENGTH} or {@link CipherError#INVALID_SECKEY}
     */
    public static SecKey of(byte[] bytes) throws CipherException {
        if (bytes.length != SIZE) {
            throw new CipherException(CipherError.INVALID_LENGTH, "secret key must be 32 bytes, got " + bytes.length);
        }
        if (!Secp256k1.isValidScalar(bytes)) {
            throw new CipherException(CipherError.INVALID_SECKEY, "secret key is not in 1..n-1");
        }
        return new SecKey(bytes.clone());
    }

    /** Parses 64 hex characters. */
    public static SecKey fromHex(String hex) throws CipherException {
        return of(Hex.decode(hex, SIZE, "secret key"));
    }

    /** @return a fresh random key from a CSPRNG */
    public static SecKey random() {
        byte[] b = new byte[SIZE];
        while (true) {
            RANDOM.nextBytes(b);
            if (Secp256k1.isValidScalar(b)) {
                return new SecKey(b);
            }
        }
    }

    /** For derivations that already checked validity. */
    static SecKey ofValid(byte[] owned) {
        return new SecKey(owned);
    }

    BigInteger scalar() {
        return new BigInteger(1, bytes);
    }

    /** @return the compressed public key {@code k·G} */
    public PubKey pubKey() {
        return PubKey.ofPoint(Secp256k1.mulG(scalar()));
    }

    /**
     * The same key as {@link #pubKey()}, computed several times faster with a variable-time table method whose
     * timing depends on the secret: for throwaway test keys in bulk checks ({@code skycoin address --batch}), never
     * for keys that guard funds.
     */
    public PubKey pubKeyVarTime() {
        return PubKey.ofPoint(Secp256k1.mulGVarTime(bytes));
    }

    /** @return a copy of the 32 secret bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the secret as 64 hex characters: only for explicit export, never for logs */
    public String revealHex() {
        return Hex.encode(bytes);
    }

    /** Constant-time comparison. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SecKey other && MessageDigest.isEqual(bytes, other.bytes);
    }

    /** A hash of a digest of the key, so the hash code reveals nothing usable about the secret. */
    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(SHA256.digest(bytes));
    }

    @Override
    public String toString() {
        return "SecKey(redacted)";
    }
}
