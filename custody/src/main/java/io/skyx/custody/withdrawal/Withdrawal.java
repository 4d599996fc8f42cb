package io.skyx.custody.withdrawal;

import io.skyx.custody.platform.CustodyAsset;
import java.time.Instant;

/**
 * One withdrawal as stored.
 *
 * @param amount what the destination receives (smallest unit)
 * @param fee    the network fee, paid by the user on top of {@code amount}
 */
public record Withdrawal(long id, CustodyAsset asset, long userId, String requestId, String destination, long amount,
                         long fee, WithdrawalState state, String txid, byte[] rawTx, int confirmations, String error,
                         Instant createdAt, Instant updatedAt) {

    /** What leaves the user's balance: amount + fee. */
    public long debit() {
        return amount + fee;
    }
}
