package io.skyx.custody.deposit;

import io.skyx.custody.platform.CustodyAsset;
import java.time.Instant;

/** One payment to a deposit address, keyed by (asset, txid, output). */
public record Deposit(CustodyAsset asset, String txid, int vout, long userId, String address, long amount,
                      int confirmations, boolean credited, Instant firstSeenAt, Instant creditedAt) {

    /** The ledger key of its credit: {@code "<chain>:<txid>:<output>"}. */
    public String key() {
        return asset.name().toLowerCase(java.util.Locale.ROOT) + ":" + txid + ":" + vout;
    }
}
