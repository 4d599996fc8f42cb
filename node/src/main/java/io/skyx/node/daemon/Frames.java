package io.skyx.node.daemon;

import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

/**
 * gnet framing: {@code u32 LE L = 4 + len(body)}, then the 4-byte message ID, then the body. Frames above
 * {@link #MAX_INCOMING} are refused; this node never sends more than {@link #MAX_OUTGOING}.
 */
final class Frames {
    /** Skycoin's MaxIncomingMessageLength. */
    static final int MAX_INCOMING = 1024 * 1024;
    /** Skycoin's MaxOutgoingMessageLength. */
    static final int MAX_OUTGOING = 256 * 1024;

    private Frames() {
    }

    /** @return the whole frame (length, ID, body) for {@code m} */
    static byte[] encode(Message m) {
        int bodySize = MessageCodec.size(m);
        Encoder e = new Encoder(8 + bodySize);
        e.u32(4L + bodySize).fixed(m.id().wire());
        MessageCodec.encode(m, e);
        return e.toByteArray();
    }

    /**
     * Reads one frame and decodes its message.
     *
     * @return the message, or empty at a clean end of stream before a frame starts
     * @throws PeerError   when the frame or body breaks the protocol (with the DISC reason to send)
     * @throws IOException when the connection fails mid-frame
     */
    static Optional<Message> read(DataInputStream in, int maxIncoming) throws IOException, PeerError {
        int b0 = in.read();
        if (b0 < 0) {
            return Optional.empty();
        }
        byte[] lenBytes = new byte[4];
        lenBytes[0] = (byte) b0;
        in.readFully(lenBytes, 1, 3);
        long length = Integer.toUnsignedLong((lenBytes[0] & 0xFF) | (lenBytes[1] & 0xFF) << 8
                | (lenBytes[2] & 0xFF) << 16 | (lenBytes[3] & 0xFF) << 24);
        if (length < 4) {
            throw new PeerError(DisconnectReason.TRUNCATED_MESSAGE_ID, "frame length " + length + " < 4");
        }
        if (length > maxIncoming) {
            throw new PeerError(DisconnectReason.INVALID_MESSAGE_LENGTH, "frame length " + length + " > " + maxIncoming);
        }
        byte[] frame = new byte[(int) length];
        try {
            in.readFully(frame);
        } catch (EOFException e) {
            throw new PeerError(DisconnectReason.READ_FAILED, "connection closed mid-frame");
        }
        return Optional.of(decodeFrameBody(frame));
    }

    /** Decodes {@code ID ‖ body} (the frame without its length prefix). */
    static Message decodeFrameBody(byte[] frame) throws PeerError {
        if (frame.length < 4) {
            throw new PeerError(DisconnectReason.TRUNCATED_MESSAGE_ID, "frame shorter than a message ID");
        }
        MessageId id = MessageId.fromWire(frame, 0)
                .orElseThrow(() -> new PeerError(DisconnectReason.UNKNOWN_MESSAGE, "unknown message ID"));
        Decoder d = new Decoder(frame, 4, frame.length - 4);
        Message m;
        try {
            m = MessageCodec.decode(id, d);
        } catch (DecodeException e) {
            throw new PeerError(DisconnectReason.MALFORMED_MESSAGE, id + " " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new PeerError(DisconnectReason.MALFORMED_MESSAGE, id + " " + e.getMessage());
        }
        if (d.hasRemaining()) {
            throw new PeerError(DisconnectReason.MESSAGE_DECODE_UNDERFLOW,
                    id + " body has " + d.remaining() + " unread byte(s)");
        }
        return m;
    }
}
