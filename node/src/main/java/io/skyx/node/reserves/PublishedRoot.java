package io.skyx.node.reserves;

/**
 * A liabilities root as published: the snapshot, the root hash and total, the journal sequence number and the
 * block height of the asset's chain the snapshot stands for.
 */
public record PublishedRoot(SnapshotRef ref, String rootHash, Value128 total, long journalSeq, long blockHeight) {
    /** Checks the fields. */
    public PublishedRoot {
        InclusionProof.parseHash(rootHash);
        if (total == null || journalSeq < 0 || blockHeight < 0) {
            throw new ProofException(ProofError.MALFORMED, "total, journal seq and block height are required");
        }
    }
}
