package io.skyx.node.reserves;

import java.math.BigInteger;

/**
 * An unsigned 128-bit amount (base units: droplets, satoshis), the value a tree node commits. Sums are checked:
 * nothing in a proof may be negative or reach 2^128.
 */
public record Value128(BigInteger amount) implements Comparable<Value128> {
    /** Encoded size: 16 bytes, big-endian. */
    public static final int SIZE = 16;
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(128);
    private static final int MAX_DIGITS = 39;

    /** Zero. */
    public static final Value128 ZERO = new Value128(BigInteger.ZERO);

    /** Checks the range. */
    public Value128 {
        if (amount == null || amount.signum() < 0 || amount.compareTo(LIMIT) >= 0) {
            throw new ProofException(ProofError.VALUE_OUT_OF_RANGE, "value out of the unsigned 128-bit range: " + amount);
        }
    }

    /** A leaf value: a user's balance in base units, never negative. */
    public static Value128 ofLeaf(long units) {
        if (units < 0) {
            throw new ProofException(ProofError.NEGATIVE_VALUE, "negative balance " + units);
        }
        return new Value128(BigInteger.valueOf(units));
    }

    /** Parses a decimal integer string: digits only, no sign, no leading zero. */
    public static Value128 parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
            throw new ProofException(ProofError.MALFORMED, "value must be 1.." + MAX_DIGITS + " digits");
        }
        if (text.charAt(0) == '-') {
            throw new ProofException(ProofError.NEGATIVE_VALUE, "negative value " + text);
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new ProofException(ProofError.MALFORMED, "value must be decimal digits: " + text);
            }
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw new ProofException(ProofError.MALFORMED, "value has a leading zero: " + text);
        }
        return new Value128(new BigInteger(text));
    }

    /** The checked sum; {@link ProofError#OVERFLOW} when it reaches 2^128. */
    public Value128 plus(Value128 other) {
        BigInteger sum = amount.add(other.amount);
        if (sum.compareTo(LIMIT) >= 0) {
            throw new ProofException(ProofError.OVERFLOW, "sum overflows 128 bits");
        }
        return new Value128(sum);
    }

    /** 16 bytes, big-endian. */
    public byte[] bytes() {
        byte[] raw = amount.toByteArray();
        byte[] out = new byte[SIZE];
        int n = Math.min(raw.length, SIZE);
        System.arraycopy(raw, raw.length - n, out, SIZE - n, n);
        return out;
    }

    @Override
    public int compareTo(Value128 o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public String toString() {
        return amount.toString();
    }
}
