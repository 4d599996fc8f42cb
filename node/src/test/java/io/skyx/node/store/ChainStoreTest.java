package io.skyx.node.store;

import io.skyx.node.cipher.Address;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.UxOut;
import io.skyx.node.service.ChainGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Blocks, outputs and indexes of the RocksDB chain store, and its refusal of blocks that do not extend it. */
class ChainStoreTest {

    @Test
    void storesBlocksOutputsAndIndexesAcrossReopen(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("store-test");
        for (int i = 0; i < 5; i++) {
            gen.nextBlock(2);
        }
        List<SignedBlock> blocks = gen.blocks();
        try (ChainStore s = ChainStore.open(dir)) {
            assertThat(s.head()).isEmpty();
            for (SignedBlock b : blocks) {
                s.append(b);
            }
            check(s, blocks);
        }
        try (ChainStore s = ChainStore.open(dir)) {
            check(s, blocks);
        }
    }

    private static void check(ChainStore s, List<SignedBlock> blocks) {
        SignedBlock last = blocks.getLast();
        assertThat(s.head().orElseThrow().block().hash()).isEqualTo(last.hash());
        assertThat(s.blockByHash(blocks.get(2).hash()).orElseThrow().header().seq()).isEqualTo(2);
        assertThat(s.blockBySeq(blocks.size())).isEmpty();
        Transaction t = blocks.get(3).block().body().transactions().get(1);
        assertThat(s.transaction(t.txid())).contains(new TxLocation(3, 1));
        SignedBlock genesis = blocks.getFirst();
        UxOut genesisOut = ChainStore.createdOutputs(genesis, genesis.block().body().transactions().getFirst()).getFirst();
        StoredOutput spent = s.output(genesisOut.id()).orElseThrow();
        assertThat(spent.spent()).isTrue();
        assertThat(spent.spentSeq()).contains(1L);
        assertThat(s.unspent(genesisOut.id())).isEmpty();
        List<UxOut> all = s.allUnspents();
        assertThat(all).hasSize((int) s.head().orElseThrow().unspentCount());
        byte[] xor = new byte[32];
        for (UxOut u : all) {
            byte[] h = u.snapshotHash().bytes();
            for (int i = 0; i < 32; i++) {
                xor[i] ^= h[i];
            }
            assertThat(s.unspent(u.id())).contains(u);
        }
        assertThat(s.head().orElseThrow().uxHash().bytes()).isEqualTo(xor);
        Address genesisAddress = genesisOut.body().address();
        assertThat(s.outputsOf(genesisAddress)).extracting(o -> o.out().id()).contains(genesisOut.id());
        assertThat(s.addressCount()).isPositive();
    }

    @Test
    void refusesBlocksThatDoNotExtendTheHeadAndChangesNothing(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("store-refusal");
        gen.nextBlock(1);
        gen.nextBlock(1);
        List<SignedBlock> blocks = gen.blocks();
        try (ChainStore s = ChainStore.open(dir)) {
            assertThatThrownBy(() -> s.append(blocks.get(1))).isInstanceOf(StoreException.class);
            assertThat(s.head()).isEmpty();
            s.append(blocks.get(0));
            assertThatThrownBy(() -> s.append(blocks.get(2))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not extend");
            assertThatThrownBy(() -> s.append(blocks.get(0))).isInstanceOf(StoreException.class);
            assertThat(s.head().orElseThrow().seq()).isZero();
            assertThat(s.blockBySeq(2)).isEmpty();
        }
    }

    @Test
    void aClosedStoreRefusesUseInsteadOfTouchingFreedNativeHandles(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("store-closed");
        ChainStore s = ChainStore.open(dir);
        s.append(gen.blocks().getFirst());
        s.close();
        s.close();
        assertThatThrownBy(() -> s.blockBySeq(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(s::allUnspents).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void severalBlocksInOneWriteEqualOneWriteEachAndAreAllOrNothing(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("store-group");
        for (int i = 0; i < 6; i++) {
            gen.nextBlock(3);
        }
        List<SignedBlock> blocks = gen.blocks();
        try (ChainStore one = ChainStore.open(dir.resolve("one")); ChainStore grouped = ChainStore.open(dir.resolve("g"))) {
            for (SignedBlock b : blocks) {
                one.append(b);
            }
            grouped.append(blocks.subList(0, 1));
            grouped.append(blocks.subList(1, 5));
            List<SignedBlock> brokenGroup = List.of(blocks.get(5), blocks.get(5));
            assertThatThrownBy(() -> grouped.append(brokenGroup)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not extend");
            assertThat(grouped.head().orElseThrow().seq()).isEqualTo(4);
            assertThat(grouped.blockBySeq(5)).isEmpty();
            grouped.append(blocks.subList(5, blocks.size()));
            check(grouped, blocks);
            assertThat(grouped.head()).isEqualTo(one.head());
            assertThat(grouped.allUnspents()).containsExactlyInAnyOrderElementsOf(one.allUnspents());
        }
        try (ChainStore reopened = ChainStore.open(dir.resolve("g"))) {
            check(reopened, blocks);
        }
    }
}
