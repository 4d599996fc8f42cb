package io.skyx.node.reserves;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The tree's hash functions (docs/proof-of-reserves.md, "Hashes"):
 * <ul>
 * <li>leaf = SHA256("SKYX-POR-LEAF-1" ‖ u8 len ‖ asset ‖ u64 snapshot ‖ salt[32] ‖ u8 len ‖ account ‖ value[16])</li>
 * <li>padding leaf (value 0) = SHA256("SKYX-POR-PAD-1" ‖ u8 len ‖ asset ‖ u64 snapshot ‖ u32 index)</li>
 * <li>node = SHA256(left_hash ‖ left_value[16] ‖ right_hash ‖ right_value[16]): both children's values are
 *     committed separately, so no split of a parent's sum can be changed without changing its hash.</li>
 * </ul>
 * Integers are big-endian; strings ASCII.
 */
final class TreeHash {
    static final int SIZE = 32;
    static final int SALT_SIZE = 32;
    static final int MAX_ACCOUNT_LENGTH = 64;
    private static final byte[] LEAF_TAG = "SKYX-POR-LEAF-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAD_TAG = "SKYX-POR-PAD-1".getBytes(StandardCharsets.US_ASCII);

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    private TreeHash() {
    }

    static byte[] leaf(SnapshotRef ref, String account, byte[] salt, Value128 value) {
        checkAccount(account);
        if (salt.length != SALT_SIZE) {
            throw new ProofException(ProofError.MALFORMED, "salt must be " + SALT_SIZE + " bytes");
        }
        byte[] asset = ref.asset().getBytes(StandardCharsets.US_ASCII);
        byte[] acct = account.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(LEAF_TAG.length + 1 + asset.length + 8 + SALT_SIZE + 1 + acct.length
                + Value128.SIZE);
        b.put(LEAF_TAG).put((byte) asset.length).put(asset).putLong(ref.snapshot()).put(salt)
                .put((byte) acct.length).put(acct).put(value.bytes());
        return sha256(b.array());
    }

    static byte[] padding(SnapshotRef ref, int index) {
        byte[] asset = ref.asset().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(PAD_TAG.length + 1 + asset.length + 8 + 4);
        b.put(PAD_TAG).put((byte) asset.length).put(asset).putLong(ref.snapshot()).putInt(index);
        return sha256(b.array());
    }

    static byte[] node(byte[] left, Value128 leftValue, byte[] right, Value128 rightValue) {
        ByteBuffer b = ByteBuffer.allocate(2 * (SIZE + Value128.SIZE));
        b.put(left).put(leftValue.bytes()).put(right).put(rightValue.bytes());
        return sha256(b.array());
    }

    static void checkAccount(String account) {
        if (account == null || account.isEmpty() || account.length() > MAX_ACCOUNT_LENGTH
                || !account.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProofException(ProofError.MALFORMED,
                    "account id must be 1.." + MAX_ACCOUNT_LENGTH + " printable ASCII characters");
        }
    }

    static byte[] sha256(byte[] data) {
        return DIGEST.get().digest(data);
    }
}
