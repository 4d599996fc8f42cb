package io.skyx.custody.cold;

/**
 * How much one asset's hot wallet should hold: {@code target}, with a band. Above {@code target × sweepAbove / 100}
 * the excess over the target is swept to cold; below {@code target × alarmBelow / 100} the top-up alarm is on.
 * All integers (smallest unit, percent).
 */
public record HotTarget(long target, int sweepAbovePercent, int alarmBelowPercent) {

    /** Checks the band. */
    public HotTarget {
        if (target < 0 || sweepAbovePercent < 100 || alarmBelowPercent < 0 || alarmBelowPercent > 100) {
            throw new IllegalArgumentException("hot-wallet target " + target + " needs target >= 0, sweep-above >= 100 %"
                    + " and 0 <= alarm-below <= 100 %, not " + sweepAbovePercent + " / " + alarmBelowPercent);
        }
    }

    /** The default band: sweep above 150 %, alarm below 50 %. */
    public static HotTarget of(long target) {
        return new HotTarget(target, 150, 50);
    }

    /** The balance above which a sweep runs (at most Long.MAX_VALUE). */
    public long sweepAbove() {
        return percentOf(sweepAbovePercent);
    }

    /** The balance below which the top-up alarm is on. */
    public long alarmBelow() {
        return percentOf(alarmBelowPercent);
    }

    private long percentOf(int percent) {
        return java.math.BigInteger.valueOf(target).multiply(java.math.BigInteger.valueOf(percent))
                .divide(java.math.BigInteger.valueOf(100)).min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                .longValueExact();
    }

    /** What a sweep moves out of a hot wallet holding {@code balance}: the excess over the target, or 0 inside the band. */
    public long excess(long balance) {
        return balance > sweepAbove() ? balance - target : 0;
    }

    /** Whether a hot wallet holding {@code balance} needs a top-up. */
    public boolean low(long balance) {
        return balance < alarmBelow();
    }
}
