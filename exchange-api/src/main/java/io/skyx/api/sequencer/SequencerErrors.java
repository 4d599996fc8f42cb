package io.skyx.api.sequencer;

import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.api.web.ErrorTranslator;
import org.springframework.stereotype.Component;

/**
 * {@link SequencerUnavailableException} in the API's error shape, wherever it surfaces (a command's future, a read
 * waiting for the projections, a snapshot): 503 UNAVAILABLE with its message, which says to retry.
 */
@Component
class SequencerErrors implements ErrorTranslator {

    @Override
    public ApiException translate(Throwable t) {
        return t instanceof SequencerUnavailableException e ? new ApiException(ErrorCode.UNAVAILABLE, e.getMessage())
                : null;
    }
}
