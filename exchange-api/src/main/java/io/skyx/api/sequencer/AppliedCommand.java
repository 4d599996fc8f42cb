package io.skyx.api.sequencer;

import io.skyx.engine.ResultCode;
import java.util.List;
import java.util.Objects;

/**
 * A command as sequenced and applied: its number, its time, the engine's result and the events it caused.
 * For a place command the order id is {@code seq}.
 *
 * @param seq    sequence number (journal position)
 * @param tsMs   time stamped by the sequencer, epoch ms
 * @param command the command
 * @param result the engine's result code
 * @param events the events, in engine order
 */
public record AppliedCommand(long seq, long tsMs, Command command, ResultCode result, List<EngineEvent> events) {

    /** Checks and copies. */
    public AppliedCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(result, "result");
        events = List.copyOf(events);
    }
}
