package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** secp256k1-known-answers.json: WIF and raw-ECDH cases (the deterministic ones are in DeterministicKeysTest). */
class KnownAnswersTest {

    @Test
    void bitcoinWif() throws Exception {
        JsonNode cases = Vectors.json("cipher/secp256k1-known-answers.json").get("bitcoin_wif");
        assertThat(cases.size()).isPositive();
        for (JsonNode c : cases) {
            SecKey sec = Wif.decode(c.get("wif").asString());
            PubKey pub = sec.pubKey();
            assertThat(pub.hex()).isEqualTo(c.get("pubkey").asString());
            assertThat(BitcoinAddress.fromPubKey(pub).toString()).isEqualTo(c.get("addr").asString());
            assertThat(BitcoinAddress.parse(c.get("addr").asString())).isEqualTo(BitcoinAddress.fromPubKey(pub));
            assertThat(Wif.encode(sec)).isEqualTo(c.get("wif").asString());
        }
    }

    @Test
    void abnormalSecretKeysGiveTheirPublicKeysAndRawEcdh() throws Exception {
        JsonNode cases = Vectors.json("cipher/secp256k1-known-answers.json").get("abnormal_seckeys_pub_and_raw_ecdh");
        assertThat(cases.size()).isGreaterThan(1);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            SecKey sec = SecKey.fromHex(c.get("sec").asString());
            assertThat(sec.pubKey().hex()).isEqualTo(c.get("pub").asString());
            JsonNode ecdh = c.get("ecdh_with_pub_of_index");
            for (int j = 0; j < ecdh.size(); j++) {
                if (i == j) {
                    assertThat(ecdh.get(j).asString()).isEmpty();
                    continue;
                }
                PubKey other = PubKey.fromHex(cases.get(j).get("pub").asString());
                assertThat(org.bouncycastle.util.encoders.Hex.toHexString(Cipher.ecdhRaw(other, sec)))
                        .isEqualTo(ecdh.get(j).asString());
                assertThat(Cipher.ecdh(other, sec)).isEqualTo(SHA256.sum(Cipher.ecdhRaw(other, sec)));
            }
        }
    }
}
