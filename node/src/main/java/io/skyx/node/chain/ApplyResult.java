package io.skyx.node.chain;

import io.skyx.node.coin.TxnResult;
import java.util.Objects;

/**
 * Outcome of applying one signed block.
 *
 * @param error            {@link ChainError#OK} or the rule the block broke
 * @param seq              the block's sequence number as it claims it
 * @param transactionIndex index of the offending transaction in the block, or -1
 * @param transaction      the transaction's rule when {@code error == TRANSACTION_INVALID}, else OK
 * @param detail           a short explanation (hashes, numbers), never secret material
 */
public record ApplyResult(ChainError error, long seq, int transactionIndex, TxnResult transaction, String detail) {
    public ApplyResult {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(detail, "detail");
    }

    static ApplyResult ok(long seq) {
        return new ApplyResult(ChainError.OK, seq, -1, TxnResult.OK, "");
    }

    static ApplyResult block(ChainError error, long seq, String detail) {
        return new ApplyResult(error, seq, -1, TxnResult.OK, detail);
    }

    static ApplyResult txn(long seq, int index, TxnResult result, String detail) {
        return new ApplyResult(ChainError.TRANSACTION_INVALID, seq, index, result, detail);
    }

    public boolean ok() {
        return error == ChainError.OK;
    }

    /** @return the failed rule's stable name: the chain error, or the transaction result for a bad transaction */
    public String rule() {
        return error == ChainError.TRANSACTION_INVALID ? transaction.name() : error.name();
    }

    /** @return a one-line description of the outcome */
    public String describe() {
        if (ok()) {
            return "block " + Long.toUnsignedString(seq) + " applied";
        }
        String what = error == ChainError.TRANSACTION_INVALID
                ? "transaction " + transactionIndex + ": " + transaction.name() + " (" + transaction.message() + ")"
                : error.name() + " (" + error.message() + ")";
        return "block " + Long.toUnsignedString(seq) + " rejected: " + what + (detail.isEmpty() ? "" : "; " + detail);
    }
}
