package io.skyx.custody;

import io.skyx.custody.platform.CustodyAsset;

/** Decimal strings ("0.0012") to integer units and back, refusing signs, exponents and excess decimals. */
public final class Amounts {

    private Amounts() {
    }

    /**
     * Parses a plain decimal with at most the asset's decimals into its smallest unit.
     *
     * @throws CustodyException INVALID_AMOUNT for anything else, or a value that does not fit a long
     */
    public static long parse(String text, CustodyAsset asset, String field) {
        int decimals = asset.decimals();
        if (text == null || !text.matches("\\d{1,19}(\\.\\d+)?")) {
            throw new CustodyException("INVALID_AMOUNT", "amount must be a plain decimal like \"0.001\"", field);
        }
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String frac = dot < 0 ? "" : text.substring(dot + 1);
        if (frac.length() > decimals) {
            throw new CustodyException("INVALID_AMOUNT",
                    asset + " amounts have at most " + decimals + " decimals: " + text, field);
        }
        try {
            long units = Math.multiplyExact(Long.parseLong(whole), pow10(decimals));
            return Math.addExact(units, frac.isEmpty() ? 0 : Long.parseLong(frac) * pow10(decimals - frac.length()));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new CustodyException("INVALID_AMOUNT", "amount out of range: " + text, field);
        }
    }

    /** Formats units as a decimal string with all the asset's decimals ("0.00120000"). */
    public static String format(long units, CustodyAsset asset) {
        long p = pow10(asset.decimals());
        String sign = units < 0 ? "-" : "";
        long abs = Math.abs(units);
        String frac = Long.toString(abs % p);
        return sign + abs / p + "." + "0".repeat(asset.decimals() - frac.length()) + frac;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
