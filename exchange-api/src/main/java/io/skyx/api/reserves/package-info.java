/**
 * Proof of reserves, the platform side (docs/proof-of-reserves.md): liabilities snapshots at a journal sequence
 * number, built with {@code io.skyx.node.reserves.LiabilityTree} from the balances projection, published append-only,
 * and each signed-in user's inclusion proof; each snapshot's reserves read from the custody wallets and signed over
 * a fresh challenge, its BTC OP_RETURN anchor; and continuous solvency with its gauges and alarm.
 */
package io.skyx.api.reserves;
