package io.skyx.node.coin;

/**
 * Unsigned 64-bit arithmetic helpers. Skycoin amounts (droplets, coin hours, times) are Go {@code uint64}; they are
 * held in Java {@code long} and always compared and printed as unsigned.
 */
final class U64 {
    private U64() {
    }

    /** @return true if {@code a + b} does not fit in an unsigned 64-bit integer */
    static boolean addOverflows(long a, long b) {
        return Long.compareUnsigned(a + b, a) < 0;
    }

    /** @return true if {@code a * b} does not fit in an unsigned 64-bit integer */
    static boolean mulOverflows(long a, long b) {
        return Math.unsignedMultiplyHigh(a, b) != 0;
    }

    static boolean lessThan(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }
}
