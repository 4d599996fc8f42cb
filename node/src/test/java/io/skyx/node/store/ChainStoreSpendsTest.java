package io.skyx.node.store;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Block;
import io.skyx.node.coin.BlockBody;
import io.skyx.node.coin.BlockHeader;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.UxOut;
import io.skyx.node.service.ChainGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store spends outputs created by its latest appends without reading them back from RocksDB; it must still
 * refuse a block that spends an output already spent, whether that output was spent in this session (by a
 * block appended just before) or before a reopen, and a refused block changes nothing.
 */
class ChainStoreSpendsTest {

    @Test
    void anOutputSpentByAnEarlierAppendIsNotUnspentAgain(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("store-spends");
        gen.nextBlock(1);
        gen.nextBlock(1);
        List<SignedBlock> blocks = gen.blocks();
        SHA256 spentByBlock2 = blocks.get(2).block().body().transactions().getFirst().inputs().getFirst();
        try (ChainStore s = ChainStore.open(dir)) {
            s.append(blocks.get(0));
            s.append(blocks.get(1));
            // block 1 created this output: it is unspent until block 2
            assertThat(s.unspent(spentByBlock2)).isPresent();
            s.append(blocks.get(2));
            ChainStore.Head before = s.head().orElseThrow();
            assertThatThrownBy(() -> s.append(spending(before.block(), spentByBlock2)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("which is not unspent");
            assertThat(s.head()).contains(before);
            assertThat(s.blockBySeq(3)).isEmpty();
            assertThat(s.output(spentByBlock2).orElseThrow().spentSeq()).contains(2L);
        }
        try (ChainStore s = ChainStore.open(dir)) {
            ChainStore.Head head = s.head().orElseThrow();
            assertThatThrownBy(() -> s.append(spending(head.block(), spentByBlock2)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("which is not unspent");
            assertThat(s.head()).contains(head);
        }
    }

    @Test
    void aRefusedBlockLeavesItsOtherInputsUnspent(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("store-spends-refused");
        gen.nextBlock(1);
        gen.nextBlock(1);
        List<SignedBlock> blocks = gen.blocks();
        try (ChainStore s = ChainStore.open(dir)) {
            s.append(blocks.subList(0, 2));
            SHA256 alreadySpent = blocks.get(1).block().body().transactions().getFirst().inputs().getFirst();
            SHA256 unspent = blocks.get(2).block().body().transactions().getFirst().inputs().getFirst();
            ChainStore.Head head = s.head().orElseThrow();
            SignedBlock both = block(head.block(), Transaction.unsigned(List.of(unspent, alreadySpent),
                    List.of(output(s, unspent))));
            assertThatThrownBy(() -> s.append(both)).isInstanceOf(StoreException.class)
                    .hasMessageContaining(alreadySpent + " which is not unspent");
            assertThat(s.unspent(unspent)).isPresent();
            s.append(blocks.get(2));
            assertThat(s.output(unspent).orElseThrow().spentSeq()).contains(2L);
        }
    }

    /** A block on {@code parent} (not signed or checked: the store does not validate) spending {@code uxid}. */
    private static SignedBlock spending(SignedBlock parent, SHA256 uxid) {
        return block(parent, Transaction.unsigned(List.of(uxid), List.of(new TransactionOutput(
                parent.block().body().transactions().getFirst().outputs().getFirst().address(), 1, 0))));
    }

    private static TransactionOutput output(ChainStore s, SHA256 uxid) {
        UxOut u = s.output(uxid).orElseThrow().out();
        return new TransactionOutput(u.body().address(), u.body().coins(), 0);
    }

    private static SignedBlock block(SignedBlock parent, Transaction t) {
        BlockBody body = new BlockBody(List.of(t));
        BlockHeader h = parent.header();
        BlockHeader header = new BlockHeader(0, h.time() + 1, h.seq() + 1, 0, parent.hash(), body.hash(), h.uxHash());
        return new SignedBlock(new Block(header, body), parent.sig());
    }
}
