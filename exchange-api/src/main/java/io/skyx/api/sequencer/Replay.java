package io.skyx.api.sequencer;

import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.ResultCode;
import java.util.List;

/** Feeds the journal after a sequence number into an engine, checking each result against the journaled one. */
final class Replay {

    /** Where a replay ended: the last sequence number and time, and how many commands it applied. */
    record End(long seq, long tsMs, long count) {
    }

    private static final int PAGE = 5000;

    private Replay() {
    }

    static End into(ExchangeEngine engine, Journal journal, long afterSeq) {
        long last = afterSeq;
        long ts = 0;
        long count = 0;
        for (List<AppliedCommand> page = journal.read(last, PAGE); !page.isEmpty(); page = journal.read(last, PAGE)) {
            for (AppliedCommand entry : page) {
                ResultCode code = Apply.apply(engine, entry.seq(), entry.tsMs(), entry.command());
                if (code != entry.result()) {
                    throw new IllegalStateException("journal replay diverged at seq " + entry.seq() + ": journaled "
                            + entry.result() + ", replayed " + code);
                }
                last = entry.seq();
                ts = entry.tsMs();
                count++;
            }
        }
        if (engine.lastSequence() != last) {
            throw new IllegalStateException("engine at seq " + engine.lastSequence() + " after replay to " + last);
        }
        return new End(last, ts, count);
    }
}
