package io.skyx.node.reserves;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One account's path from its leaf to the root of a {@link LiabilityTree}. {@link #verify} recomputes the leaf,
 * every node hash (both children's values committed) and every checked sum, and compares them with the
 * published root and total.
 */
public record InclusionProof(SnapshotRef ref, String rootHash, Value128 total, String account, byte[] salt,
                             Value128 value, List<Step> path) {

    /** Deepest path accepted: 2^40 leaves. */
    public static final int MAX_DEPTH = 40;

    /** A sibling on the way up: its hash and value, and whether it stands left of the running node. */
    public record Step(boolean siblingOnLeft, byte[] hash, Value128 value) {
        /** Checks the hash length. */
        public Step {
            if (hash == null || hash.length != TreeHash.SIZE) {
                throw new ProofException(ProofError.MALFORMED, "sibling hash must be 32 bytes");
            }
        }
    }

    /** Checks the shape. */
    public InclusionProof {
        TreeHash.checkAccount(account);
        if (salt == null || salt.length != TreeHash.SALT_SIZE) {
            throw new ProofException(ProofError.MALFORMED, "salt must be 32 bytes");
        }
        if (path.size() > MAX_DEPTH) {
            throw new ProofException(ProofError.MALFORMED, "path longer than " + MAX_DEPTH);
        }
        if (value.compareTo(Value128.ofLeaf(Long.MAX_VALUE)) > 0) {
            throw new ProofException(ProofError.VALUE_OUT_OF_RANGE, "a leaf holds at most 2^63-1 base units");
        }
        path = List.copyOf(path);
    }

    /**
     * Verifies this proof for {@code account} against the root everyone was shown for {@code expected}.
     *
     * @param publishedRoot the root hash (hex) from the public history or the on-chain anchor
     * @param publishedTotal the published total, or null to take the proof's
     * @throws ProofException with the reason when anything does not hold
     */
    public void verify(SnapshotRef expected, String expectedAccount, String publishedRoot, Value128 publishedTotal) {
        if (!ref.equals(expected)) {
            throw new ProofException(ProofError.WRONG_SNAPSHOT, "proof is for " + ref + ", expected " + expected);
        }
        if (!account.equals(expectedAccount)) {
            throw new ProofException(ProofError.WRONG_ACCOUNT, "proof is for account " + account);
        }
        byte[] hash = TreeHash.leaf(ref, account, salt, value);
        Value128 sum = value;
        for (Step s : path) {
            hash = s.siblingOnLeft() ? TreeHash.node(s.hash(), s.value(), hash, sum)
                    : TreeHash.node(hash, sum, s.hash(), s.value());
            sum = s.siblingOnLeft() ? s.value().plus(sum) : sum.plus(s.value());
        }
        byte[] root = parseHash(publishedRoot);
        if (!Arrays.equals(hash, root) || !Arrays.equals(hash, parseHash(rootHash))) {
            throw new ProofException(ProofError.ROOT_MISMATCH, "path leads to " + HexFormat.of().formatHex(hash)
                    + ", published root is " + publishedRoot);
        }
        if (!sum.equals(total) || (publishedTotal != null && !sum.equals(publishedTotal))) {
            throw new ProofException(ProofError.TOTAL_MISMATCH, "path sums to " + sum + ", published total is "
                    + (publishedTotal == null ? total : publishedTotal));
        }
    }

    /** Verifies, and also that the leaf holds exactly {@code expectedUnits} (what the user's account shows). */
    public void verify(SnapshotRef expected, String expectedAccount, long expectedUnits, String publishedRoot,
                       Value128 publishedTotal) {
        verify(expected, expectedAccount, publishedRoot, publishedTotal);
        if (!value.equals(Value128.ofLeaf(expectedUnits))) {
            throw new ProofException(ProofError.WRONG_BALANCE, "leaf holds " + value + ", account shows " + expectedUnits);
        }
    }

    static byte[] parseHash(String hex) {
        if (hex == null || hex.length() != 2 * TreeHash.SIZE) {
            throw new ProofException(ProofError.MALFORMED, "a hash is 64 hex characters");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ProofException(ProofError.MALFORMED, "a hash is 64 hex characters");
        }
    }
}
