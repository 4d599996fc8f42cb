package io.skyx.custody.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for conditions that a chain or a pipeline reaches asynchronously. */
public final class Await {

    private Await() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, 100);
    }

    /** The same, polling every {@code pollMillis}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, long pollMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
