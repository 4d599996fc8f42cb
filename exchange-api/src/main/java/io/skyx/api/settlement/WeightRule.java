package io.skyx.api.settlement;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The per-IP weighting of Skywire's bandwidth pool, {@code weight = bytes × ip_total^(exp−1)}, in integers only.
 * The exponent is a decimal {@code exp = n/d} (reduced, {@code 0 < exp ≤ 1}, {@code d ≤ 100}). For an IP whose
 * relays have {@code t} credited bytes in total, {@code ipWeight(t) = ⌊(t^n · 2^(32·d))^(1/d)⌋ = ⌊t^exp · 2^32⌋}
 * (exact integer d-th root), and a relay with {@code b} of those bytes weighs {@code ⌊b · ipWeight(t) / t⌋}. So
 * the weights of one IP add up to {@code t^exp} (in units of 2^-32, up to rounding) however its bytes are split
 * over keys: splitting an operator across keys gains nothing.
 */
final class WeightRule {
    /** Fractional bits of a weight. */
    static final int FRACTION_BITS = 32;
    private static final int MAX_DENOMINATOR = 100;

    private final int num;
    private final int den;

    private WeightRule(int num, int den) {
        this.num = num;
        this.den = den;
    }

    /** Parses a decimal exponent such as {@code "0.5"} or {@code "1"}; refuses anything else with a clear error. */
    static WeightRule of(String exponent) {
        BigDecimal e;
        try {
            e = new BigDecimal(exponent.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("skywire weight exponent is not a decimal: " + exponent);
        }
        if (e.signum() <= 0 || e.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("skywire weight exponent must be in (0, 1]: " + exponent);
        }
        e = e.stripTrailingZeros();
        BigInteger n = e.unscaledValue();
        BigInteger d = BigInteger.TEN.pow(Math.max(0, e.scale()));
        if (e.scale() < 0) {
            n = n.multiply(BigInteger.TEN.pow(-e.scale()));
        }
        BigInteger g = n.gcd(d);
        n = n.divide(g);
        d = d.divide(g);
        if (d.compareTo(BigInteger.valueOf(MAX_DENOMINATOR)) > 0) {
            throw new IllegalArgumentException("skywire weight exponent " + exponent + " = " + n + "/" + d
                    + ": the reduced denominator must be at most " + MAX_DENOMINATOR);
        }
        return new WeightRule(n.intValueExact(), d.intValueExact());
    }

    /** @return the exponent as "n/d" */
    String fraction() {
        return num + "/" + den;
    }

    /** @return {@code ⌊t^exp · 2^32⌋} for {@code t ≥ 0} */
    BigInteger ipWeight(long total) {
        if (total <= 0) {
            return BigInteger.ZERO;
        }
        BigInteger x = BigInteger.valueOf(total).pow(num).shiftLeft(FRACTION_BITS * den);
        return iroot(x, den);
    }

    /** @return {@code ⌊bytes · ipWeight(total) / total⌋} */
    BigInteger weight(long bytes, long total, BigInteger ipWeight) {
        if (bytes <= 0 || total <= 0) {
            return BigInteger.ZERO;
        }
        return BigInteger.valueOf(bytes).multiply(ipWeight).divide(BigInteger.valueOf(total));
    }

    /** Exact integer d-th root: the largest y with y^d ≤ x. */
    static BigInteger iroot(BigInteger x, int d) {
        if (x.signum() < 0) {
            throw new IllegalArgumentException("negative");
        }
        if (x.signum() == 0 || d == 1) {
            return x;
        }
        BigInteger dd = BigInteger.valueOf(d);
        BigInteger dm1 = BigInteger.valueOf(d - 1L);
        BigInteger y = BigInteger.ONE.shiftLeft(x.bitLength() / d + 1);
        while (true) {
            BigInteger next = y.multiply(dm1).add(x.divide(y.pow(d - 1))).divide(dd);
            if (next.compareTo(y) >= 0) {
                break;
            }
            y = next;
        }
        while (y.pow(d).compareTo(x) > 0) {
            y = y.subtract(BigInteger.ONE);
        }
        while (y.add(BigInteger.ONE).pow(d).compareTo(x) <= 0) {
            y = y.add(BigInteger.ONE);
        }
        return y;
    }
}
