package io.skyx.api.sequencer;

import io.skyx.engine.ResultCode;
import java.util.Objects;

/**
 * The acknowledgement of a command, given once it is durable in the journal.
 *
 * @param seq       the command's sequence number (for a place: the order id)
 * @param code      the engine's result
 * @param repeated  true when the idempotency key was seen before: this is the original command's result and
 *                  nothing changed now
 */
public record CommandResult(long seq, ResultCode code, boolean repeated) {

    /** Checks the fields. */
    public CommandResult {
        Objects.requireNonNull(code, "code");
    }

    /** True when applied (or originally applied). */
    public boolean ok() {
        return code == ResultCode.OK;
    }
}
