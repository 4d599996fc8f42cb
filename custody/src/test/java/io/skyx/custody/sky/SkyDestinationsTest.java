package io.skyx.custody.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.CustodyException;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SecKey;
import org.junit.jupiter.api.Test;

/** SKY destination checks: checksum, version, a Bitcoin address, the null address. */
class SkyDestinationsTest {

    private static void refused(String address, String code) {
        assertThatThrownBy(() -> SkyDestinations.parse(address)).as(address)
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo("address");
                });
    }

    @Test
    void aSkycoinAddressParsesAndEverythingElseIsRefusedWithItsReason() {
        Address a = Address.fromSecKey(SecKey.random());
        assertThat(SkyDestinations.parse(" " + a + " ")).isEqualTo(a);
        String s = a.toString();
        refused(s.substring(0, s.length() - 1) + (s.endsWith("2") ? "3" : "2"), "INVALID_ADDRESS");
        refused(Address.of(1, a.key().bytes()).toString(), "WRONG_NETWORK");
        refused("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "WRONG_ASSET_ADDRESS");
        refused("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", "WRONG_ASSET_ADDRESS");
        refused("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "WRONG_ASSET_ADDRESS");
        refused(Address.NULL.toString(), "INVALID_ADDRESS");
        refused("0OIl", "INVALID_ADDRESS");
        refused("", "INVALID_ADDRESS");
        refused(null, "INVALID_ADDRESS");
    }

    @Test
    void theKeyChainIsSkycoinsDeterministicChainWithTheHotAddressFirst() throws Exception {
        SkyKeys keys = new SkyKeys("seed");
        var chain = io.skyx.node.cipher.DeterministicKeys.chain("seed".getBytes(java.nio.charset.StandardCharsets.UTF_8), 3);
        assertThat(keys.hotAddress()).isEqualTo(chain.keys().get(0).address());
        assertThat(keys.depositAddress(1)).isEqualTo(chain.keys().get(2).address());
        assertThat(keys.depositAddress(0)).isEqualTo(chain.keys().get(1).address());
        assertThat(keys.keyOf(keys.depositAddress(1))).contains(chain.keys().get(2));
        assertThat(keys.keyOf(Address.fromSecKey(SecKey.random()))).isEmpty();
    }
}
