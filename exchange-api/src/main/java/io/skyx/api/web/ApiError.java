package io.skyx.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The one error shape of the API: {@code {"error":{"code":"…","message":"…","field":"…"}}}.
 *
 * @param error the error
 */
@Schema(description = "Every 4xx/5xx response has this shape")
public record ApiError(Detail error) {

    /**
     * @param code    stable code (see docs/api.md)
     * @param message human-readable explanation
     * @param field   the request field at fault, when there is one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(
            @Schema(example = "INVALID_AMOUNT", allowableValues = {"BAD_REQUEST", "MALFORMED_JSON", "MISSING_FIELD",
                    "INVALID_AMOUNT", "INVALID_PRICE", "UNKNOWN_MARKET", "UNKNOWN_ORDER", "INSUFFICIENT_FUNDS",
                    "WOULD_TAKE", "FOK_NOT_FILLED", "DUPLICATE_CLIENT_ORDER_ID", "PAYLOAD_TOO_LARGE",
                    "UNAUTHENTICATED", "FORBIDDEN", "CSRF", "BAD_SIGNATURE", "TIMESTAMP_OUT_OF_WINDOW",
                    "REPLAYED_REQUEST", "TOO_MANY_ATTEMPTS", "EMAIL_TAKEN", "WEAK_PASSWORD", "NOT_FOUND",
                    "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE", "NOT_ACCEPTABLE", "TOO_MANY_REQUESTS", "UNAVAILABLE",
                    "INTERNAL"}) String code,
            String message,
            String field) {
    }

    /** An error without a field. */
    public static ApiError of(String code, String message) {
        return new ApiError(new Detail(code, message, null));
    }

    /** An error about one field (may be null). */
    public static ApiError of(String code, String message, String field) {
        return new ApiError(new Detail(code, message, field));
    }
}
