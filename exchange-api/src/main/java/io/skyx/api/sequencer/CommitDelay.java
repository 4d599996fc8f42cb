package io.skyx.api.sequencer;

/**
 * The group commit's delay, as PostgreSQL's {@code commit_delay} with {@code commit_siblings}: when the committer
 * is idle and the batch is small, the sequencer keeps accumulating for up to {@code delay} after the batch's first
 * command, but only while commands arrive closer together than half that delay (so more are expected before it
 * ends). A lone client is never delayed; under load each commit, its fsync and the hand-offs around it serve more
 * commands. Times are {@link System#nanoTime()} values passed in by the caller.
 */
final class CommitDelay {

    private static final long UNKNOWN = Long.MAX_VALUE / 4;

    private final long delayNanos;
    private final int enough;
    private long lastArrival = Long.MIN_VALUE;
    private long gapNanos = UNKNOWN;

    /**
     * @param delayNanos longest delay after a batch's first command (0: none)
     * @param enough     a batch of this many commands is handed over at once
     */
    CommitDelay(long delayNanos, int enough) {
        if (delayNanos < 0 || enough < 1) {
            throw new IllegalArgumentException("skyx.sequencer.commit-delay-us must be >= 0 and commit-enough >= 1");
        }
        this.delayNanos = delayNanos;
        this.enough = enough;
    }

    /** A command arrived at {@code now}: updates the moving average of the gap between arrivals. */
    void arrived(long now) {
        if (lastArrival != Long.MIN_VALUE) {
            long gap = Math.max(0, now - lastArrival);
            gapNanos = gapNanos == UNKNOWN ? gap : gapNanos - (gapNanos >> 3) + (gap >> 3);
        }
        lastArrival = now;
    }

    /**
     * @return how long (ns) to keep accumulating a batch of {@code commands} whose first command arrived at
     * {@code firstAt}, before handing it to an idle committer; 0 to hand it over now
     */
    long holdFor(int commands, long firstAt, long now) {
        if (commands == 0 || commands >= enough || 2 * gapNanos > delayNanos) {
            return 0;
        }
        return Math.max(0, firstAt + delayNanos - now);
    }
}
