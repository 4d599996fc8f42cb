package io.skyx.node.coin;

/**
 * Coin-hour fee arithmetic (Skycoin util/fee). The fee of a transaction is the input hours (at the head block time)
 * minus the output hours; a soft rule requires it to be at least {@code ceil(totalInputHours / burnFactor)}.
 */
public final class Fees {
    /** Burn factor in force on mainnet since v0.26.0: at least 1/10 of the input hours is burned. */
    public static final int DEFAULT_BURN_FACTOR = 10;
    /** The smallest burn factor a node may be configured with. */
    public static final int MIN_BURN_FACTOR = 2;

    private Fees() {
    }

    /**
     * @param hours      total hours of the inputs (unsigned)
     * @param burnFactor burn factor, at least 1
     * @return {@code ceil(hours / burnFactor)}, the least fee the soft rules accept
     */
    public static long requiredFee(long hours, int burnFactor) {
        if (burnFactor < 1) {
            throw new IllegalArgumentException("burn factor must be >= 1: " + burnFactor);
        }
        long fee = Long.divideUnsigned(hours, burnFactor);
        if (Long.remainderUnsigned(hours, burnFactor) != 0) {
            fee++;
        }
        return fee;
    }

    /**
     * Checks a fee against the burn factor for transactions whose outputs carry {@code outputHours}.
     *
     * @return {@link TxnResult#OK} if the fee is enough, otherwise the violated rule
     */
    public static TxnResult checkFee(long outputHours, long fee, int burnFactor) {
        if (fee == 0) {
            return TxnResult.NO_FEE;
        }
        if (U64.addOverflows(outputHours, fee)) {
            return TxnResult.HOURS_AND_FEE_OVERFLOW;
        }
        if (U64.lessThan(fee, requiredFee(outputHours + fee, burnFactor))) {
            return TxnResult.INSUFFICIENT_FEE;
        }
        return TxnResult.OK;
    }
}
