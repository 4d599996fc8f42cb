package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every golden signature in seed-*.golden and seed-bip32-*.golden passes all three of Skycoin's verification
 * functions and recovers to the golden public key; a fresh signature by the golden secret also verifies.
 */
class SignatureGoldenTest {

    @Test
    void inputHashesAreAsDocumented() throws Exception {
        List<SHA256> hashes = Vectors.inputHashes();
        assertThat(hashes).hasSize(10);
        assertThat(hashes.get(0)).isEqualTo(SHA256.sum(new byte[32]));
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 1);
        assertThat(hashes.get(1)).isEqualTo(SHA256.sum(ones));
    }

    @Test
    void everyGoldenSignatureVerifiesAndAFreshOneToo() throws Exception {
        List<SHA256> hashes = Vectors.inputHashes();
        List<String> files = new java.util.ArrayList<>(Vectors.goldenFiles("seed-"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        int verified = 0;
        for (String file : files) {
            for (JsonNode key : Vectors.json(file).get("keys")) {
                SecKey sec = SecKey.fromHex(key.get("secret").asString());
                PubKey pub = PubKey.fromHex(key.get("public").asString());
                Address addr = Address.parse(key.get("address").asString());
                assertThat(sec.pubKey()).as(file).isEqualTo(pub);
                assertThat(Address.fromPubKey(pub)).as(file).isEqualTo(addr);
                assertThat(BitcoinAddress.fromPubKey(pub).toString()).as(file)
                        .isEqualTo(key.get("bitcoin_address").asString());
                JsonNode sigs = key.get("signatures");
                for (int j = 0; j < sigs.size(); j++) {
                    Sig sig = Sig.fromHex(sigs.get(j).asString());
                    SHA256 h = hashes.get(j);
                    assertThat(Cipher.verifyPubKeySignedHash(pub, sig, h)).as(file).isEqualTo(VerifyResult.OK);
                    assertThat(Cipher.verifyAddressSignedHash(addr, sig, h)).as(file).isEqualTo(VerifyResult.OK);
                    assertThat(Cipher.verifySignatureRecoverPubKey(sig, h)).as(file).isEqualTo(VerifyResult.OK);
                    assertThat(Cipher.pubKeyFromSig(sig, h)).as(file).contains(pub);
                    verified++;

                    Sig fresh = Cipher.signHash(h, sec);
                    assertThat(Cipher.verifyPubKeySignedHash(pub, fresh, h)).isEqualTo(VerifyResult.OK);
                    assertThat(Cipher.verifyAddressSignedHash(addr, fresh, h)).isEqualTo(VerifyResult.OK);
                    assertThat(fresh.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
                }
            }
        }
        System.out.println("golden signatures verified: " + verified);
        assertThat(verified).as("5 seed files x 10 keys + 5 bip32 files x 9 keys, 10 hashes each").isEqualTo(950);
    }
}
