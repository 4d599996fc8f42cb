package io.skyx.engine;

/** Integer arithmetic shared by both engine implementations: overflow-safe products, fees and locks. */
final class Arith {
    static final long PPM = EngineLimits.PPM;

    private Arith() {
    }

    /** a * b for non-negative a, b, or Long.MAX_VALUE when it overflows. */
    static long satMul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** a + b for non-negative a, b, or Long.MAX_VALUE when it overflows. */
    static long satAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /**
     * Fee to charge for a trade whose fee basis is {@code x = notional * ratePpm}, given the order's fee credit
     * (millionths already paid for by earlier rounding up, 0 &lt;= credit &lt; 1e6).
     */
    static long fee(long x, long credit) {
        return x <= credit ? 0 : (x - credit + PPM - 1) / PPM;
    }

    /** The order's fee credit after charging {@link #fee(long, long)} for basis x. */
    static long creditAfter(long x, long credit, long fee) {
        return credit + fee * PPM - x;
    }

    /** Quote a limit BID of notional n locks: n plus the largest fee n could cost at rate maxPpm. */
    static long bidLock(long notional, int maxPpm, long credit) {
        return notional + fee(notional * maxPpm, credit);
    }

    /**
     * Largest q in [0, cap] with q * unit + fee(q * unit * ppm, credit) &lt;= budget (a market buy's lots at one
     * price). unit = price * quoteTickUnits.
     */
    static long affordableLots(long budget, long unit, int ppm, long credit, long cap) {
        long hi = Math.min(cap, budget / unit);
        if (hi <= 0) {
            return 0;
        }
        if (costOf(hi, unit, ppm, credit) <= budget) {
            return hi;
        }
        long lo = 0;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (costOf(mid, unit, ppm, credit) <= budget) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static long costOf(long q, long unit, int ppm, long credit) {
        long n = q * unit;
        return n + fee(n * ppm, credit);
    }
}
