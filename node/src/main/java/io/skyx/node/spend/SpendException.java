package io.skyx.node.spend;

/**
 * Why a transaction cannot be built, with Skycoin's error text.
 */
public final class SpendException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean badInput;

    SpendException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    /** @return an error the request is at fault for (HTTP 400) */
    public static SpendException badInput(String message) {
        return new SpendException(message, true);
    }

    /** @return true if the request (or the balance it spends) is at fault (HTTP 400), false for an internal error */
    public boolean badInput() {
        return badInput;
    }
}
