/**
 * Skycoin's coin layer (skycoin-protocol.md §7–8): transactions, outputs and unspent outputs, coin hours, blocks,
 * and the transaction rules.
 *
 * <ul>
 *   <li>Values: {@link io.skyx.node.coin.Transaction}, {@link io.skyx.node.coin.TransactionOutput},
 *       {@link io.skyx.node.coin.UxOut} ({@link io.skyx.node.coin.UxHead} + {@link io.skyx.node.coin.UxBody}),
 *       {@link io.skyx.node.coin.BlockHeader}, {@link io.skyx.node.coin.BlockBody},
 *       {@link io.skyx.node.coin.Block}, {@link io.skyx.node.coin.SignedBlock}; all immutable, all amounts unsigned
 *       64-bit integers held in {@code long}.</li>
 *   <li>Codecs, one per type, each size + encode + decode and raising only
 *       {@link io.skyx.node.encoding.DecodeException}: {@code TransactionCodec}, {@code SignedBlockCodec}, …</li>
 *   <li>Rules: {@link io.skyx.node.coin.TransactionRules} returns a {@link io.skyx.node.coin.TxnResult} per rule
 *       (hard, soft or user); {@link io.skyx.node.coin.CoinHours} and {@link io.skyx.node.coin.Fees} hold the
 *       arithmetic with Skycoin's overflow rules.</li>
 *   <li>{@link io.skyx.node.coin.Genesis} builds a genesis block from parameters.</li>
 * </ul>
 * Applying blocks to an unspent set is {@link io.skyx.node.chain.Chain}'s job.
 */
package io.skyx.node.coin;
