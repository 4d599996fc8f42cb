package io.skyx.custody.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * What the custody benchmarks measure with: a fine-grained wait (2 ms polls, so a latency is not rounded to
 * {@link Await}'s 100 ms), nearest-rank percentiles, and this JVM's CPU time, which the machine's load moves less
 * than wall time (PostgreSQL and bcoin run in other processes and are not counted).
 */
public final class BenchClock {

    private BenchClock() {
    }

    /** Waits until {@code condition} holds, polling every 2 ms; fails with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, condition, 2);
    }

    /** The nearest-rank {@code percent} percentile of {@code values} (not modified). */
    public static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The CPU time this JVM has used so far, in nanoseconds. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
