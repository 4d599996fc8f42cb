package io.skyx.custody.platform;

import java.util.Map;

/** The ledger's records of one asset's on-chain money, for reconciliation (exchange-api implements it). */
public interface LedgerRecords {

    /** The asset's records, all as of one journal sequence number. */
    Records read(CustodyAsset asset);

    /**
     * @param seq       the journal sequence number these records are the state of
     * @param credits   on-chain deposit credits: key {@code "<chain>:<txid>:<output>"} → amount
     * @param completed completed withdrawals: withdrawal id → what it took from the user (amount + fee)
     * @param pending   reserved withdrawals, neither completed nor refunded: id → amount + fee
     * @param owned     −reserve: what the ledger says the platform holds on chain (users' coins and the pool)
     */
    record Records(long seq, Map<String, Long> credits, Map<Long, Long> completed, Map<Long, Long> pending,
                   long owned) {
        /** Defensive copies. */
        public Records {
            credits = Map.copyOf(credits);
            completed = Map.copyOf(completed);
            pending = Map.copyOf(pending);
        }
    }
}
