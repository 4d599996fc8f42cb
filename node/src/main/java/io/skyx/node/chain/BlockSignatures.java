package io.skyx.node.chain;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.coin.SignedBlock;

/** The block publisher's signature: {@code VerifyPubKeySignedHash(blockchainPubKey, sig, blockHash)}. */
final class BlockSignatures {
    private BlockSignatures() {
    }

    static boolean verify(PubKey publisher, SignedBlock block) {
        return Cipher.verifyPubKeySignedHash(publisher, block.sig(), block.hash()).ok();
    }
}
