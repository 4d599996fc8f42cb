package io.skyx.node.encoding;

import java.util.Objects;

/**
 * The only exception a codec raises on bad input. It carries a stable {@link DecodeError} code and the byte offset
 * at which decoding failed. It has no stack trace: bad bytes from the network are an expected outcome, not a bug,
 * and should be cheap to reject.
 */
public final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DecodeError error;
    private final int offset;

    /**
     * @param error  the reason code
     * @param offset the byte offset in the input where the problem was found
     * @param detail a short human-readable explanation (never secret material)
     */
    public DecodeException(DecodeError error, int offset, String detail) {
        super(Objects.requireNonNull(error, "error") + " at offset " + offset + ": " + detail, null, false, false);
        this.error = error;
        this.offset = offset;
    }

    /** @return the stable reason code */
    public DecodeError error() {
        return error;
    }

    /** @return the byte offset in the input where decoding failed */
    public int offset() {
        return offset;
    }
}
