package io.skyx.node.service;

import io.skyx.node.coin.SignedBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follower syncing 130 blocks with a fast block-request tick gets them as one chain of full batches: the tick
 * does not start a second, overlapping chain of replies (which showed as batches alternating between 20 and a few
 * blocks), and every block is applied once, in order.
 */
class SyncBatchesTest {
    private static final Pattern SYNC = Pattern.compile("sync: head (\\d+) -> (\\d+) ");

    @Test
    void aFollowerGetsFullBatchesInOneChain(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator("sync-batches");
        for (int i = 0; i < 130; i++) {
            gen.nextBlock(2);
        }
        List<long[]> batches = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                Matcher m = SYNC.matcher(String.valueOf(r.getMessage()));
                if (m.find()) {
                    batches.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger daemonLog = Logger.getLogger("io.skyx.node.daemon.BlockSync");
        daemonLog.addHandler(capture);
        Duration tick = Duration.ofMillis(50);
        try (SkycoinNode publisher = SkycoinNode.open(NodeConfig.publisher(dir.resolve("publisher"), gen.params(),
                gen.publisherKey(), new InetSocketAddress("127.0.0.1", 0), List.of()).withFastTimers(tick))) {
            for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
                assertThat(publisher.applyBlock(b).ok()).isTrue();
            }
            publisher.start();
            int port = publisher.daemon().orElseThrow().port();
            try (SkycoinNode follower = SkycoinNode.open(NodeConfig.follower(dir.resolve("follower"), gen.params(),
                    new InetSocketAddress("127.0.0.1", 0), List.of(new InetSocketAddress("127.0.0.1", port)))
                    .withFastTimers(tick))) {
                follower.start();
                PublisherFollowerSyncTest.await("follower sync", Duration.ofSeconds(120),
                        () -> follower.head().seq() == 130);
                assertThat(follower.storedHead().uxHash()).isEqualTo(publisher.storedHead().uxHash());
            }
        } finally {
            daemonLog.removeHandler(capture);
        }
        assertThat(batches).extracting(b -> b[1] - b[0]).containsExactly(20L, 20L, 20L, 20L, 20L, 20L, 10L);
        for (int i = 1; i < batches.size(); i++) {
            assertThat(batches.get(i)[0]).isEqualTo(batches.get(i - 1)[1]);
        }
    }
}
