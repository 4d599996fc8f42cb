package io.skyx.node.coin;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The single-recovery input check accepts exactly the signatures Skycoin's {@code VerifySignatureRecoverPubKey} and
 * {@code VerifyAddressSignedHash} (as implemented in the cipher package) accept, on valid, mutated, high-S and
 * random signatures.
 */
class SigCheckTest {
    private static final BigInteger N =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    @Property(tries = 100)
    void agreesWithTheCipherChecks(@ForAll long seed) throws CipherException {
        Random r = Seeds.random(seed);
        SecKey key = TxnFixtures.key("sigcheck-" + r.nextInt(4));
        Address owner = Address.fromSecKey(TxnFixtures.key("sigcheck-" + r.nextInt(4)));
        SHA256 hash = SHA256.sum(RandomCoin.bytes(r, 8));
        byte[] sig = Cipher.signHash(hash, key).bytes();
        switch (r.nextInt(5)) {
            case 0 -> { } // valid as signed
            case 1 -> sig[r.nextInt(65)] ^= (byte) (1 << r.nextInt(8));
            case 2 -> sig[64] = (byte) r.nextInt(6);
            case 3 -> { // the high-S twin: S' = n - S with the parity bit flipped
                BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
                byte[] high = N.subtract(s).toByteArray();
                byte[] fixed = new byte[32];
                System.arraycopy(high, Math.max(0, high.length - 32), fixed, Math.max(0, 32 - high.length),
                        Math.min(32, high.length));
                System.arraycopy(fixed, 0, sig, 32, 32);
                sig[64] ^= 1;
            }
            default -> sig = RandomCoin.bytes(r, 65);
        }
        Sig s = Sig.of(sig);
        PubKey recovered = SigCheck.recoverValid(s, hash);
        assertThat(recovered != null).isEqualTo(Cipher.verifySignatureRecoverPubKey(s, hash).ok());
        boolean ours = recovered != null && Address.fromPubKey(recovered).equals(owner);
        assertThat(ours).isEqualTo(Cipher.verifyAddressSignedHash(owner, s, hash).ok());
    }
}
