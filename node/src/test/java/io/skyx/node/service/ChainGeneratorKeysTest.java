package io.skyx.node.service;

import io.skyx.node.cipher.Address;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.TransactionOutput;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wallet-key count of {@link ChainGenerator}: the default is the 16 keys the tests and the bench were built on,
 * outputs rotate over exactly the keys asked for, and a count below one is refused with the reason.
 */
class ChainGeneratorKeysTest {

    @Test
    void defaultIsSixteenKeysAndTheSameChain() {
        assertThat(new ChainGenerator("keys-default").nextBlock(3).hash())
                .isEqualTo(new ChainGenerator("keys-default", ChainGenerator.DEFAULT_WALLET_KEYS).nextBlock(3)
                        .hash());
        assertThat(ChainGenerator.DEFAULT_WALLET_KEYS).isEqualTo(16);
    }

    @Test
    void outputsRotateOverTheKeysAskedFor() {
        ChainGenerator gen = new ChainGenerator("keys-many", 1000);
        Set<Address> owners = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            SignedBlock b = gen.nextBlock(10);
            b.block().body().transactions().forEach(t -> t.outputs().stream().map(TransactionOutput::address)
                    .forEach(owners::add));
        }
        assertThat(owners).hasSizeGreaterThan(16).hasSizeLessThanOrEqualTo(1000);
    }

    @Test
    void fewerThanOneKeyIsRefused() {
        assertThatThrownBy(() -> new ChainGenerator("keys-none", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one wallet key");
    }
}
