package io.skyx.node.daemon;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** gnet framing and its limits: every malformed frame maps to Skycoin's disconnect reason. */
class FramesTest {

    private static byte[] frame(String id, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN).putInt(4 + body.length)
                .put(id.getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    private static Optional<Message> read(byte[] bytes, int max) throws Exception {
        return Frames.read(new DataInputStream(new ByteArrayInputStream(bytes)), max);
    }

    private static DisconnectReason reasonFor(byte[] bytes) {
        try {
            read(bytes, Frames.MAX_INCOMING);
        } catch (PeerError e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("frame was accepted");
    }

    @Test
    void pingFrameMatchesSkycoin() throws Exception {
        assertThat(HexFormat.of().formatHex(Frames.encode(new Message.Ping()))).isEqualTo("0400000050494e47");
        assertThat(read(HexFormat.of().parseHex("0400000050494e47"), 1024)).contains(new Message.Ping());
    }

    @Test
    void framesRoundTrip() throws Exception {
        List<Message> all = List.of(new Message.GetPeers(), new Message.Pong(), new Message.GetBlocks(7, 20),
                new Message.AnnounceBlocks(99), new Message.GivePeers(List.of(new PeerAddress(0x7F000001L, 6000))),
                new Message.Disconnect(DisconnectReason.IDLE), new Message.Introduction(1, 2, 2, new byte[] {1, 2}));
        for (Message m : all) {
            assertThat(read(Frames.encode(m), 1024)).contains(m);
        }
    }

    @Test
    void cleanEndOfStreamIsEmpty() throws Exception {
        assertThat(read(new byte[0], 1024)).isEmpty();
    }

    @Test
    void oversizeFrameIsRefusedBeforeReadingIt() {
        byte[] header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(Frames.MAX_INCOMING + 1)
                .put("GIVB".getBytes(StandardCharsets.US_ASCII)).array();
        assertThat(reasonFor(header)).isEqualTo(DisconnectReason.INVALID_MESSAGE_LENGTH);
        assertThatThrownBy(() -> read(frame("PING", new byte[100]), 50))
                .isInstanceOfSatisfying(PeerError.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.INVALID_MESSAGE_LENGTH));
    }

    @Test
    void lengthBelowFourIsATruncatedId() {
        byte[] bytes = {2, 0, 0, 0, 'P', 'I'};
        assertThat(reasonFor(bytes)).isEqualTo(DisconnectReason.TRUNCATED_MESSAGE_ID);
    }

    @Test
    void unknownMessageId() {
        assertThat(reasonFor(frame("XXXX", new byte[0]))).isEqualTo(DisconnectReason.UNKNOWN_MESSAGE);
        assertThat(reasonFor(frame("ping", new byte[0]))).isEqualTo(DisconnectReason.UNKNOWN_MESSAGE);
    }

    @Test
    void leftoverBodyBytesAreAnUnderflow() {
        assertThat(reasonFor(frame("PING", new byte[] {0}))).isEqualTo(DisconnectReason.MESSAGE_DECODE_UNDERFLOW);
        assertThat(reasonFor(frame("ANNB", new byte[9]))).isEqualTo(DisconnectReason.MESSAGE_DECODE_UNDERFLOW);
    }

    @Test
    void malformedBodies() {
        assertThat(reasonFor(frame("ANNB", new byte[7]))).isEqualTo(DisconnectReason.MALFORMED_MESSAGE);
        byte[] hugeCount = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(3).array();
        assertThat(reasonFor(frame("GIVB", hugeCount))).isEqualTo(DisconnectReason.MALFORMED_MESSAGE);
        byte[] tooManyTxids = ByteBuffer.allocate(4 + 257 * 32).order(ByteOrder.LITTLE_ENDIAN).putInt(257).array();
        assertThat(reasonFor(frame("ANNT", tooManyTxids))).isEqualTo(DisconnectReason.MALFORMED_MESSAGE);
        byte[] tooManyPeers = ByteBuffer.allocate(4 + 513 * 6).order(ByteOrder.LITTLE_ENDIAN).putInt(513).array();
        assertThat(reasonFor(frame("GIVP", tooManyPeers))).isEqualTo(DisconnectReason.MALFORMED_MESSAGE);
    }

    @Test
    void truncatedFrameIsAReadFailure() {
        byte[] full = Frames.encode(new Message.GetBlocks(1, 2));
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 3);
        assertThat(reasonFor(cut)).isEqualTo(DisconnectReason.READ_FAILED);
    }

    @Test
    void disconnectCodesAreSkycoins() {
        assertThat(DisconnectReason.BLOCKCHAIN_PUBKEY_MISMATCH.code()).isEqualTo(11);
        assertThat(DisconnectReason.UNKNOWN_MESSAGE.code()).isEqualTo(1004);
        assertThat(DisconnectReason.fromCode(1006)).contains(DisconnectReason.MESSAGE_DECODE_UNDERFLOW);
        assertThat(DisconnectReason.fromCode(999)).isEmpty();
    }
}
