package io.skyx.node.cipher;

/** Stable reason codes for rejected key, address and signature input (mirrors Skycoin's cipher errors). */
public enum CipherError {
    /** Wrong byte or character length for the value. */
    INVALID_LENGTH,
    /** Not hexadecimal. */
    INVALID_HEX,
    /** A character outside the base58 alphabet, or an empty string. */
    INVALID_BASE58,
    /** The checksum of an address or WIF does not match. */
    INVALID_CHECKSUM,
    /** The version byte of an address (or the WIF prefix/compression flag) is not the accepted one. */
    INVALID_VERSION,
    /** A secret key outside 0 &lt; k &lt; n. */
    INVALID_SECKEY,
    /** A public key that is not a valid compressed secp256k1 point. */
    INVALID_PUBKEY,
    /** An empty seed, or a malformed mnemonic / derivation path / extended key. */
    INVALID_SEED,
    /** A BIP32 child derivation produced an invalid key (astronomically rare; use the next index). */
    INVALID_DERIVED_KEY
}
