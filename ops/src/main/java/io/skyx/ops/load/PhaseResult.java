package io.skyx.ops.load;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The measured outcome of one phase: acknowledged places and cancels, latency histograms (µs) and errors by
 * kind.
 */
record PhaseResult(String name, int clients, long elapsedNanos, long acked, long cancels, Histogram place,
                   Histogram cancel, Map<String, Long> errors) {

    PhaseResult {
        if (elapsedNanos <= 0 || acked < 0 || cancels < 0 || cancels > acked) {
            throw new IllegalArgumentException("inconsistent phase result");
        }
        errors = Map.copyOf(errors);
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    /** Acknowledged places per second. */
    double ackedPerSecond() {
        return acked / seconds();
    }

    /** All successful requests (places and cancels) per second. */
    double requestsPerSecond() {
        return (acked + cancels) / seconds();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %d clients, %.1f s: %d acknowledged (%.1f/s), %d cancels, "
                        + "%.1f requests/s%n", name, clients, seconds(), acked, ackedPerSecond(), cancels,
                requestsPerSecond()));
        sb.append(String.format(Locale.ROOT, "       place  latency p50 %s  p99 %s  max %s%n",
                ms(place, 50), ms(place, 99), max(place)));
        sb.append(String.format(Locale.ROOT, "       cancel latency p50 %s  p99 %s  max %s%n",
                ms(cancel, 50), ms(cancel, 99), max(cancel)));
        if (errors.isEmpty()) {
            sb.append("       errors: none\n");
        } else {
            sb.append("       errors: ").append(errorCount()).append(' ').append(errors).append('\n');
        }
        return sb.toString();
    }

    static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.2f ms",
                h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String max(Histogram h) {
        return h.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.2f ms", h.getMaxValue() / 1000.0);
    }
}
