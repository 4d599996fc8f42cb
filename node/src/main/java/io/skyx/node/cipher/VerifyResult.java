package io.skyx.node.cipher;

/**
 * Outcome of a signature check, as a result code (verification is on the hot path of block and transaction
 * validation). Names follow Skycoin's cipher errors so callers can report the exact rule that failed.
 */
public enum VerifyResult {
    /** The signature is valid. */
    OK,
    /** The top bit of S is set, or recid &ge; 4 ({@code VerifySignatureValidity}). */
    INVALID_SIG_VALIDITY,
    /** No valid public key can be recovered from the signature and hash ({@code ErrInvalidSigPubKeyRecovery}). */
    INVALID_SIG_PUBKEY_RECOVERY,
    /** The recovered key's address is not the expected address ({@code ErrInvalidAddressForSig}). */
    INVALID_ADDRESS_FOR_SIG,
    /** The recovered key is not the expected public key ({@code ErrPubKeyRecoverMismatch}). */
    PUBKEY_RECOVER_MISMATCH,
    /** The expected public key itself is invalid ({@code ErrInvalidPubKey}). */
    INVALID_PUBKEY,
    /** The signature does not verify for the public key ({@code ErrInvalidSigForPubKey}). */
    INVALID_SIG_FOR_PUBKEY;

    /** @return whether this is {@link #OK} */
    public boolean ok() {
        return this == OK;
    }
}
