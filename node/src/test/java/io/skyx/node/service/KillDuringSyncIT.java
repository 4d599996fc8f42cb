package io.skyx.node.service;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a child JVM while it syncs a chain from a peer over loopback, then reopening its store: the reopen
 * restores the state without replay (its UxHash/count checksum passes), and head, head hash, UxHash and unspent set
 * equal those of a clean import of the same blocks; restarted, it syncs the rest from the peer.
 */
class KillDuringSyncIT {
    private static final String SEED = "kill-during-sync";
    private static final int BLOCKS = 600;

    @Test
    void killDuringSyncThenReopen(@TempDir Path dir) throws Exception {
        ChainGenerator gen = new ChainGenerator(SEED);
        for (int i = 0; i < BLOCKS; i++) {
            gen.nextBlock(2);
        }
        NodeConfig sourceCfg = NodeConfig.follower(dir.resolve("source"), gen.params(),
                new InetSocketAddress("127.0.0.1", 0), List.of()).withFastTimers(Duration.ofMillis(200));
        try (SkycoinNode source = SkycoinNode.open(sourceCfg)) {
            for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
                assertThat(source.applyBlock(b).ok()).isTrue();
            }
            source.start();
            Path data = dir.resolve("killed");
            long killedAt = syncAndKill(data, source.daemon().orElseThrow().port());

            NodeConfig killedCfg = NodeConfig.follower(data, gen.params(), new InetSocketAddress("127.0.0.1", 0),
                    List.of(new InetSocketAddress("127.0.0.1", source.daemon().orElseThrow().port())))
                    .withFastTimers(Duration.ofMillis(200));
            long head;
            SHA256 uxHash;
            SHA256 headHash;
            Set<String> unspents;
            try (SkycoinNode reopened = SkycoinNode.open(killedCfg)) {
                head = reopened.head().seq();
                headHash = reopened.storedHead().block().hash();
                uxHash = reopened.storedHead().uxHash();
                unspents = KillDuringImportIT.unspentIds(reopened.store());
                assertThat(reopened.storedHead().unspentCount()).isEqualTo(unspents.size());
            }
            System.out.println("killed after head " + killedAt + ", reopened at head " + head);
            assertThat(head).isBetween(killedAt, (long) BLOCKS - 1);

            try (SkycoinNode clean = SkycoinNode.open(NodeConfig.follower(dir.resolve("clean"), gen.params(),
                    new InetSocketAddress("127.0.0.1", 0), List.of()))) {
                for (SignedBlock b : gen.blocks().subList(1, (int) head + 1)) {
                    assertThat(clean.applyBlock(b).ok()).isTrue();
                }
                assertThat(clean.storedHead().block().hash()).isEqualTo(headHash);
                assertThat(clean.storedHead().uxHash()).isEqualTo(uxHash);
                assertThat(KillDuringImportIT.unspentIds(clean.store())).isEqualTo(unspents);
            }
            try (SkycoinNode resumed = SkycoinNode.open(killedCfg)) {
                resumed.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (resumed.head().seq() < BLOCKS) {
                    assertThat(System.nanoTime()).as("resumed sync").isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(resumed.storedHead().block().hash()).isEqualTo(source.storedHead().block().hash());
                assertThat(resumed.storedHead().uxHash()).isEqualTo(source.storedHead().uxHash());
            }
        }
    }

    /** Starts the syncing child, SIGKILLs it once it reports head 60 or more; returns the last head it reported. */
    private static long syncAndKill(Path data, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), SyncChild.class.getName(), data.toString(), SEED,
                Integer.toString(port)).redirectErrorStream(true).start();
        long killedAt = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            for (String l = out.readLine(); l != null && System.nanoTime() < deadline; l = out.readLine()) {
                if (l.startsWith("head ") && Long.parseLong(l.substring(5)) >= 60) {
                    killedAt = Long.parseLong(l.substring(5));
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(killedAt).as("child reported sync progress before the kill").isGreaterThanOrEqualTo(60);
        return killedAt;
    }
}
