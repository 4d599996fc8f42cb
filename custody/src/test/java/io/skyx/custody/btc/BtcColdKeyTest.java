package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.testing.Regtest;
import java.time.Instant;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.wallet.DeterministicSeed;
import org.junit.jupiter.api.Test;

/**
 * The cold account key is refused when it belongs to the hot wallet (derives from the hot seed), before the hot
 * wallet watches anything; an outside account key is taken. No chain: the hot wallet is never started.
 */
class BtcColdKeyTest {

    private static final Instant BIRTH = Instant.parse("2020-01-01T00:00:00Z");
    private static final String COLD_WORDS = "legal winner thank year wave sausage worth useful legal winner thank yellow";

    private final BtcWallet hot = new BtcWallet(BitcoinNetwork.REGTEST, Regtest.MNEMONIC, "", BIRTH, List.of(), null);

    private static DeterministicKey master(String words) {
        return HDKeyDerivation.createMasterPrivateKey(DeterministicSeed.ofMnemonic(words, "", BIRTH).getSeedBytes());
    }

    @SuppressWarnings("deprecation") // the vpub (BIP84 header) form an operator copies from a wallet
    private static String xpub(DeterministicKey master, int purpose, int coin, int account) {
        DeterministicKey k = master;
        for (ChildNumber c : List.of(new ChildNumber(purpose, true), new ChildNumber(coin, true),
                new ChildNumber(account, true))) {
            k = HDKeyDerivation.deriveChildKey(k, c);
        }
        return k.serializePubB58(BitcoinNetwork.REGTEST, ScriptType.P2WPKH);
    }

    @Test
    @SuppressWarnings("deprecation") // the master key's plain tpub
    void aKeyOfTheHotSeedIsRefusedWithAClearError() {
        DeterministicKey hotMaster = master(Regtest.MNEMONIC);
        List<String> hotKeys = List.of(xpub(hotMaster, 84, 1, 0), xpub(hotMaster, 84, 1, 7), xpub(hotMaster, 44, 1, 0),
                xpub(hotMaster, 84, 0, 0), hotMaster.serializePubB58(BitcoinNetwork.REGTEST));
        String before = hot.depositAddress(0);
        for (String key : hotKeys) {
            assertThatThrownBy(() -> new BtcColdWallet(hot, key, BIRTH)).as(key)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to the hot wallet");
        }
        assertThat(hot.depositAddress(0)).isEqualTo(before);
        assertThat(hot.walletBalance()).isZero();
    }

    @SuppressWarnings("deprecation") // the tpub of a chain key, as a wallet exports it
    private static String chainKey(DeterministicKey master, int purpose, int coin, int account, int chain) {
        DeterministicKey k = master;
        for (ChildNumber c : List.of(new ChildNumber(purpose, true), new ChildNumber(coin, true),
                new ChildNumber(account, true), new ChildNumber(chain, false))) {
            k = HDKeyDerivation.deriveChildKey(k, c);
        }
        return k.serializePubB58(BitcoinNetwork.REGTEST);
    }

    @Test
    void aChainKeyUnderAnAccountOfTheHotSeedIsRefused() {
        DeterministicKey hotMaster = master(Regtest.MNEMONIC);
        List<String> chainKeys = List.of(chainKey(hotMaster, 84, 1, 0, 0), chainKey(hotMaster, 84, 1, 0, 1),
                chainKey(hotMaster, 44, 1, 3, 0), chainKey(hotMaster, 49, 0, 0, 1), chainKey(hotMaster, 86, 1, 0, 0),
                chainKey(hotMaster, 84, 1, BtcWallet.ACCOUNTS_SEARCHED - 1, 1));
        String before = hot.depositAddress(0);
        for (String key : chainKeys) {
            assertThatThrownBy(() -> new BtcColdWallet(hot, key, BIRTH)).as(key)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to the hot wallet");
        }
        assertThat(hot.depositAddress(0)).isEqualTo(before);
        DeterministicKey cold = master(COLD_WORDS);
        assertThat(new BtcColdWallet(hot, chainKey(cold, 84, 1, 0, 0), BIRTH).address(0)).startsWith("bcrt1q")
                .as("a chain key of another seed is taken").isNotEqualTo(hot.depositAddress(0));
    }

    @Test
    void anOutsideAccountKeyIsTaken() {
        DeterministicKey cold = master(COLD_WORDS);
        BtcColdWallet wallet = new BtcColdWallet(hot, xpub(cold, 84, 1, 0), BIRTH);
        assertThat(wallet.address(0)).startsWith("bcrt1q").isNotEqualTo(hot.depositAddress(0));
        assertThat(hot.derivesFromSeed(HDKeyDerivation.deriveChildKey(cold, new ChildNumber(84, true)))).isFalse();
    }
}
