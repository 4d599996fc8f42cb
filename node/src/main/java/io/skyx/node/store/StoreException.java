package io.skyx.node.store;

/** The chain store could not be opened or written (disk, corruption): not a validation outcome. */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
