package io.skyx.node.cipher;

import java.util.Objects;

/**
 * Bad key, address, signature or seed input. Carries a stable {@link CipherError}; the message never contains
 * secret material.
 */
public final class CipherException extends Exception {
    private static final long serialVersionUID = 1L;

    private final CipherError error;

    /** @param detail a short explanation, never containing secrets */
    public CipherException(CipherError error, String detail) {
        super(Objects.requireNonNull(error, "error") + ": " + detail, null, false, false);
        this.error = error;
    }

    /** @return the stable reason code */
    public CipherError error() {
        return error;
    }
}
