package io.skyx.node.service;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.UxOut;
import io.skyx.node.pool.UnconfirmedPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher and a follower on loopback sync over the real wire protocol; a transaction injected at the
 * follower is relayed to the publisher, put in a block, and the block comes back to the follower.
 */
class PublisherFollowerSyncTest {
    private static final Duration TICK = Duration.ofMillis(200);

    static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void followerSyncsAndItsInjectedTransactionEndsUpInABlock(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("sync-test");
        for (int i = 0; i < 45; i++) {
            gen.nextBlock(3);
        }
        NodeConfig pubCfg = NodeConfig.publisher(dir.resolve("publisher"), gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of()).withFastTimers(TICK)
                .withBlockInterval(Duration.ofMillis(300));
        try (SkycoinNode publisher = SkycoinNode.open(pubCfg)) {
            for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
                assertThat(publisher.applyBlock(b).ok()).isTrue();
            }
            publisher.start();
            int port = publisher.daemon().orElseThrow().port();
            NodeConfig folCfg = NodeConfig.follower(dir.resolve("follower"), gen.params(),
                    new InetSocketAddress("127.0.0.1", 0), List.of(new InetSocketAddress("127.0.0.1", port)))
                    .withFastTimers(TICK);
            try (SkycoinNode follower = SkycoinNode.open(folCfg)) {
                follower.start();
                await("follower sync", Duration.ofSeconds(60), () -> follower.head().seq() == 45);
                assertThat(follower.storedHead().block().hash()).isEqualTo(publisher.storedHead().block().hash());
                assertThat(follower.storedHead().uxHash()).isEqualTo(publisher.storedHead().uxHash());
                await("both introduced", Duration.ofSeconds(30), () -> follower.status().peers() == 1
                        && publisher.status().peers() == 1);

                UxOut coin = gen.takeSpendable();
                Transaction t = gen.split(coin, gen.headTime());
                SHA256 txid = t.txid();
                assertThat(follower.inject(t, false).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
                await("transaction confirmed at the follower", Duration.ofSeconds(60),
                        () -> follower.store().transaction(txid).isPresent());
                long seq = follower.store().transaction(txid).orElseThrow().blockSeq();
                assertThat(seq).isEqualTo(46);
                assertThat(publisher.store().transaction(txid)).isPresent();
                assertThat(follower.pool().contains(txid)).isFalse();
                assertThat(follower.store().output(coin.id()).orElseThrow().spent()).isTrue();
                assertThat(follower.storedHead().uxHash()).isEqualTo(publisher.storedHead().uxHash());
                assertThat(follower.status().highestSeq()).isEqualTo(46);
            }
        }
    }

    @Test
    void theSameTransactionTwiceOrADoubleSpendIsNotPooled(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("pool-test");
        gen.nextBlock(1);
        NodeConfig cfg = NodeConfig.follower(dir, gen.params(), new InetSocketAddress("127.0.0.1", 0), List.of());
        try (SkycoinNode node = SkycoinNode.open(cfg)) {
            assertThat(node.applyBlock(gen.blocks().get(1)).ok()).isTrue();
            UxOut coin = gen.takeSpendable();
            Transaction t = gen.split(coin, gen.headTime());
            assertThat(node.inject(t, true).admission()).isEqualTo(UnconfirmedPool.Admission.ADDED);
            assertThat(node.inject(t, true).admission()).isEqualTo(UnconfirmedPool.Admission.ALREADY_KNOWN);
            Transaction other = gen.split(coin, gen.headTime() + 1);
            UnconfirmedPool.Offer o = node.inject(other, true);
            assertThat(o.admission()).isEqualTo(UnconfirmedPool.Admission.REJECTED);
            assertThat(node.pool().size()).isEqualTo(1);
            assertThat(node.createBlock()).isEmpty();
        }
    }
}
