package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.CustodyException;
import io.skyx.node.cipher.SecKey;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.junit.jupiter.api.Test;

class BtcDestinationsTest {

    private static final byte[] H20 = new byte[20];
    private static final byte[] H32 = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            H32[i] = (byte) (i + 1);
            if (i < 20) {
                H20[i] = (byte) (i + 7);
            }
        }
    }

    @Test
    void acceptsTheFourWithdrawalTypesOnItsNetwork() {
        // mainnet vectors: BIP84 "abandon...about" 0/0, BIP86 (taproot) test vector, P2PKH, P2SH
        assertThat(BtcDestinations.parse("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", BitcoinNetwork.MAINNET)
                .getOutputScriptType()).isEqualTo(ScriptType.P2WPKH);
        assertThat(BtcDestinations.parse("bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr",
                BitcoinNetwork.MAINNET).getOutputScriptType()).isEqualTo(ScriptType.P2TR);
        assertThat(BtcDestinations.parse("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", BitcoinNetwork.MAINNET)
                .getOutputScriptType()).isEqualTo(ScriptType.P2PKH);
        assertThat(BtcDestinations.parse("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", BitcoinNetwork.MAINNET)
                .getOutputScriptType()).isEqualTo(ScriptType.P2SH);

        BitcoinNetwork r = BitcoinNetwork.REGTEST;
        assertThat(BtcDestinations.parse(SegwitAddress.fromProgram(r, 1, H32).toString(), r).getOutputScriptType())
                .isEqualTo(ScriptType.P2TR);
        assertThat(BtcDestinations.parse(LegacyAddress.fromScriptHash(r, H20).toString(), r).getOutputScriptType())
                .isEqualTo(ScriptType.P2SH);
        assertThat(BtcDestinations.parse(" " + SegwitAddress.fromHash(r, H20) + " ", r).toString())
                .isEqualTo(SegwitAddress.fromHash(r, H20).toString());
    }

    @Test
    void refusesOtherNetworksBadChecksumsSkyAddressesAndGarbage() {
        assertCode("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", BitcoinNetwork.REGTEST, "WRONG_NETWORK");
        assertCode("bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk", BitcoinNetwork.MAINNET, "WRONG_NETWORK");
        assertCode("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", BitcoinNetwork.MAINNET, "WRONG_NETWORK");
        assertCode("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyv", BitcoinNetwork.MAINNET, "INVALID_ADDRESS");
        assertCode("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", BitcoinNetwork.MAINNET, "INVALID_ADDRESS");
        assertCode(io.skyx.node.cipher.Address.fromSecKey(SecKey.random()).toString(), BitcoinNetwork.MAINNET,
                "WRONG_ASSET_ADDRESS");
        assertCode("hello", BitcoinNetwork.MAINNET, "INVALID_ADDRESS");
        assertCode("", BitcoinNetwork.MAINNET, "INVALID_ADDRESS");
        assertCode(null, BitcoinNetwork.MAINNET, "INVALID_ADDRESS");
    }

    private static void assertCode(String address, BitcoinNetwork network, String code) {
        assertThatThrownBy(() -> BtcDestinations.parse(address, network)).as(address)
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo("address");
                    assertThat(e.getMessage()).isNotBlank();
                });
    }
}
