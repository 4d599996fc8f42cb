package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad BIP32 seeds, paths and serialized keys are rejected with the precise error; secrets stay out of toString. */
class ExtendedKeyNegativeTest {
    private static final byte[] SEED = new byte[32];

    static {
        Arrays.fill(SEED, (byte) 7);
    }

    private static void assertError(CipherError expected, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(CipherException.class,
                e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static String reencode(byte[] body78) {
        byte[] out = Arrays.copyOf(body78, 82);
        System.arraycopy(SHA256.doubleSum(body78).bytes(), 0, out, 78, 4);
        return Base58.encode(out);
    }

    @Test
    void seedsAndPaths() throws Exception {
        assertError(CipherError.INVALID_SEED, () -> ExtendedKey.master(new byte[15]));
        assertError(CipherError.INVALID_SEED, () -> ExtendedKey.master(new byte[65]));
        ExtendedKey master = ExtendedKey.master(SEED);
        for (String bad : new String[]{"m/x", "m//1", "m/1'/", "m/2147483648", "m/-1", "m/1''", "m/12345678901"}) {
            assertError(CipherError.INVALID_SEED, () -> master.derive(bad));
        }
        ExtendedKey child = master.derive("m/44'/8000'/0'");
        assertError(CipherError.INVALID_SEED, () -> child.derive("m/0"));
        assertThat(child.derive("0/5")).isEqualTo(master.bip44Skycoin(0, 0, 5));
        assertThat(master.derive("m/44h/8000H/0'/0/5")).isEqualTo(master.bip44Skycoin(0, 0, 5));
        assertError(CipherError.INVALID_SEED, () -> child.neuter().child(ExtendedKey.HARDENED));
        assertError(CipherError.INVALID_SEED, () -> master.child(1L << 32));
        assertThatThrownBy(() -> child.neuter().secKey()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> child.neuter().serializePrivate()).isInstanceOf(IllegalStateException.class);
        assertThat(child.toString()).doesNotContain(child.serializePrivate())
                .doesNotContain(child.secKey().revealHex()).contains(child.serializePublic());
    }

    @Test
    void serializedKeys() throws Exception {
        ExtendedKey key = ExtendedKey.master(SEED).derive("m/44'/8000'/0'/0");
        byte[] priv = Base58.decode(key.serializePrivate());
        byte[] pub = Base58.decode(key.serializePublic());

        byte[] badChecksum = priv.clone();
        badChecksum[81] ^= 1;
        assertError(CipherError.INVALID_CHECKSUM, () -> ExtendedKey.parse(Base58.encode(badChecksum)));
        assertError(CipherError.INVALID_LENGTH, () -> ExtendedKey.parse(Base58.encode(Arrays.copyOf(priv, 81))));
        byte[] testnet = Arrays.copyOf(priv, 78);
        testnet[0] = 0x04;
        testnet[1] = 0x35;
        testnet[2] = (byte) 0x83;
        testnet[3] = (byte) 0x94;
        assertError(CipherError.INVALID_VERSION, () -> ExtendedKey.parse(reencode(testnet)));
        byte[] privNoZero = Arrays.copyOf(priv, 78);
        privNoZero[45] = 1;
        assertError(CipherError.INVALID_SECKEY, () -> ExtendedKey.parse(reencode(privNoZero)));
        byte[] privZeroKey = Arrays.copyOf(priv, 78);
        Arrays.fill(privZeroKey, 46, 78, (byte) 0);
        assertError(CipherError.INVALID_SECKEY, () -> ExtendedKey.parse(reencode(privZeroKey)));
        byte[] badPoint = Arrays.copyOf(pub, 78);
        System.arraycopy(CipherNegativeTest.notOnCurve(), 0, badPoint, 45, 33);
        assertError(CipherError.INVALID_PUBKEY, () -> ExtendedKey.parse(reencode(badPoint)));
        byte[] depthZeroWithParent = Arrays.copyOf(pub, 78);
        depthZeroWithParent[4] = 0;
        assertError(CipherError.INVALID_VERSION, () -> ExtendedKey.parse(reencode(depthZeroWithParent)));
        assertError(CipherError.INVALID_BASE58, () -> ExtendedKey.parse("xpub0OIl"));

        assertThat(ExtendedKey.parse(key.serializePublic()).child(3).pubKey()).isEqualTo(key.child(3).pubKey());
    }
}
