package io.skyx.node.daemon;

import java.util.Optional;

/**
 * Skycoin's disconnect reason codes (daemon/errors.go, skycoin-protocol.md §9), sent in a DISC message before a
 * peer is dropped. The numeric codes are part of the wire protocol and never change.
 */
public enum DisconnectReason {
    UNKNOWN(0),
    VERSION_NOT_SUPPORTED(1),
    INTRODUCTION_TIMEOUT(2),
    BLACKLISTED(3),
    SELF(4),
    CONNECTED_TWICE(5),
    IDLE(6),
    NO_INTRODUCTION(7),
    IP_LIMIT_REACHED(8),
    UNEXPECTED_ERROR(9),
    MAX_OUTGOING_CONNECTIONS(10),
    BLOCKCHAIN_PUBKEY_MISMATCH(11),
    INVALID_EXTRA_DATA(12),
    RECEIVED_DISCONNECT(13),
    INVALID_USER_AGENT(14),
    REQUESTED_BY_OPERATOR(15),
    PEERLIST_FULL(16),
    INVALID_BURN_FACTOR(17),
    INVALID_MAX_TRANSACTION_SIZE(18),
    INVALID_MAX_DROPLET_PRECISION(19),
    READ_FAILED(1001),
    INVALID_MESSAGE_LENGTH(1002),
    MALFORMED_MESSAGE(1003),
    UNKNOWN_MESSAGE(1004),
    SHUTDOWN(1005),
    MESSAGE_DECODE_UNDERFLOW(1006),
    TRUNCATED_MESSAGE_ID(1007);

    private final int code;

    DisconnectReason(int code) {
        this.code = code;
    }

    /** @return the u16 wire code */
    public int code() {
        return code;
    }

    /**
     * @return whether a peer disconnected for this reason broke the protocol or sent invalid data (and is
     *         blacklisted for it): bad frames or messages, talking before INTR, a wrong chain, or a refused block
     *         ({@link #BLACKLISTED})
     */
    public boolean misbehaviour() {
        return switch (this) {
            case BLACKLISTED, NO_INTRODUCTION, BLOCKCHAIN_PUBKEY_MISMATCH, INVALID_EXTRA_DATA, INVALID_MESSAGE_LENGTH,
                 MALFORMED_MESSAGE, UNKNOWN_MESSAGE, MESSAGE_DECODE_UNDERFLOW, TRUNCATED_MESSAGE_ID -> true;
            default -> false;
        };
    }

    /** @return the reason with this wire code, if it is one Skycoin defines */
    public static Optional<DisconnectReason> fromCode(int code) {
        for (DisconnectReason r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
