package io.skyx.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import io.skyx.node.coin.Seeds;
import io.skyx.node.coin.TxnFixtures;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The one-recovery block signature check agrees with the cipher's {@code VerifyPubKeySignedHash}. */
class BlockSignaturesTest {
    @Property(tries = 100)
    void agreesWithVerifyPubKeySignedHash(@ForAll long seed) throws CipherException {
        Random r = Seeds.random(seed);
        PubKey publisher = TxnFixtures.key("publisher-" + r.nextInt(3)).pubKey();
        byte[] msg = new byte[8];
        r.nextBytes(msg);
        SHA256 hash = SHA256.sum(msg);
        byte[] sig = Cipher.signHash(hash, TxnFixtures.key("publisher-" + r.nextInt(3))).bytes();
        switch (r.nextInt(4)) {
            case 0 -> { }
            case 1 -> sig[r.nextInt(65)] ^= (byte) (1 << r.nextInt(8));
            case 2 -> sig[64] = (byte) r.nextInt(6);
            default -> r.nextBytes(sig);
        }
        Sig s = Sig.of(sig);
        assertThat(BlockSignatures.verify(publisher, s, hash))
                .isEqualTo(Cipher.verifyPubKeySignedHash(publisher, s, hash).ok());
    }
}
