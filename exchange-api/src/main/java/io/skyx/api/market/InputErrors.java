package io.skyx.api.market;

import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.api.web.ErrorTranslator;
import org.springframework.stereotype.Component;

/** {@link InvalidInputException} in the API's error shape: its reason's code (400, or 404 for a market), its field. */
@Component
class InputErrors implements ErrorTranslator {

    @Override
    public ApiException translate(Throwable t) {
        return t instanceof InvalidInputException e ? new ApiException(code(e.reason()), e.getMessage(), e.field())
                : null;
    }

    static ErrorCode code(InvalidInputException.Reason reason) {
        return switch (reason) {
            case MISSING_FIELD -> ErrorCode.MISSING_FIELD;
            case INVALID_AMOUNT -> ErrorCode.INVALID_AMOUNT;
            case INVALID_PRICE -> ErrorCode.INVALID_PRICE;
            case UNKNOWN_MARKET -> ErrorCode.UNKNOWN_MARKET;
            case UNKNOWN_ASSET -> ErrorCode.BAD_REQUEST;
        };
    }
}
