/**
 * Proof of reserves, the platform side (docs/proof-of-reserves.md): liabilities snapshots at a journal sequence
 * number, built with {@code io.skyx.node.reserves.LiabilityTree} from the balances projection, published append-only,
 * and each signed-in user's inclusion proof.
 */
package io.skyx.api.reserves;
