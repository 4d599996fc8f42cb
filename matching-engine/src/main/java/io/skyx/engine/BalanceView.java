package io.skyx.engine;

/**
 * One account's balance of one asset, in the asset's smallest unit.
 *
 * @param assetId   asset
 * @param available free to spend
 * @param locked    held by open orders
 */
public record BalanceView(int assetId, long available, long locked) {
}
