package io.skyx.skywire;

import io.skyx.node.cipher.PubKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Skywire's transport identity ({@code pkg/transport}): {@code MakeTransportID(a, b, type)} is Go's
 * {@code uuid.NewHash(sha256.New(), uuid.Nil, edge0 ‖ edge1 ‖ type, 0)} with the edges sorted ascending. So the
 * ID is the first 16 bytes of {@code SHA-256(16 zero bytes ‖ edge0 ‖ edge1 ‖ type)}, with the version nibble of
 * byte 6 cleared (version 0) and the RFC 4122 variant bits set in byte 8. It is the same whichever edge computes
 * it.
 */
public final class TransportId {
    /** Longest transport type accepted (Skywire's names are short: dmsg, stcp, stcpr, sudph, ...). */
    public static final int MAX_TYPE_LENGTH = 32;

    private TransportId() {
    }

    /** @return {@code MakeTransportID(a, b, type)} */
    public static UUID make(PubKey a, PubKey b, String type) {
        PubKey[] edges = sortEdges(a, b);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
        sha.update(new byte[16]);
        sha.update(edges[0].bytes());
        sha.update(edges[1].bytes());
        sha.update(type.getBytes(StandardCharsets.UTF_8));
        byte[] id = Arrays.copyOf(sha.digest(), 16);
        id[6] &= 0x0f;
        id[8] = (byte) ((id[8] & 0x3f) | 0x80);
        ByteBuffer bb = ByteBuffer.wrap(id);
        return new UUID(bb.getLong(), bb.getLong());
    }

    /**
     * {@code SortEdges}: ascending by the key bytes read as an unsigned big-endian integer (the same as a byte
     * comparison, since both keys are 33 bytes).
     */
    public static PubKey[] sortEdges(PubKey a, PubKey b) {
        return Arrays.compareUnsigned(a.bytes(), b.bytes()) <= 0 ? new PubKey[] {a, b} : new PubKey[] {b, a};
    }

    /** @return whether {@code a} sorts before or equal to {@code b} */
    static boolean ordered(PubKey a, PubKey b) {
        return Arrays.compareUnsigned(a.bytes(), b.bytes()) <= 0;
    }

    /** @return the 16 bytes of {@code id}, big-endian as Go's {@code uuid.UUID} array */
    public static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    /** @return the UUID of 16 big-endian bytes */
    public static UUID of(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a UUID is 16 bytes, got " + bytes.length);
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        return new UUID(bb.getLong(), bb.getLong());
    }

    /**
     * Checks a transport type name: 1 to {@value #MAX_TYPE_LENGTH} characters of {@code [a-z0-9_-]}.
     *
     * @return whether it is acceptable
     */
    public static boolean validType(String type) {
        if (type == null || type.isEmpty() || type.length() > MAX_TYPE_LENGTH) {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
