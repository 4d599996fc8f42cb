package io.skyx.node.chain;

/**
 * Why a signed block was refused (skycoin-protocol.md §7–8). Stable names: tools print them and tests match on
 * them. A transaction-level failure is {@link #TRANSACTION_INVALID} together with the transaction's
 * {@link io.skyx.node.coin.TxnResult}.
 */
public enum ChainError {
    OK("ok"),
    /** The block at seq 0 is not the genesis block built from the configured parameters. */
    GENESIS_MISMATCH("Genesis block does not match the genesis parameters"),
    /** The block is not signed by the blockchain key. */
    BAD_BLOCK_SIGNATURE("Block signature is not valid for the blockchain public key"),
    BAD_SEQ("BkSeq invalid"),
    TIME_NOT_INCREASING("Block time must be > head time"),
    PREV_HASH_MISMATCH("PrevHash does not match current head"),
    BODY_HASH_MISMATCH("Computed body hash does not match"),
    NO_TRANSACTIONS("No transactions"),
    /** One transaction broke a hard rule; see the transaction result and index. */
    TRANSACTION_INVALID("Transaction violates hard constraint"),
    DUPLICATE_OUTPUT_ACROSS_TRANSACTIONS("Duplicate unspent output across transactions"),
    DOUBLE_SPEND_IN_BLOCK("Cannot spend output twice in the same block"),
    UX_HASH_MISMATCH("UxHash does not match"),
    /** Strict mode only: the header's Fee is not the sum of the transaction fees at the parent's time. */
    FEE_MISMATCH("Block fee does not match the sum of transaction fees");

    private final String message;

    ChainError(String message) {
        this.message = message;
    }

    /** @return a one-line description, in Skycoin's wording where Skycoin has one */
    public String message() {
        return message;
    }
}
