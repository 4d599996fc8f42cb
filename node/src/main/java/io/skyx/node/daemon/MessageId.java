package io.skyx.node.daemon;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The 4-byte ASCII message IDs of the daemon protocol. */
public enum MessageId {
    INTR, GETP, GIVP, PING, PONG, GETB, GIVB, ANNB, GETT, GIVT, ANNT, DISC;

    private final byte[] wire = name().getBytes(StandardCharsets.US_ASCII);

    /** @return the 4 ID bytes as written on the wire */
    byte[] wire() {
        return wire.clone();
    }

    /** @return the ID written in {@code bytes[off..off+4)}, if it is a known one */
    static Optional<MessageId> fromWire(byte[] bytes, int off) {
        for (MessageId id : values()) {
            if (id.wire[0] == bytes[off] && id.wire[1] == bytes[off + 1] && id.wire[2] == bytes[off + 2]
                    && id.wire[3] == bytes[off + 3]) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
