package io.skyx.node.cipher;

import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 32-byte SHA-256 digest (Skycoin {@code cipher.SHA256}), immutable. Every Skycoin chain hash is a single
 * SHA-256 ({@link #sum}); {@link #doubleSum} is only for Bitcoin-style checksums.
 */
public final class SHA256 implements Comparable<SHA256> {
    /** Encoded size in bytes (a fixed array, written raw). */
    public static final int SIZE = 32;
    /** The all-zero hash ("null" in Skycoin). */
    public static final SHA256 NULL = new SHA256(new byte[SIZE]);

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    private final byte[] bytes;

    private SHA256(byte[] owned) {
        this.bytes = owned;
    }

    /** @return the hash with these 32 bytes (copied) */
    public static SHA256 of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("SHA256 must be 32 bytes, got " + bytes.length);
        }
        return new SHA256(bytes.clone());
    }

    /** Parses 64 hex characters. */
    public static SHA256 fromHex(String hex) throws CipherException {
        return new SHA256(Hex.decode(hex, SIZE, "SHA256"));
    }

    /** @return SHA-256 of {@code data} ({@code SumSHA256}) */
    public static SHA256 sum(byte[] data) {
        return new SHA256(digest(data));
    }

    /** @return SHA-256 of {@code data[off..off+len)} */
    public static SHA256 sum(byte[] data, int off, int len) {
        MessageDigest md = DIGEST.get();
        md.update(data, off, len);
        return new SHA256(md.digest());
    }

    /** @return SHA-256(SHA-256(data)) ({@code DoubleSHA256}), used only by Bitcoin addresses and WIF */
    public static SHA256 doubleSum(byte[] data) {
        return new SHA256(digest(digest(data)));
    }

    /** @return SHA-256(a ‖ b) ({@code AddSHA256}), e.g. what a transaction input signs */
    public static SHA256 addSHA256(SHA256 a, SHA256 b) {
        MessageDigest md = DIGEST.get();
        md.update(a.bytes);
        md.update(b.bytes);
        return new SHA256(md.digest());
    }

    /**
     * Skycoin's Merkle root: pad with zero hashes to the next power of two, then hash pairs until one remains.
     * One element gives that element; none gives {@link #NULL}. (Zero-padding, not Bitcoin's duplicate-last.)
     */
    public static SHA256 merkle(List<SHA256> hashes) {
        if (hashes.isEmpty()) {
            return NULL;
        }
        int width = Integer.highestOneBit(hashes.size());
        if (width < hashes.size()) {
            width <<= 1;
        }
        List<SHA256> level = new ArrayList<>(width);
        level.addAll(hashes);
        while (level.size() < width) {
            level.add(NULL);
        }
        while (level.size() > 1) {
            List<SHA256> next = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(addSHA256(level.get(i), level.get(i + 1)));
            }
            level = next;
        }
        return level.get(0);
    }

    static byte[] digest(byte[] data) {
        return DIGEST.get().digest(data);
    }

    /** Reads a raw 32-byte hash. */
    public static SHA256 read(Decoder decoder) throws DecodeException {
        return new SHA256(decoder.fixed(SIZE));
    }

    /** Writes the raw 32 bytes. */
    public void writeTo(Encoder encoder) {
        encoder.fixed(bytes);
    }

    /** @return a copy of the 32 bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the byte at {@code index} without copying */
    public byte byteAt(int index) {
        return bytes[index];
    }

    /** @return whether this is the all-zero hash */
    public boolean isNull() {
        return equals(NULL);
    }

    /** @return bitwise XOR with {@code other} (used for a block's UxHash) */
    public SHA256 xor(SHA256 other) {
        byte[] out = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            out[i] = (byte) (bytes[i] ^ other.bytes[i]);
        }
        return new SHA256(out);
    }

    /** @return 64 lower-case hex characters */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SHA256 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic byte order (the order of hex strings). */
    @Override
    public int compareTo(SHA256 o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
