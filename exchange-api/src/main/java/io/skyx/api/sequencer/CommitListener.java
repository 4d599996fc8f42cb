package io.skyx.api.sequencer;

import io.skyx.engine.L2Book;
import java.util.List;
import java.util.Map;

/**
 * Told about commands once they are durable (e.g. to push them to WebSocket clients). Called on the sequencer's
 * thread: implementations must be quick and must not block.
 */
public interface CommitListener {

    /** At start, after recovery: the full books per market (engine market id) as of command {@code seq}. */
    default void started(long seq, Map<Integer, L2Book> books) {
    }

    /** A batch of commands has been committed to the journal, in sequence order. */
    void committed(List<AppliedCommand> batch);
}
