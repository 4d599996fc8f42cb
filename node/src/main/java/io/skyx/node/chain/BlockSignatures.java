package io.skyx.node.chain;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;
import io.skyx.node.coin.Recoveries;
import io.skyx.node.coin.SignedBlock;

/**
 * The block publisher's signature, {@code VerifyPubKeySignedHash(blockchainPubKey, sig, blockHash)}: Skycoin's
 * check recovers, compares with the key, applies the validity rule and then recovers again to re-verify, which can
 * only repeat the first answer. Here "recovery gives the blockchain key" is answered by one verification against
 * that key ({@link io.skyx.node.cipher.Cipher#recoversTo}), or by a prefetched recovery.
 */
final class BlockSignatures {
    private BlockSignatures() {
    }

    static boolean verify(PubKey publisher, SignedBlock block) {
        return verify(publisher, block.sig(), block.hash());
    }

    static boolean verify(PubKey publisher, Sig sig, SHA256 hash) {
        if (Cipher.verifySignatureValidity(sig) != VerifyResult.OK) {
            return false;
        }
        return Recoveries.recoversTo(sig, hash, publisher);
    }
}
