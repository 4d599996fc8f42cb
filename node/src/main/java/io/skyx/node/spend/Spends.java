package io.skyx.node.spend;

import io.skyx.node.coin.Fees;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Skycoin's {@code ChooseSpendsMinimizeUxOuts} (src/transaction/choose.go): the fewest outputs that cover the coins
 * and, after the fee, the hours asked for.
 */
final class Spends {
    /** Coins high to low, then hours low to high, then oldest block, then uxid. */
    static final Comparator<UxBalance> COINS_HIGH_TO_LOW = Comparator
            .comparing(UxBalance::coins, Long::compareUnsigned).reversed()
            .thenComparing(UxBalance::hours, Long::compareUnsigned)
            .thenComparing(UxBalance::bkSeq, Long::compareUnsigned)
            .thenComparing(UxBalance::hash);
    /** Hours low to high, then coins low to high, then oldest block, then uxid. */
    static final Comparator<UxBalance> HOURS_LOW_TO_HIGH = Comparator
            .comparing(UxBalance::hours, Long::compareUnsigned)
            .thenComparing(UxBalance::coins, Long::compareUnsigned)
            .thenComparing(UxBalance::bkSeq, Long::compareUnsigned)
            .thenComparing(UxBalance::hash);

    private Spends() {
    }

    /**
     * The output with the most coins among those with hours first, then outputs without hours, then the other
     * outputs with hours, each group in {@link #COINS_HIGH_TO_LOW} order, until coins and remaining hours suffice.
     */
    static List<UxBalance> choose(List<UxBalance> pool, long coins, long hours, int burnFactor)
            throws SpendException {
        if (coins == 0) {
            throw new SpendException("zero spend amount", true);
        }
        if (pool.isEmpty()) {
            throw new SpendException("no unspents to spend", true);
        }
        List<UxBalance> nonzero = new ArrayList<>();
        List<UxBalance> zero = new ArrayList<>();
        for (UxBalance u : pool) {
            (u.hours() == 0 ? zero : nonzero).add(u);
        }
        if (nonzero.isEmpty()) {
            throw new SpendException("Transaction has zero coinhour fee", true);
        }
        nonzero.sort(COINS_HIGH_TO_LOW);
        zero.sort(COINS_HIGH_TO_LOW);
        List<UxBalance> spending = new ArrayList<>();
        long[] have = new long[2];
        take(spending, have, nonzero.removeFirst());
        if (enough(have, coins, hours, burnFactor)) {
            return spending;
        }
        for (UxBalance u : zero) {
            take(spending, have, u);
            if (Long.compareUnsigned(have[0], coins) >= 0) {
                break;
            }
        }
        if (enough(have, coins, hours, burnFactor)) {
            return spending;
        }
        for (UxBalance u : nonzero) {
            take(spending, have, u);
            if (enough(have, coins, hours, burnFactor)) {
                return spending;
            }
        }
        if (Long.compareUnsigned(have[0], coins) < 0) {
            throw new SpendException("balance is not sufficient", true);
        }
        throw new SpendException("hours are not sufficient", true);
    }

    private static void take(List<UxBalance> spending, long[] have, UxBalance u) throws SpendException {
        spending.add(u);
        have[0] = add(have[0], u.coins());
        have[1] = add(have[1], u.hours());
    }

    private static boolean enough(long[] have, long coins, long hours, int burnFactor) {
        long remaining = have[1] - Fees.requiredFee(have[1], burnFactor);
        return Long.compareUnsigned(have[0], coins) >= 0 && Long.compareUnsigned(remaining, hours) >= 0;
    }

    static long add(long a, long b) throws SpendException {
        long s = a + b;
        if (Long.compareUnsigned(s, a) < 0) {
            throw new SpendException("uint64 addition overflow", true);
        }
        return s;
    }
}
