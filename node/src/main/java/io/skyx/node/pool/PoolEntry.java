package io.skyx.node.pool;

import io.skyx.node.coin.Transaction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One unconfirmed transaction with Skycoin's bookkeeping (the {@code pendingTxs} fields).
 *
 * @param transaction the transaction
 * @param received    when it entered the pool
 * @param checked     when it was last re-validated
 * @param announced   when it was last announced to peers, if ever
 * @param valid       whether it passed the soft and hard rules at the last check
 * @param fee         its fee in coin hours at the last check (0 when invalid)
 */
public record PoolEntry(Transaction transaction, Instant received, Instant checked, Optional<Instant> announced,
                        boolean valid, long fee) {
    public PoolEntry {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(announced, "announced");
    }

    /** @return fee per KB as Skycoin orders block candidates: fee × 1024 / size (exact, never overflows) */
    public java.math.BigInteger feePerKb() {
        return java.math.BigInteger.valueOf(fee).shiftLeft(10)
                .divide(java.math.BigInteger.valueOf(transaction.size()));
    }
}
