package io.skyx.api.web;

import org.springframework.http.HttpStatus;

/** The stable error codes of the API (docs/api.md), each with its HTTP status. */
public enum ErrorCode {
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    MISSING_FIELD(HttpStatus.BAD_REQUEST),
    INVALID_AMOUNT(HttpStatus.BAD_REQUEST),
    INVALID_PRICE(HttpStatus.BAD_REQUEST),
    UNKNOWN_MARKET(HttpStatus.NOT_FOUND),
    UNKNOWN_ORDER(HttpStatus.NOT_FOUND),
    INSUFFICIENT_FUNDS(HttpStatus.UNPROCESSABLE_CONTENT),
    WOULD_TAKE(HttpStatus.UNPROCESSABLE_CONTENT),
    FOK_NOT_FILLED(HttpStatus.UNPROCESSABLE_CONTENT),
    DUPLICATE_CLIENT_ORDER_ID(HttpStatus.CONFLICT),
    FAUCET_UNAVAILABLE(HttpStatus.CONFLICT),
    ALREADY_RUNNING(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    /** The HTTP status this code is sent with. */
    public HttpStatus status() {
        return status;
    }
}
