package io.skyx.engine;

/**
 * A pending withdrawal: reserved, neither completed nor refunded yet.
 *
 * @param withdrawalId the caller's id
 * @param userId       whose balance it holds
 * @param assetId      asset
 * @param amount       held in the user's WITHDRAWING balance (asset units)
 */
public record WithdrawalView(long withdrawalId, long userId, int assetId, long amount) {
}
