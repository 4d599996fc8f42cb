package io.skyx.node.daemon;

import io.skyx.node.coin.SignedBlock;
import io.skyx.node.service.ChainGenerator;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blacklist with expiry and GETP/GIVP peer exchange, with real nodes on loopback. Misbehaving peers connect from
 * other loopback source addresses (127.0.0.x) than the well-behaved nodes (127.0.0.1).
 */
class PeerBookTest {
    private static final Duration TICK = Duration.ofMillis(200);

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static SkycoinNode follower(Path dir, ChainGenerator gen, boolean withChain, List<InetSocketAddress> peers,
                                        boolean pex, Duration blacklist) throws Exception {
        SkycoinNode n = SkycoinNode.open(NodeConfig.follower(dir, gen.params(), new InetSocketAddress("127.0.0.1", 0),
                peers).withFastTimers(TICK).withPeerExchange(pex, blacklist));
        if (withChain) {
            for (SignedBlock b : gen.blocks().subList(1, gen.blocks().size())) {
                assertThat(n.applyBlock(b).ok()).isTrue();
            }
        }
        n.start();
        return n;
    }

    private static ChainGenerator chain(String seed, int blocks) {
        ChainGenerator gen = new ChainGenerator(seed);
        for (int i = 0; i < blocks; i++) {
            gen.nextBlock(1);
        }
        return gen;
    }

    private static int port(SkycoinNode n) {
        return n.daemon().orElseThrow().port();
    }

    private static InetSocketAddress at(SkycoinNode n) {
        return new InetSocketAddress("127.0.0.1", port(n));
    }

    private static void misbehave(int port, String ip) throws Exception {
        try (RoguePeer p = new RoguePeer(port, ip)) {
            p.await(Message.Introduction.class);
            p.sendRaw(new byte[] {8, 0, 0, 0, 'H', 'A', 'C', 'K', 0, 0, 0, 0});
            assertThat(p.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.UNKNOWN_MESSAGE.code());
        }
    }

    private static int refusalCode(int port, String ip) throws Exception {
        try (RoguePeer p = new RoguePeer(port, ip)) {
            Message first = p.next().orElseThrow();
            return first instanceof Message.Disconnect d ? d.reasonCode() : -1;
        }
    }

    @Test
    void aMisbehavingPeerStaysOutUntilExpiryWhileARealNodeSyncs(@TempDir Path dir) throws Exception {
        ChainGenerator gen = chain("blacklist-expiry", 6);
        try (SkycoinNode a = follower(dir.resolve("a"), gen, true, List.of(), true, Duration.ofSeconds(3))) {
            misbehave(port(a), "127.0.0.9");
            long blacklistedAt = System.nanoTime();
            assertThat(refusalCode(port(a), "127.0.0.9")).isEqualTo(DisconnectReason.BLACKLISTED.code());
            try (SkycoinNode b = follower(dir.resolve("b"), gen, false, List.of(at(a)), true, Duration.ofHours(1))) {
                await("a real node syncs from the node meanwhile", () -> b.head().seq() == 6);
                assertThat(b.storedHead().uxHash()).isEqualTo(a.storedHead().uxHash());
            }
            if (System.nanoTime() - blacklistedAt < Duration.ofMillis(2500).toNanos()) {
                assertThat(refusalCode(port(a), "127.0.0.9")).as("still within the 3 s")
                        .isEqualTo(DisconnectReason.BLACKLISTED.code());
            }
            await("the blacklist expires", () -> System.nanoTime() - blacklistedAt > Duration.ofSeconds(3).toNanos());
            try (RoguePeer back = new RoguePeer(port(a), "127.0.0.9")) {
                assertThat(back.await(Message.Introduction.class)).isNotNull();
            }
        }
    }

    @Test
    void theBlacklistAndThePeerListSurviveARestart(@TempDir Path dir) throws Exception {
        ChainGenerator gen = chain("blacklist-restart", 2);
        Path aDir = dir.resolve("a");
        Path bDir = dir.resolve("b");
        InetSocketAddress aAt;
        try (SkycoinNode a = follower(aDir, gen, true, List.of(), true, Duration.ofHours(1))) {
            aAt = at(a);
            misbehave(port(a), "127.0.0.10");
            try (SkycoinNode b = follower(bDir, gen, false, List.of(aAt), true, Duration.ofHours(1))) {
                await("b synced", () -> b.head().seq() == 2);
            }
        }
        String aFile = Files.readString(aDir.resolve("peers.json"), StandardCharsets.UTF_8);
        assertThat(aFile).contains("\"127.0.0.10\"");
        assertThat(Files.readString(bDir.resolve("peers.json"), StandardCharsets.UTF_8))
                .contains("\"127.0.0.1:" + aAt.getPort() + "\"");
        try (SkycoinNode a = SkycoinNode.open(NodeConfig.follower(aDir, gen.params(), aAt, List.of())
                .withFastTimers(TICK))) {
            a.start();
            assertThat(refusalCode(port(a), "127.0.0.10")).isEqualTo(DisconnectReason.BLACKLISTED.code());
            try (SkycoinNode b = follower(bDir, gen, false, List.of(), true, Duration.ofHours(1))) {
                await("b, with no configured peer, dials the one in its reloaded list", () -> b.status().peers() == 1);
                assertThat(b.daemon().orElseThrow().peers().getFirst().address()).isEqualTo("127.0.0.1:" + aAt.getPort());
            }
        }
    }

    @Test
    void peersLearnedByExchangeAreDialed(@TempDir Path dir) throws Exception {
        ChainGenerator gen = chain("pex-dial", 2);
        try (SkycoinNode a = follower(dir.resolve("a"), gen, true, List.of(), true, Duration.ofHours(1));
             SkycoinNode c = follower(dir.resolve("c"), gen, false, List.of(at(a)), true, Duration.ofHours(1))) {
            await("c introduced to a", () -> a.status().peers() == 1 && c.status().peers() == 1);
            try (SkycoinNode b = follower(dir.resolve("b"), gen, false, List.of(at(a)), true, Duration.ofHours(1))) {
                await("b and c learn each other from a's GIVP and connect", () -> c.status().peers() == 2
                        && b.status().peers() == 2);
                List<Integer> bPeers = new ArrayList<>();
                b.daemon().orElseThrow().peers().forEach(x -> bPeers.add(x.listenPort()));
                assertThat(bPeers).as("listen ports of b's peers, whichever side dialed")
                        .containsExactlyInAnyOrder(port(a), port(c));
            }
        }
    }

    @Test
    void exchangeAnswersGetPeersOnlyWhenSwitchedOn(@TempDir Path dir) throws Exception {
        // both nodes know the rogue as 127.0.0.1:7777 (its INTR listen port); only "on" tells, and asks, about peers
        ChainGenerator gen = chain("pex-switch", 1);
        try (SkycoinNode on = follower(dir.resolve("on"), gen, true, List.of(), true, Duration.ofHours(1));
             SkycoinNode off = follower(dir.resolve("off"), gen, true, List.of(), false, Duration.ofHours(1))) {
            List<Message> fromOn = exchange(port(on), gen);
            Message.GivePeers given = fromOn.stream().filter(m -> m instanceof Message.GivePeers)
                    .map(m -> (Message.GivePeers) m).findFirst().orElseThrow();
            assertThat(given.peers()).contains(new PeerAddress(0x7F000001L, 7777));
            assertThat(fromOn).anyMatch(m -> m instanceof Message.GetPeers);
            List<Message> fromOff = exchange(port(off), gen);
            assertThat(fromOff).noneMatch(m -> m instanceof Message.GivePeers || m instanceof Message.GetPeers);
        }
    }

    /** Introduces itself, asks for peers, then pings; returns what the node sent up to the PONG. */
    private static List<Message> exchange(int port, ChainGenerator gen) throws IOException, PeerError {
        List<Message> got = new ArrayList<>();
        try (RoguePeer p = new RoguePeer(port)) {
            p.await(Message.Introduction.class);
            p.send(RoguePeer.introduction(gen.params()));
            Message m;
            do {
                m = p.next().orElseThrow();
                got.add(m);
            } while (!(m instanceof Message.GetBlocks));
            p.send(new Message.GetPeers());
            p.send(new Message.Ping());
            do {
                m = p.next().orElseThrow();
                got.add(m);
            } while (!(m instanceof Message.Pong));
        }
        return got;
    }
}
