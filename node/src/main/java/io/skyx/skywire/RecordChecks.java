package io.skyx.skywire;

import java.util.Optional;

/**
 * The checks a record passes on its own, without any stored state: transport ID recomputed from the edges and
 * type, reporter is an edge, the window is non-empty, within one UTC day and not in the future. Signature checks
 * are {@link SignedRecord#verify()}; the stateful ones (sequence, monotonic counters) belong to the ingester.
 */
public final class RecordChecks {
    /** Seconds in a UTC day. */
    public static final long DAY = 86_400;
    /** How far in the future a window end may be, for clock skew. */
    public static final long MAX_SKEW_SECONDS = 300;

    private RecordChecks() {
    }

    /** @return the refusal reason of a report at {@code nowSeconds}, or empty when it passes */
    public static Optional<Reason> check(UsageReport r, long nowSeconds) {
        if (!TransportId.ordered(r.edge0(), r.edge1()) || r.edge0().equals(r.edge1())
                || !TransportId.make(r.edge0(), r.edge1(), r.type()).equals(r.transportId())) {
            return Optional.of(Reason.TRANSPORT_ID_MISMATCH);
        }
        if (!r.reporter().equals(r.edge0()) && !r.reporter().equals(r.edge1())) {
            return Optional.of(Reason.REPORTER_NOT_EDGE);
        }
        if (r.windowStart() < 0 || r.windowEnd() <= r.windowStart()
                || epochOf(r.windowStart()) != epochOf(r.windowEnd() - 1)
                || r.windowEnd() > nowSeconds + MAX_SKEW_SECONDS) {
            return Optional.of(Reason.BAD_WINDOW);
        }
        return Optional.empty();
    }

    /** @return the epoch (UTC day number) of a Unix time in seconds */
    public static long epochOf(long unixSeconds) {
        return Math.floorDiv(unixSeconds, DAY);
    }
}
