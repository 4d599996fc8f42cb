package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** seed-bip32-*.golden: derive base_path + child number from the seed and compare every field exactly. */
class Bip32GoldenTest {

    @Test
    void everyBip32GoldenKeyDerivesExactly() throws Exception {
        List<String> files = Vectors.goldenFiles("seed-bip32-");
        assertThat(files).hasSize(5);
        int checked = 0;
        for (String file : files) {
            JsonNode golden = Vectors.json(file);
            ExtendedKey master = ExtendedKey.master(Vectors.seed(golden));
            ExtendedKey base = master.derive(golden.get("base_path").asString());
            JsonNode childNumbers = golden.get("child_numbers");
            JsonNode keys = golden.get("keys");
            assertThat(keys.size()).isEqualTo(childNumbers.size());
            for (int i = 0; i < keys.size(); i++) {
                JsonNode k = keys.get(i);
                long child = childNumbers.get(i).asLong();
                ExtendedKey key = base.child(child);
                String where = file + " " + k.get("path").asString();
                assertThat(master.derive(k.get("path").asString())).as(where).isEqualTo(key);
                assertThat(key.serializePrivate()).as(where).isEqualTo(k.get("xpriv").asString());
                assertThat(key.serializePublic()).as(where).isEqualTo(k.get("xpub").asString());
                assertThat(key.identifier().hex()).as(where).isEqualTo(k.get("identifier").asString());
                assertThat(key.depth()).as(where).isEqualTo(k.get("depth").asInt());
                assertThat(key.childNumber()).as(where).isEqualTo(k.get("child_number").asLong()).isEqualTo(child);
                assertThat(key.secKey().revealHex()).as(where).isEqualTo(k.get("secret").asString());
                assertThat(key.pubKey().hex()).as(where).isEqualTo(k.get("public").asString());
                assertThat(Address.fromPubKey(key.pubKey()).toString()).as(where)
                        .isEqualTo(k.get("address").asString());
                assertThat(BitcoinAddress.fromPubKey(key.pubKey()).toString()).as(where)
                        .isEqualTo(k.get("bitcoin_address").asString());

                assertThat(ExtendedKey.parse(k.get("xpriv").asString())).isEqualTo(key);
                ExtendedKey xpub = ExtendedKey.parse(k.get("xpub").asString());
                assertThat(xpub).isEqualTo(key.neuter());
                assertThat(xpub.isPrivate()).isFalse();
                checked++;
            }
            if (childNumbers.size() > 0) {
                long firstNonHardened = childNumbers.get(0).asLong();
                assertThat(base.neuter().child(firstNonHardened).pubKey()).isEqualTo(base.child(firstNonHardened).pubKey());
            }
        }
        assertThat(checked).isEqualTo(45);
    }
}
