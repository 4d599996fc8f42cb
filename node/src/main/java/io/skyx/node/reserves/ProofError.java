package io.skyx.node.reserves;

/** Why a proof, a tree or a reserve claim is refused. Codes are stable (they appear in the CLI and the API). */
public enum ProofError {
    /** Not well formed (bad hex, bad JSON, wrong lengths, unknown version). */
    MALFORMED,
    /** A value below zero. */
    NEGATIVE_VALUE,
    /** A value outside the unsigned range of its field. */
    VALUE_OUT_OF_RANGE,
    /** A sum reached 2^128. */
    OVERFLOW,
    /** The path does not lead to the published root hash. */
    ROOT_MISMATCH,
    /** The values along the path do not add up to the published total. */
    TOTAL_MISMATCH,
    /** The proof is for another asset or snapshot than the one checked. */
    WRONG_SNAPSHOT,
    /** The leaf is not the checking user's (another account id). */
    WRONG_ACCOUNT,
    /** The leaf does not hold the balance the user expects. */
    WRONG_BALANCE,
    /** Two accounts in one tree, or one account twice. */
    DUPLICATE_ACCOUNT,
    /** A second, different root for a snapshot and asset that already has one. */
    CONFLICTING_ROOT,
    /** A reserve signature that does not verify for its address, or signs another challenge. */
    BAD_SIGNATURE,
    /** A reserve address counted twice (in one asset or across assets). */
    DUPLICATE_RESERVE
}
