package io.skyx.node.cli;

/** Bad command-line arguments; the message says which and why (and never contains secret input). */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the arguments */
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
