package io.skyx.node.service;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.UxOut;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.store.ChainStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unconfirmed transactions survive a restart with their receive times; one whose input a block spent while the
 * node was down is dropped on reopen, and the persisted pool forgets it.
 */
class UnconfirmedSurvivesRestartTest {
    @Test
    void pendingTransactionsComeBackAndInvalidOnesAreDropped(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("pool-restart");
        gen.nextBlock(2);
        NodeConfig cfg = NodeConfig.publisher(dir, gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of());
        UxOut coinA = gen.takeSpendable();
        UxOut coinB = gen.takeSpendable();
        Transaction a = gen.split(coinA, gen.headTime());
        Transaction b = gen.split(coinB, gen.headTime());
        Instant receivedA;
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            for (SignedBlock blk : gen.blocks().subList(1, gen.blocks().size())) {
                assertThat(node.applyBlock(blk).ok()).isTrue();
            }
            assertThat(node.inject(a, true).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
            assertThat(node.inject(b, true).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
            receivedA = node.pool().get(a.txid()).orElseThrow().received();
        }
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            assertThat(node.pool().size()).isEqualTo(2);
            assertThat(node.pool().get(a.txid()).orElseThrow().received()).isEqualTo(receivedA.truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS));
            assertThat(node.pool().contains(b.txid())).isTrue();
        }
        Transaction conflicting = gen.split(coinA, gen.headTime());
        assertThat(conflicting.txid()).isNotEqualTo(a.txid());
        SignedBlock spendsA = gen.blockWith(List.of(conflicting));
        try (ChainStore store = ChainStore.open(dir)) {
            store.append(spendsA);
        }
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            assertThat(node.head().seq()).isEqualTo(2);
            assertThat(node.pool().contains(a.txid())).isFalse();
            assertThat(node.pool().contains(b.txid())).isTrue();
            assertThat(node.store().loadUnconfirmed()).extracting(u -> u.transaction().txid())
                    .containsExactly(b.txid());
        }
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            assertThat(node.createBlock()).isPresent();
            assertThat(node.pool().size()).isZero();
            assertThat(node.store().loadUnconfirmed()).isEmpty();
        }
    }
}
