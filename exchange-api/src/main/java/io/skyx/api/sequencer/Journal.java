package io.skyx.api.sequencer;

import java.util.List;

/**
 * The command log (DESIGN.md §4): every sequenced command with its result and engine events, in sequence order.
 * A command is acknowledged only once {@link #append} has returned for its batch. Readers (projections, streams)
 * follow it with {@link #read} from any sequence number. The PostgreSQL implementation is {@code PgJournal}; the
 * shape fits a Kafka topic partition per shard with offsets as sequence numbers.
 */
public interface Journal {

    /**
     * Appends a batch durably (one transaction, fsync on) or throws, in which case none of it may be assumed
     * durable by the caller. Sequence numbers follow {@link #lastSequence()} without gaps. {@code marks} are the
     * replay marks of the signed requests that carried the batch's commands: they become durable with the batch
     * (a mark already recorded is kept as it is), in the same transaction.
     */
    void append(List<AppliedCommand> batch, List<ReplayMark> marks);

    /** The last durable sequence number, 0 when empty. */
    long lastSequence();

    /** Up to {@code max} entries with {@code seq > afterSeq}, in sequence order (empty when none). */
    List<AppliedCommand> read(long afterSeq, int max);
}
