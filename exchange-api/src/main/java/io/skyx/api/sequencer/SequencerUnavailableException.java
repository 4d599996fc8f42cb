package io.skyx.api.sequencer;

import java.io.Serial;

/** The sequencer cannot take the command now (stopped, overloaded, or the journal is unavailable). */
public final class SequencerUnavailableException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** With a message for the client. */
    public SequencerUnavailableException(String message) {
        super(message, null, false, false);
    }
}
