package io.skyx.node.coin;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The decimal form of coin amounts used by Skycoin's v1 JSON ({@code "1000000.000000"}): droplets (unsigned 64-bit)
 * with exactly six decimals.
 */
public final class Droplets {
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,13})(?:\\.([0-9]{1,6}))?");

    private Droplets() {
    }

    /** @return {@code droplets} as SKY with six decimals, e.g. {@code 1500000 -> "1.500000"} */
    public static String format(long droplets) {
        String whole = Long.toUnsignedString(Long.divideUnsigned(droplets, CoinHours.DROPLETS_PER_COIN));
        long frac = Long.remainderUnsigned(droplets, CoinHours.DROPLETS_PER_COIN);
        return whole + "." + String.format("%06d", frac);
    }

    /**
     * Parses a non-negative SKY amount with at most six decimals, no sign, exponent or leading zeros.
     *
     * @return the droplets, or empty if the text is not such an amount or does not fit in 64 bits
     */
    public static Optional<Long> parse(String text) {
        var m = DECIMAL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long whole = Long.parseLong(m.group(1));
        String fracText = m.group(2) == null ? "" : m.group(2);
        long frac = fracText.isEmpty() ? 0 : Long.parseLong((fracText + "000000").substring(0, 6));
        if (U64.mulOverflows(whole, CoinHours.DROPLETS_PER_COIN)
                || U64.addOverflows(whole * CoinHours.DROPLETS_PER_COIN, frac)) {
            return Optional.empty();
        }
        return Optional.of(whole * CoinHours.DROPLETS_PER_COIN + frac);
    }
}
