package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The deterministic chain against seed-*.golden, many-addresses.golden and the known answers. */
class DeterministicKeysTest {

    private static void assertKeyMatches(String file, int i, KeyPair pair, JsonNode key) {
        String where = file + " key " + i;
        assertThat(pair.sec().revealHex()).as(where).isEqualTo(key.get("secret").asString());
        assertThat(pair.pub().hex()).as(where).isEqualTo(key.get("public").asString());
        assertThat(pair.address().toString()).as(where).isEqualTo(key.get("address").asString());
        assertThat(BitcoinAddress.fromPubKey(pair.pub()).toString()).as(where)
                .isEqualTo(key.get("bitcoin_address").asString());
        assertThat(PubKey.isValid(pair.pub().bytes())).isTrue();
    }

    @Test
    void seedGoldensDeriveExactly() throws Exception {
        List<String> files = Vectors.goldenFiles("seed-0");
        assertThat(files).hasSize(5);
        for (String file : files) {
            JsonNode golden = Vectors.json(file);
            JsonNode keys = golden.get("keys");
            DeterministicKeys.Chain chain = DeterministicKeys.chain(Vectors.seed(golden), keys.size());
            for (int i = 0; i < keys.size(); i++) {
                assertKeyMatches(file, i, chain.keys().get(i), keys.get(i));
            }
        }
    }

    @Test
    void manyAddressesGoldenDerivesAllThousandKeys() throws Exception {
        JsonNode golden = Vectors.json("cipher/many-addresses.golden");
        JsonNode keys = golden.get("keys");
        assertThat(keys.size()).isEqualTo(1000);
        DeterministicKeys.Chain chain = DeterministicKeys.chain(Vectors.seed(golden), keys.size());
        for (int i = 0; i < keys.size(); i++) {
            assertKeyMatches("many-addresses", i, chain.keys().get(i), keys.get(i));
        }
    }

    @Test
    void knownAnswers() throws Exception {
        JsonNode ka = Vectors.json("cipher/secp256k1-known-answers.json");
        int cases = 0;
        for (JsonNode c : ka.get("deterministic_keypair_ascii_seed")) {
            KeyPair pair = DeterministicKeys.keyPair(c.get("seed").asString().getBytes(StandardCharsets.US_ASCII));
            assertThat(pair.sec().revealHex()).isEqualTo(c.get("seckey").asString());
            assertThat(pair.pub().hex()).isEqualTo(c.get("pubkey").asString());
            cases++;
        }
        for (JsonNode c : ka.get("deterministic_iterator_hex_seed")) {
            DeterministicKeys.Step step = DeterministicKeys.iterate(Vectors.hex(c.get("seed").asString()));
            assertThat(step.keyPair().sec().revealHex()).isEqualTo(c.get("seckey").asString());
            assertThat(step.keyPair().pub().hex()).isEqualTo(c.get("pubkey").asString());
            assertThat(HexFormat.of().formatHex(step.nextSeed())).isEqualTo(c.get("nextSeed").asString());
            cases++;
        }
        for (JsonNode c : ka.get("secp256k1_hash_hex_seed")) {
            byte[] hash = DeterministicKeys.secp256k1Hash(Vectors.hex(c.get("seed").asString()));
            assertThat(HexFormat.of().formatHex(hash)).isEqualTo(c.get("hash").asString());
            cases++;
        }
        for (JsonNode c : ka.get("deterministic_iterator_n_times_hex_seed")) {
            int n = c.get("n").asInt();
            DeterministicKeys.Chain chain = DeterministicKeys.chain(Vectors.hex(c.get("seed").asString()), n);
            KeyPair last = chain.keys().get(n - 1);
            assertThat(last.sec().revealHex()).isEqualTo(c.get("sec").asString());
            assertThat(last.pub().hex()).isEqualTo(c.get("pub").asString());
            cases++;
        }
        System.out.println("deterministic known-answer cases: " + cases);
        assertThat(cases).isGreaterThan(20);
    }

    @Test
    void protocolDocWalletExample() throws Exception {
        byte[] seed = "buddy fossil side modify turtle door label grunt baby worth brush master"
                .getBytes(StandardCharsets.UTF_8);
        DeterministicKeys.Chain chain = DeterministicKeys.chain(seed, 1);
        KeyPair first = chain.keys().get(0);
        assertThat(first.sec().revealHex()).startsWith("1fc5396e").endsWith("b93e");
        assertThat(first.address().toString()).isEqualTo("JUdRuTiqD1mGcw358twMg3VPpXpzbkdRvJ");
        assertThat(HexFormat.of().formatHex(chain.lastSeed())).startsWith("9182b02c").endsWith("adaf");
    }

    @Test
    void anEmptySeedIsRejectedAndNoSecretIsPrinted() throws Exception {
        assertThatThrownBy(() -> DeterministicKeys.chain(new byte[0], 1))
                .isInstanceOfSatisfying(CipherException.class,
                        e -> assertThat(e.error()).isEqualTo(CipherError.INVALID_SEED));
        assertThatThrownBy(() -> DeterministicKeys.secp256k1Hash(new byte[0])).isInstanceOf(CipherException.class);
        DeterministicKeys.Step step = DeterministicKeys.iterate(new byte[]{1});
        String secret = step.keyPair().sec().revealHex();
        assertThat(step.toString()).doesNotContain(secret).doesNotContain(HexFormat.of().formatHex(step.nextSeed()));
        assertThat(step.keyPair().toString()).doesNotContain(secret).contains(step.keyPair().address().toString());
        assertThat(DeterministicKeys.chain(new byte[]{1}, 2).toString()).doesNotContain(secret);
    }
}
