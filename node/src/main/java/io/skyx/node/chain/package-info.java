/**
 * Chain validation: {@link io.skyx.node.chain.Chain} starts from {@link io.skyx.node.chain.GenesisParams} (mainnet
 * built in) and applies signed blocks in order to an in-memory unspent set, checking every rule of
 * skycoin-protocol.md §7–8; each refusal is an {@link io.skyx.node.chain.ApplyResult} naming its
 * {@link io.skyx.node.chain.ChainError} (and, for a bad transaction, its {@link io.skyx.node.coin.TxnResult}), and
 * a refused block changes nothing. {@link io.skyx.node.chain.MainnetDistribution} holds mainnet's distribution
 * addresses and soft-rule parameters.
 */
package io.skyx.node.chain;
