package io.skyx.node.service;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.UxOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher creating blocks while transactions are offered: the pool checks each offer against the chain under
 * the pool's lock, so block creation must not hold the chain's lock while it reads the pool (that order
 * deadlocked PublisherFollowerSyncTest once, eefc4a7). Fails with the deadlocked threads if the two lock orders
 * meet again.
 */
class CreateBlockOfferRaceTest {
    private static final int OFFERS = 3000;

    @Test
    void blocksAreCreatedWhileOffersAreCheckedWithoutDeadlock(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("create-offer-race");
        for (int i = 0; i < 20; i++) {
            gen.nextBlock(4);
        }
        List<UxOut> coins = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            coins.add(gen.takeSpendable());
        }
        List<Transaction> offers = new ArrayList<>(OFFERS);
        for (int i = 0; i < OFFERS; i++) {
            offers.add(gen.split(coins.get(i % coins.size()), gen.headTime() + i));
        }
        NodeConfig cfg = NodeConfig.publisher(dir, gen.params(), gen.publisherKey(),
                new InetSocketAddress("127.0.0.1", 0), List.of());
        SkycoinNode node = SkycoinNode.open(cfg);
        boolean deadlocked = false;
        try {
            for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
                assertThat(node.applyBlock(b).ok()).isTrue();
            }
            AtomicBoolean offering = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch finished = new CountDownLatch(2);
            Thread creator = Thread.ofPlatform().daemon().name("race-create").start(() -> {
                try {
                    while (offering.get()) {
                        node.createBlock();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            });
            Thread offerer = Thread.ofPlatform().daemon().name("race-offer").start(() -> {
                try {
                    for (Transaction t : offers) {
                        node.inject(t, true);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    offering.set(false);
                    finished.countDown();
                }
            });
            for (int waited = 0; !finished.await(100, TimeUnit.MILLISECONDS); waited++) {
                deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads() != null;
                if (deadlocked) {
                    throw new AssertionError("createBlock and offer deadlocked: " + describe(creator, offerer));
                }
                if (waited == 1200) {
                    throw new AssertionError("creator or offerer did not finish in 120 s");
                }
            }
            assertThat(failure.get()).isNull();
            assertThat(node.head().seq()).as("blocks were created from the offers").isGreaterThan(20);
        } finally {
            if (!deadlocked) {
                node.close();
            }
        }
    }

    private static String describe(Thread... threads) {
        StringBuilder s = new StringBuilder();
        for (Thread t : threads) {
            s.append(t.getName()).append(' ').append(t.getState()).append(' ')
                    .append(java.util.Arrays.toString(t.getStackTrace())).append('\n');
        }
        return s.toString();
    }
}
