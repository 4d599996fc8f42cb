package io.skyx.api.settlement;

import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.Reason;
import io.skyx.skywire.UsageReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.LongSupplier;

/**
 * Checks signed Skywire records and stores them, or their refusals, on the caller's connection and transaction
 * (so the Kafka consumer commits a whole poll together with its offsets). Checks, in order: size, decoding,
 * signature (these run in parallel on every core, {@link CheckedRecord}), duplicate content hash (accepted before:
 * nothing changes), settled epoch, transport ID, reporter and window (stateless), the relay's sequence number, the
 * window and counters against the relay's previous report for the same transport and day, one claim per relay and
 * epoch. The stored state is read once per batch ({@link IngestState}), only what this process does not already
 * know from its earlier batches ({@link RelayState}), and the accepted rows are written with one
 * multi-row insert per table ({@link IngestWriter}). Batches, whether a Kafka poll or one REST submission, are
 * serialised by one transaction-scoped advisory lock, so each sees everything stored before it; a batch holds
 * every epoch it touches shared, and the settlement job holds its epoch exclusively.
 */
public final class UsageIngester {

    /** What happened to a record. */
    public enum Status { ACCEPTED, DUPLICATE, REFUSED }

    /**
     * @param id     the record ID (null when the record did not decode)
     * @param reason why it was refused (null unless refused)
     * @param fresh  whether this call stored something new (false for duplicates and repeated refusals)
     */
    public record Outcome(Status status, SHA256 id, Reason reason, String detail, boolean fresh) {
    }

    /** One record to ingest and where it came from (stored with it). */
    public record Input(byte[] wire, String source) {
    }

    private static final long INGEST_LOCK = 0x5357_494E_4745_5354L;

    private final LongSupplier nowSeconds;
    private final RelayState relays = new RelayState();

    /** @param nowSeconds the clock for the "window ends in the future" check, Unix seconds */
    public UsageIngester(LongSupplier nowSeconds) {
        this.nowSeconds = nowSeconds;
    }

    /** Checks and stores {@code wire}; never throws for bad input, only for database failures. */
    public Outcome ingest(Connection c, byte[] wire, String source) throws SQLException {
        return store(c, check(List.of(new Input(wire, source)))).getFirst();
    }

    /** Checks and stores a batch in its order: the same outcomes as ingesting each record on its own. */
    public List<Outcome> ingestAll(Connection c, List<Input> batch) throws SQLException {
        return store(c, check(batch));
    }

    /** The stateless checks of a batch (decoding, signature, …), in parallel on every core; no database. */
    List<CheckedRecord> check(List<Input> batch) {
        return checked(batch.size() > 1 ? batch.parallelStream() : batch.stream());
    }

    /** The same checks as {@link #check} on the calling thread, in order (the consumer runs chunks on its pool). */
    List<CheckedRecord> checkHere(List<Input> chunk) {
        return checked(chunk.stream());
    }

    private List<CheckedRecord> checked(Stream<Input> inputs) {
        long now = nowSeconds.getAsLong();
        return inputs.map(i -> CheckedRecord.check(i.wire(), i.source(), now)).toList();
    }

    /** The stateful checks and the writes of an already {@linkplain #check checked} batch. */
    List<Outcome> store(Connection c, List<CheckedRecord> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, INGEST_LOCK);
            ps.execute();
        }
        List<Long> epochs = IngestState.epochs(batch);
        if (!epochs.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("select count(pg_advisory_xact_lock_shared(k))"
                    + " from (select k from unnest(?::bigint[]) as e(k) order by k) s")) {
                ps.setArray(1, c.createArrayOf("bigint", epochs.stream().map(UsageIngester::epochLockKey).toArray()));
                ps.execute();
            }
        }
        IngestState state = IngestState.load(c, batch, relays);
        List<Outcome> out = new ArrayList<>(batch.size());
        List<CheckedRecord> accepted = new ArrayList<>();
        List<IngestWriter.Refusal> refusals = new ArrayList<>();
        List<Integer> refusalIndex = new ArrayList<>();
        for (CheckedRecord r : batch) {
            String[] refusal = refusal(r, state);
            if (refusal == null && state.stored(r.record().id())) {
                out.add(new Outcome(Status.DUPLICATE, r.record().id(), null, "already stored", false));
            } else if (refusal == null) {
                state.accepted(r.record().id(), r.record().parsed());
                accepted.add(r);
                out.add(new Outcome(Status.ACCEPTED, r.record().id(), null, "", true));
            } else {
                refusalIndex.add(out.size());
                refusals.add(new IngestWriter.Refusal(r, Reason.valueOf(refusal[0]), refusal[1]));
                out.add(null);
            }
        }
        IngestWriter.insert(c, accepted);
        boolean[] fresh = IngestWriter.refuse(c, refusals);
        for (int i = 0; i < refusals.size(); i++) {
            IngestWriter.Refusal f = refusals.get(i);
            out.set(refusalIndex.get(i), new Outcome(Status.REFUSED, null, f.reason(), f.detail(), fresh[i]));
        }
        return out;
    }

    /** @return {reason, detail} of the first failing check, or null when the record is new or a duplicate */
    private static String[] refusal(CheckedRecord r, IngestState state) {
        if (!r.verified()) {
            return new String[] {r.early().name(), r.detail()};
        }
        if (state.stored(r.record().id())) {
            return null;
        }
        long epoch = r.epoch();
        if (state.settled(epoch)) {
            return new String[] {Reason.EPOCH_SETTLED.name(), "epoch " + epoch + " is settled"};
        }
        if (r.stateless() != null) {
            return new String[] {r.stateless().name(), r.detail()};
        }
        return switch (r.record().parsed()) {
            case UsageReport u -> checkReport(u, state);
            case EpochClaim cl -> state.claimed(cl) ? new String[] {Reason.DUPLICATE_CLAIM.name(),
                "the relay already claimed epoch " + cl.epoch()} : null;
        };
    }

    private static String[] checkReport(UsageReport r, IngestState state) {
        Long last = state.lastSeq(r.reporter());
        if (last != null && r.seq() <= last) {
            return new String[] {Reason.REPLAYED_SEQUENCE.name(), "seq " + r.seq() + " not above " + last};
        }
        RelayState.Last prev = state.last(r);
        if (prev != null) {
            if (r.windowStart() < prev.windowEnd()) {
                return new String[] {Reason.WINDOW_OVERLAP.name(),
                    "window starts at " + r.windowStart() + " before the previous end " + prev.windowEnd()};
            }
            if (r.sent() < prev.sent() || r.recv() < prev.recv()) {
                return new String[] {Reason.COUNTER_DECREASED.name(), "sent " + r.sent() + "/recv " + r.recv()
                    + " below " + prev.sent() + "/" + prev.recv()};
            }
        }
        return null;
    }

    /** The settlement job takes this lock exclusively, so no record of an epoch lands during its settlement. */
    static long epochLockKey(long epoch) {
        return 0x5357_4550_0000_0000L ^ epoch;
    }
}
