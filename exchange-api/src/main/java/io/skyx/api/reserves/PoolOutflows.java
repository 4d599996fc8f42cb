package io.skyx.api.reserves;

import java.util.Map;

/**
 * The settlement pool's on-chain payouts that may have left the pool in the ledger but may not have left the hot
 * wallet yet: implemented by the settlement feature (which owns the batches), read by {@link PoolFunding} after the
 * journal point and before the wallet, so a batch moved in the ledger is never counted as surplus while its coins
 * are still in the wallet. Counting one whose ledger move is not done yet only makes the surplus err low.
 */
public interface PoolOutflows {

    /**
     * The asset's payout transactions that are signed, not yet confirmed and not reversed: txid → amount they pay
     * out (base units).
     */
    Map<String, Long> unconfirmed(String asset);
}
