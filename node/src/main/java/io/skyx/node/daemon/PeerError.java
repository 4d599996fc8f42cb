package io.skyx.node.daemon;

import java.util.Objects;

/**
 * A peer broke the protocol: the connection is closed with {@link #reason()} sent in a DISC message. Carries no
 * stack trace, since bad input from the network is an expected outcome.
 */
final class PeerError extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient DisconnectReason reason;

    PeerError(DisconnectReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, null, false, false);
        this.reason = reason;
    }

    DisconnectReason reason() {
        return reason;
    }
}
