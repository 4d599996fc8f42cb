package io.skyx.node.coin;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;

/**
 * Transaction signature checks with one public-key recovery per input. Skycoin's
 * {@code VerifySignatureRecoverPubKey} and {@code VerifyAddressSignedHash} each recover the key and then re-verify
 * against it, which can only fail on the validity rule (S top bit, recid); so recovering once, applying the
 * validity rule and comparing addresses accepts exactly the same signatures.
 */
final class SigCheck {
    private SigCheck() {
    }

    /**
     * @return the key recovered from a signature that passes {@code VerifySignatureRecoverPubKey}, or null
     */
    static PubKey recoverValid(Sig sig, SHA256 hash) {
        if (Cipher.verifySignatureValidity(sig) != VerifyResult.OK) {
            return null;
        }
        return Recoveries.recover(sig, hash).orElse(null);
    }
}
