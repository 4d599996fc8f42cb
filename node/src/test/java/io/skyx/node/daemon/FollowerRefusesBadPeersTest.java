package io.skyx.node.daemon;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.service.ChainGenerator;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follower facing a misbehaving peer on its P2P port: it refuses a block signed by another key, disconnects
 * malformed GIVB, oversize frames, unknown messages, a wrong blockchain key and messages before INTR with
 * Skycoin's reason codes, and keeps serving blocks to the next peer. The misbehaving peers connect from other
 * loopback addresses than the well-behaved one, since misbehaviour blacklists the sender's address.
 */
class FollowerRefusesBadPeersTest {
    private static final int FRAME_LIMIT = 64 * 1024;

    @TempDir
    Path dir;
    private ChainGenerator gen;
    private SkycoinNode follower;
    private int port;

    @BeforeEach
    void start() throws Exception {
        gen = new ChainGenerator("refusal-test");
        for (int i = 0; i < 4; i++) {
            gen.nextBlock(1);
        }
        follower = SkycoinNode.open(NodeConfig.follower(dir, gen.params(), new InetSocketAddress("127.0.0.1", 0),
                List.of()).withFastTimers(Duration.ofMillis(500)).withMaxIncomingFrame(FRAME_LIMIT));
        for (SignedBlock b : gen.blocks().subList(1, 3)) {
            assertThat(follower.applyBlock(b).ok()).isTrue();
        }
        follower.start();
        port = follower.daemon().orElseThrow().port();
    }

    @AfterEach
    void stop() {
        follower.close();
    }

    private Message.Introduction intro(byte[] pubkey) {
        IntroductionExtra x = new IntroductionExtra(pubkey, 10, 32768, 3, "rogue:0.0.1",
                Optional.of(gen.params().genesisBlock().hash().bytes()));
        return new Message.Introduction(12345, 7777, 2, x.encode());
    }

    private RoguePeer introduced(String ip) throws Exception {
        RoguePeer p = new RoguePeer(port, ip);
        p.await(Message.Introduction.class);
        p.send(intro(gen.params().blockchainPubKey().bytes()));
        p.await(Message.GetBlocks.class);
        return p;
    }

    private static byte[] frame(String id, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + body.length)
                .put(id.getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    private void assertStillServing() throws Exception {
        try (RoguePeer p = introduced("127.0.0.1")) {
            p.send(new Message.GetBlocks(0, 20));
            Message.GiveBlocks blocks = p.await(Message.GiveBlocks.class);
            assertThat(blocks.blocks()).hasSize((int) follower.head().seq());
            assertThat(blocks.blocks().getFirst().header().seq()).isEqualTo(1);
            p.send(new Message.Ping());
            p.await(Message.Pong.class);
        }
    }

    @Test
    void refusesABlockSignedByAnotherKeyBlacklistsItsSenderAndAcceptsTheRealOneFromAnother() throws Exception {
        SignedBlock real = gen.blocks().get(3);
        SecKey other = SecKey.random();
        SignedBlock forged = new SignedBlock(real.block(), Cipher.signHash(real.hash(), other));
        try (RoguePeer p = introduced("127.0.0.2")) {
            p.send(new Message.GiveBlocks(List.of(forged)));
            assertThat(p.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.BLACKLISTED.code());
        }
        assertThat(follower.head().seq()).isEqualTo(2);
        try (RoguePeer again = new RoguePeer(port, "127.0.0.2")) {
            assertThat(again.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.BLACKLISTED.code());
        }
        try (RoguePeer p = introduced("127.0.0.1")) {
            p.send(new Message.GiveBlocks(List.of(real)));
            p.await(Message.AnnounceBlocks.class);
            assertThat(follower.head().seq()).isEqualTo(3);
        }
        assertStillServing();
    }

    @Test
    void malformedGiveBlocksIsDisconnected() throws Exception {
        try (RoguePeer p = introduced("127.0.0.3")) {
            byte[] body = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).array();
            p.sendRaw(frame("GIVB", body));
            assertThat(p.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.MALFORMED_MESSAGE.code());
        }
        assertThat(follower.head().seq()).isEqualTo(2);
        assertStillServing();
    }

    @Test
    void oversizeFrameIsDisconnected() throws Exception {
        try (RoguePeer p = introduced("127.0.0.4")) {
            p.sendRaw(frame("GIVT", new byte[FRAME_LIMIT]));
            assertThat(p.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.INVALID_MESSAGE_LENGTH.code());
        }
        assertStillServing();
    }

    @Test
    void unknownMessageIsDisconnected() throws Exception {
        try (RoguePeer p = introduced("127.0.0.5")) {
            p.sendRaw(frame("HACK", new byte[3]));
            assertThat(p.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.UNKNOWN_MESSAGE.code());
        }
        assertStillServing();
    }

    @Test
    void wrongChainKeyAndMessagesBeforeIntroductionAreDisconnected() throws Exception {
        try (RoguePeer p = new RoguePeer(port, "127.0.0.6")) {
            p.await(Message.Introduction.class);
            p.send(intro(SecKey.random().pubKey().bytes()));
            assertThat(p.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.BLOCKCHAIN_PUBKEY_MISMATCH.code());
        }
        try (RoguePeer p = new RoguePeer(port, "127.0.0.7")) {
            p.await(Message.Introduction.class);
            p.send(new Message.GetBlocks(0, 20));
            assertThat(p.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.NO_INTRODUCTION.code());
        }
        try (RoguePeer p = new RoguePeer(port, "127.0.0.8")) {
            p.send(new Message.Introduction(1, 1, 1, intro(gen.params().blockchainPubKey().bytes()).extra()));
            assertThat(p.awaitDisconnect().reasonCode()).isEqualTo(DisconnectReason.VERSION_NOT_SUPPORTED.code());
        }
        assertStillServing();
    }
}
