package io.skyx.api.sequencer;

import io.skyx.engine.L2Book;
import java.util.List;
import java.util.Map;

/**
 * Told about commands once they are durable (e.g. to push them to WebSocket clients), in sequence order. Called on
 * the committer's thread (off the sequencer thread) before the batch's futures complete: implementations must be
 * quick and must not block. The read models (Projections) follow asynchronously: a listener that needs them must
 * wait with Projections.reach(seq) on a thread of its own, or build from the events.
 */
public interface CommitListener {

    /** At start, after recovery: the full books per market (engine market id) as of command {@code seq}. */
    default void started(long seq, Map<Integer, L2Book> books) {
    }

    /** A batch of commands has been committed to the journal, in sequence order. */
    void committed(List<AppliedCommand> batch);
}
