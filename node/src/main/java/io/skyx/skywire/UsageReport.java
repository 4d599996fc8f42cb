package io.skyx.skywire;

import io.skyx.node.cipher.PubKey;
import io.skyx.node.encoding.DecodeError;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;
import java.util.Objects;
import java.util.UUID;

/**
 * One relay's view of one transport over one window (docs/skywire.md). Counters are cumulative since the start of
 * the window's UTC day, as Skywire's per-day transport log keeps them ({@code sent}, {@code recv}).
 *
 * <p>Encoding after {@code kind ‖ version}: {@code reporter [33] ‖ transport_id [16] ‖ edge0 [33] ‖ edge1 [33] ‖
 * type string ‖ window_start i64 ‖ window_end i64 ‖ sent u64 ‖ recv u64 ‖ seq u64}. Times are Unix seconds,
 * the window is {@code [start, end)}.
 *
 * @param reporter   the relay that signs the report (must be one of the edges; checked by {@link RecordChecks})
 * @param edge0      the lower edge key (sorted as {@code SortEdges})
 * @param edge1      the higher edge key
 * @param sent       bytes the reporter sent on the transport since the day's start, non-negative
 * @param recv       bytes the reporter received since the day's start, non-negative
 * @param seq        the reporter's sequence number, strictly increasing over all of its reports, &ge; 1
 */
public record UsageReport(PubKey reporter, UUID transportId, PubKey edge0, PubKey edge1, String type,
                          long windowStart, long windowEnd, long sent, long recv, long seq) implements RecordBody {

    /** Checks the field domains (not the semantic rules, which {@link RecordChecks} applies). */
    public UsageReport {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(transportId, "transportId");
        Objects.requireNonNull(edge0, "edge0");
        Objects.requireNonNull(edge1, "edge1");
        if (!TransportId.validType(type)) {
            throw new IllegalArgumentException("invalid transport type " + type);
        }
        if (sent < 0 || recv < 0) {
            throw new IllegalArgumentException("counters must not be negative");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1");
        }
    }

    /** A report whose transport ID and edge order are computed from the reporter and its peer. */
    public static UsageReport of(PubKey reporter, PubKey peer, String type, long windowStart, long windowEnd,
                                 long sent, long recv, long seq) {
        PubKey[] edges = TransportId.sortEdges(reporter, peer);
        return new UsageReport(reporter, TransportId.make(reporter, peer, type), edges[0], edges[1], type,
                windowStart, windowEnd, sent, recv, seq);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.USAGE_REPORT;
    }

    @Override
    public PubKey signer() {
        return reporter;
    }

    /** @return the other edge of the transport (the reporter's peer); {@code edge1} when the reporter is neither */
    public PubKey peer() {
        return reporter.equals(edge0) ? edge1 : edge0;
    }

    @Override
    public void writeFields(Encoder e) {
        reporter.writeTo(e);
        e.fixed(TransportId.bytes(transportId));
        edge0.writeTo(e);
        edge1.writeTo(e);
        e.string(type);
        e.i64(windowStart).i64(windowEnd).u64(sent).u64(recv).u64(seq);
    }

    static UsageReport readFields(Decoder d) throws DecodeException {
        PubKey reporter = PubKey.read(d);
        UUID id = TransportId.of(d.fixed(16));
        PubKey e0 = PubKey.read(d);
        PubKey e1 = PubKey.read(d);
        String type = d.string(TransportId.MAX_TYPE_LENGTH);
        if (!TransportId.validType(type)) {
            throw d.error(DecodeError.INVALID_VALUE, "invalid transport type");
        }
        long start = d.i64();
        long end = d.i64();
        long sent = d.u64();
        long recv = d.u64();
        long seq = d.u64();
        if (sent < 0 || recv < 0) {
            throw d.error(DecodeError.INVALID_VALUE, "counter above 2^63-1");
        }
        if (seq < 1) {
            throw d.error(DecodeError.INVALID_VALUE, "seq must be at least 1");
        }
        return new UsageReport(reporter, id, e0, e1, type, start, end, sent, recv, seq);
    }
}
