package io.skyx.api.market;

import java.io.Serial;
import java.util.Objects;

/**
 * Input the market model refuses (an amount, a price, a market or asset name). Domain code, no HTTP: the web
 * layer maps the {@link Reason} to its error code and status. Thrown before anything is sequenced.
 */
public final class InvalidInputException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Why the input is refused. */
    public enum Reason {
        MISSING_FIELD, INVALID_AMOUNT, INVALID_PRICE, UNKNOWN_MARKET, UNKNOWN_ASSET
    }

    private final Reason reason;
    private final String field;

    /** Refuses {@code field} ({@code field} may be null). */
    public InvalidInputException(Reason reason, String message, String field) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }
}
