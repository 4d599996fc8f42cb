package io.skyx.api.sequencer;

import io.skyx.engine.ResultCode;
import java.util.List;
import java.util.Objects;

/**
 * The acknowledgement of a command, given once it is durable in the journal.
 *
 * @param seq      the command's sequence number (for a place: the order id)
 * @param code     the engine's result
 * @param repeated true when the idempotency key was seen before: this is the original command's result and
 *                 nothing changed now
 * @param tsMs     the time the sequencer stamped on the (original) command
 * @param events   the engine's events of the (original) command, so a response can be built without reading a
 *                 projection back
 */
public record CommandResult(long seq, ResultCode code, boolean repeated, long tsMs, List<EngineEvent> events) {

    /** Checks and copies. */
    public CommandResult {
        Objects.requireNonNull(code, "code");
        events = List.copyOf(events);
    }

    /** A result without events. */
    public CommandResult(long seq, ResultCode code, boolean repeated) {
        this(seq, code, repeated, 0, List.of());
    }

    static CommandResult of(AppliedCommand a, boolean repeated) {
        return new CommandResult(a.seq(), a.result(), repeated, a.tsMs(), a.events());
    }

    /** True when applied (or originally applied). */
    public boolean ok() {
        return code == ResultCode.OK;
    }
}
