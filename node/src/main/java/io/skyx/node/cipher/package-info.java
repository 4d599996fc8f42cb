/**
 * Skycoin's cryptography (skycoin-protocol.md §1–5) on Bouncy Castle's secp256k1: the value types
 * {@link io.skyx.node.cipher.SHA256}, {@link io.skyx.node.cipher.Ripemd160}, {@link io.skyx.node.cipher.SecKey},
 * {@link io.skyx.node.cipher.PubKey}, {@link io.skyx.node.cipher.Sig}, {@link io.skyx.node.cipher.Address},
 * {@link io.skyx.node.cipher.BitcoinAddress}; {@link io.skyx.node.cipher.Wif}; and the facade
 * {@link io.skyx.node.cipher.Cipher} for signing, recovery and Skycoin's exact verification rules.
 * Secret keys never appear in {@code toString} or logs.
 */
package io.skyx.node.cipher;
