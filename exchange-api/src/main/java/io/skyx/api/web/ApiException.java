package io.skyx.api.web;

import java.io.Serial;
import java.util.Objects;

/**
 * A request the API refuses, rendered by {@link ApiErrorHandler} as the one error shape
 * {@code {"error":{"code","message","field"}}}. Thrown only before a command reaches the sequencer (or to report
 * its result code), so a refused request changes no state.
 */
public final class ApiException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    /** An error about one request field ({@code field} may be null). */
    public ApiException(ErrorCode code, String message, String field) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** An error about the request as a whole. */
    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
