package io.skyx.api.market;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Decimal strings to and from integer units. A decimal is digits with at most one point: no sign, no exponent,
 * no spaces, no leading zeros other than "0.x", at most {@code scale} decimals, and it must fit a long.
 */
public final class Decimals {

    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,18})(\\.[0-9]{1,18})?");
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /** 10^n for n in 0..18. */
    public static long pow10(int n) {
        return POW10[n];
    }

    /**
     * Parses {@code text} into units of {@code 10^-scale}; refuses with {@code code} on {@code field}: null or
     * empty, not a plain decimal, more than {@code scale} decimals, or too large for a long.
     */
    public static long parse(String text, int scale, String field, InvalidInputException.Reason code) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(InvalidInputException.Reason.MISSING_FIELD, "'" + field + "' is required", field);
        }
        if (text.length() > 40 || !DECIMAL.matcher(text).matches()) {
            throw new InvalidInputException(code, "'" + field + "' must be a plain decimal string such as \"12.5\" "
                    + "(no sign, no exponent)", field);
        }
        int dot = text.indexOf('.');
        String intPart = dot < 0 ? text : text.substring(0, dot);
        String frac = dot < 0 ? "" : text.substring(dot + 1);
        if (frac.length() > scale) {
            throw new InvalidInputException(code, "'" + field + "' has more than " + scale + " decimals", field);
        }
        try {
            long whole = Long.parseLong(intPart);
            long units = Math.multiplyExact(whole, POW10[scale]);
            long fracUnits = frac.isEmpty() ? 0 : Long.parseLong(frac) * POW10[scale - frac.length()];
            return Math.addExact(units, fracUnits);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInputException(code, "'" + field + "' is too large", field);
        }
    }

    /** Formats units of {@code 10^-scale} as a plain decimal without trailing zeros ("12.5", "0", "-3.1"). */
    public static String format(long units, int scale) {
        BigDecimal d = BigDecimal.valueOf(units, scale).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
