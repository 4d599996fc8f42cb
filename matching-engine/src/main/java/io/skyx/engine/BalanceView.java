package io.skyx.engine;

/**
 * One user's balance of one asset, in the asset's smallest unit.
 *
 * @param assetId     asset
 * @param available   free to spend
 * @param locked      held by open orders
 * @param withdrawing held by pending withdrawals
 */
public record BalanceView(int assetId, long available, long locked, long withdrawing) {

    /** A balance with nothing withdrawing. */
    public BalanceView(int assetId, long available, long locked) {
        this(assetId, available, locked, 0);
    }
}
