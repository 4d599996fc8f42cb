package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bitcoinj.crypto.MnemonicCode;
import org.junit.jupiter.api.Test;

/** BIP39: the standard "abandon … about" vector, checksum rules, and agreement with bitcoinj on random entropy. */
class Bip39Test {
    private static final String ABANDON = "abandon abandon abandon abandon abandon abandon abandon abandon abandon "
            + "abandon abandon about";

    @Test
    void standardVector() throws Exception {
        assertThat(Bip39.fromEntropy(new byte[16])).isEqualTo(ABANDON);
        assertThat(Bip39.validate(ABANDON)).isEqualTo(new byte[16]);
        assertThat(HexFormat.of().formatHex(Bip39.seed(ABANDON, "TREZOR"))).isEqualTo(
                "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf1"
                        + "41630c7a3c4ab7c81b2f001698e7463b04");
    }

    @Test
    void badMnemonicsAreRejectedWithTheRuleThatFailed() {
        assertThatThrownBy(() -> Bip39.validate(ABANDON.replace("about", "abandon")))
                .isInstanceOfSatisfying(CipherException.class,
                        e -> assertThat(e.getMessage()).contains("checksum"));
        assertThatThrownBy(() -> Bip39.validate(ABANDON.replace("about", "aboutx")))
                .isInstanceOfSatisfying(CipherException.class,
                        e -> assertThat(e.getMessage()).contains("word 12").doesNotContain("aboutx"));
        assertThatThrownBy(() -> Bip39.validate("abandon abandon about"))
                .isInstanceOfSatisfying(CipherException.class, e -> assertThat(e.getMessage()).contains("3 word"));
        assertThatThrownBy(() -> Bip39.validate(ABANDON.replace(" about", "  about")))
                .isInstanceOf(CipherException.class);
        assertThatThrownBy(() -> Bip39.validate("")).isInstanceOf(CipherException.class);
        assertThat(Bip39.isValid(ABANDON)).isTrue();
    }

    @Test
    void agreesWithBitcoinjOnRandomEntropy() throws Exception {
        long seed = Long.getLong("skyx.test.seed", System.nanoTime());
        System.out.println("Bip39Test.agreesWithBitcoinjOnRandomEntropy: seed=" + seed
                + " (replay with -Dskyx.test.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int n = 0; n < 20; n++) {
            byte[] entropy = new byte[16 + 4 * random.nextInt(5)];
            random.nextBytes(entropy);
            String mnemonic = Bip39.fromEntropy(entropy);
            List<String> words = MnemonicCode.INSTANCE.toMnemonic(entropy);
            assertThat(mnemonic).isEqualTo(String.join(" ", words));
            assertThat(Bip39.validate(mnemonic)).isEqualTo(entropy);
            if (n < 3) {
                assertThat(Bip39.seed(mnemonic, "pass")).isEqualTo(MnemonicCode.toSeed(words, "pass"));
            }
        }
        String generated = Bip39.generate(24);
        assertThat(generated.split(" ")).hasSize(24);
        assertThat(Bip39.isValid(generated)).isTrue();
        assertThat(Arrays.asList(12, 15, 18, 21, 24)).allSatisfy(w -> assertThat(Bip39.generate(w).split(" ")).hasSize(w));
    }
}
