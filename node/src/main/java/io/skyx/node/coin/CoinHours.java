package io.skyx.node.coin;

/**
 * Coin hours an output holds at a given block time (skycoin-protocol.md §7.3). Every coin earns one coin-second per
 * second; 3600 coin-seconds are one coin hour, rounded down. Whole coins and leftover droplets are multiplied
 * separately so that the arithmetic stays within 64 bits as in Skycoin.
 */
public final class CoinHours {
    /** Droplets per whole coin (1 SKY = 10^6 droplets). */
    public static final long DROPLETS_PER_COIN = 1_000_000L;
    static final long SECONDS_PER_HOUR = 3600L;

    /** Outcome of a coin-hours computation. */
    public enum Status {
        OK,
        /** seconds × whole coins overflows uint64 */
        WHOLE_COIN_SECONDS_OVERFLOW,
        /** seconds × leftover droplets overflows uint64 */
        DROPLET_SECONDS_OVERFLOW,
        /** whole coin-seconds + droplet coin-seconds overflows uint64 */
        COIN_SECONDS_OVERFLOW,
        /**
         * base hours + earned hours overflows uint64 ({@code ErrAddEarnedCoinHoursAdditionOverflow}); block
         * validation counts such an input as 0 hours (mainnet block 13277).
         */
        EARNED_ADDITION_OVERFLOW
    }

    /**
     * @param status outcome
     * @param hours  the coin hours (unsigned) when {@code status == OK}, else 0
     */
    public record Result(Status status, long hours) {
        public boolean ok() {
            return status == Status.OK;
        }
    }

    private CoinHours() {
    }

    /**
     * @param coins       output coins in droplets (unsigned)
     * @param baseHours   the hours the output was created with (unsigned)
     * @param createdTime time of the block that created the output (unix seconds, unsigned)
     * @param at          the block time to evaluate at (unsigned); earlier than creation gives the base hours
     */
    public static Result at(long coins, long baseHours, long createdTime, long at) {
        if (U64.lessThan(at, createdTime)) {
            return new Result(Status.OK, baseHours);
        }
        long seconds = at - createdTime;
        long wholeCoins = Long.divideUnsigned(coins, DROPLETS_PER_COIN);
        if (U64.mulOverflows(seconds, wholeCoins)) {
            return new Result(Status.WHOLE_COIN_SECONDS_OVERFLOW, 0);
        }
        long wholeCoinSeconds = seconds * wholeCoins;
        long droplets = Long.remainderUnsigned(coins, DROPLETS_PER_COIN);
        if (U64.mulOverflows(seconds, droplets)) {
            return new Result(Status.DROPLET_SECONDS_OVERFLOW, 0);
        }
        long dropletCoinSeconds = Long.divideUnsigned(seconds * droplets, DROPLETS_PER_COIN);
        if (U64.addOverflows(wholeCoinSeconds, dropletCoinSeconds)) {
            return new Result(Status.COIN_SECONDS_OVERFLOW, 0);
        }
        long earned = Long.divideUnsigned(wholeCoinSeconds + dropletCoinSeconds, SECONDS_PER_HOUR);
        if (U64.addOverflows(baseHours, earned)) {
            return new Result(Status.EARNED_ADDITION_OVERFLOW, 0);
        }
        return new Result(Status.OK, baseHours + earned);
    }
}
