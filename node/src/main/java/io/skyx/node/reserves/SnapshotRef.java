package io.skyx.node.reserves;

/**
 * Which tree: one asset's liabilities at one snapshot. {@code asset} is the ticker (upper-case ASCII letters,
 * 1..10), {@code snapshot} the snapshot number (≥ 1, increasing; the exchange publishes which journal sequence
 * number and block heights it stands for).
 */
public record SnapshotRef(String asset, long snapshot) {
    /** Checks both fields. */
    public SnapshotRef {
        if (asset == null || asset.isEmpty() || asset.length() > 10 || !asset.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new ProofException(ProofError.MALFORMED, "asset must be 1..10 upper-case letters: " + asset);
        }
        if (snapshot < 1) {
            throw new ProofException(ProofError.MALFORMED, "snapshot must be >= 1: " + snapshot);
        }
    }
}
