/**
 * Proof of liabilities and reserves (docs/proof-of-reserves.md): per asset, a Merkle sum tree of what users are
 * owed in which every node commits both children's values separately, inclusion proofs a user verifies without
 * trusting SkyX, an append-only history of published roots, and signatures that prove control of the reserve
 * addresses over a challenge naming the snapshot. Pure Java, no framework: the exchange builds snapshots with it,
 * the {@code skycoin verify-reserves} command and the web UI verify with it (the web UI has its own TypeScript
 * port, checked against this one).
 */
package io.skyx.node.reserves;
