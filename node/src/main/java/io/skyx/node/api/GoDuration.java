package io.skyx.node.api;

import java.time.Duration;

/** Go's {@code time.Duration.String()}: "0s", "1.5s", "2m3.000000004s", "72h0m0s", "350ms", "-5s". */
final class GoDuration {
    private GoDuration() {
    }

    static String format(Duration d) {
        long ns = d.toNanos();
        if (ns == 0) {
            return "0s";
        }
        boolean neg = ns < 0;
        long u = Math.abs(ns);
        StringBuilder b = new StringBuilder();
        if (u < 1_000_000_000L) {
            if (u < 1_000L) {
                b.append(u).append("ns");
            } else if (u < 1_000_000L) {
                b.append(fraction(u, 3)).append("µs");
            } else {
                b.append(fraction(u, 6)).append("ms");
            }
        } else {
            long secs = u / 1_000_000_000L;
            long frac = u % 1_000_000_000L;
            long h = secs / 3600;
            long m = (secs % 3600) / 60;
            long s = secs % 60;
            if (h > 0) {
                b.append(h).append('h');
            }
            if (h > 0 || m > 0) {
                b.append(m).append('m');
            }
            b.append(s);
            if (frac != 0) {
                String f = String.format("%09d", frac).replaceAll("0+$", "");
                b.append('.').append(f);
            }
            b.append('s');
        }
        return (neg ? "-" : "") + b;
    }

    /** {@code v} divided by 10^digits, with the fraction's trailing zeros dropped. */
    private static String fraction(long v, int digits) {
        long p = (long) Math.pow(10, digits);
        long whole = v / p;
        long frac = v % p;
        if (frac == 0) {
            return Long.toString(whole);
        }
        return whole + "." + String.format("%0" + digits + "d", frac).replaceAll("0+$", "");
    }
}
