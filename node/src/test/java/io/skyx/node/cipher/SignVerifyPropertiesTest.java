package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** For random keys and hashes: a fresh signature verifies everywhere, and any change to hash or key breaks it. */
class SignVerifyPropertiesTest {

    @Property(tries = 60)
    void freshSignaturesVerifyAndTamperingIsDetected(@ForAll @Size(32) byte[] secBytes, @ForAll @Size(32) byte[] h,
                                                     @ForAll @IntRange(min = 0, max = 255) int flipAt)
            throws Exception {
        Assume.that(Secp256k1.isValidScalar(secBytes));
        SecKey sec = SecKey.of(secBytes);
        SHA256 hash = SHA256.of(h);
        Assume.that(!hash.isNull());
        PubKey pub = sec.pubKey();
        Address addr = Address.fromPubKey(pub);

        Sig sig = Cipher.signHash(hash, sec);
        assertThat(sig.recid()).isBetween(0, 3);
        assertThat(sig.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
        assertThat(Cipher.signHash(hash, sec)).as("RFC 6979 is deterministic").isEqualTo(sig);
        assertThat(Cipher.verifyAddressSignedHash(addr, sig, hash)).isEqualTo(VerifyResult.OK);
        assertThat(Cipher.verifyPubKeySignedHash(pub, sig, hash)).isEqualTo(VerifyResult.OK);
        assertThat(Cipher.verifySignatureRecoverPubKey(sig, hash)).isEqualTo(VerifyResult.OK);
        assertThat(Cipher.pubKeyFromSig(sig, hash)).contains(pub);

        byte[] other = hash.bytes();
        other[flipAt % 32] ^= (byte) (1 << (flipAt % 8));
        SHA256 tampered = SHA256.of(other);
        assertThat(Cipher.verifyAddressSignedHash(addr, sig, tampered)).isNotEqualTo(VerifyResult.OK);
        assertThat(Cipher.verifyPubKeySignedHash(pub, sig, tampered)).isNotEqualTo(VerifyResult.OK);

        byte[] sigBytes = sig.bytes();
        sigBytes[flipAt % 64] ^= (byte) (1 << (flipAt % 8));
        assertThat(Cipher.verifyAddressSignedHash(addr, Sig.of(sigBytes), hash)).isNotEqualTo(VerifyResult.OK);
    }
}
