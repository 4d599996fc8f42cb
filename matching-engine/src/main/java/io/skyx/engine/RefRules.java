package io.skyx.engine;

import java.math.BigInteger;

/**
 * The reference engine's own arithmetic and input checks, written from the rules in the package documentation
 * with BigInteger so that nothing can overflow and nothing is shared with the fast engine ({@code PlaceRules},
 * {@code Arith}): the differential test can then see an arithmetic bug in either.
 */
final class RefRules {
    private static final BigInteger PPM = BigInteger.valueOf(EngineLimits.PPM);

    private RefRules() {
    }

    static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    private static boolean within(BigInteger v, long lo, long hi) {
        return v.compareTo(big(lo)) >= 0 && v.compareTo(big(hi)) <= 0;
    }

    /** ceil(a / 10^6), rounding towards +infinity for any sign of a. */
    static BigInteger ceilPpm(BigInteger a) {
        BigInteger[] qr = a.divideAndRemainder(PPM);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /**
     * The fee an order owes for one more trade of fee basis {@code x = notional * ratePpm}: the increase of
     * ceil(total basis / 10^6) over what it has paid. {@code basis} is the order's total basis so far minus
     * 10^6 x what it paid so far (so it is 0 for a new order).
     */
    static long fee(BigInteger basis, long notional, int ratePpm) {
        BigInteger owed = ceilPpm(basis.add(big(notional).multiply(big(ratePpm))));
        return owed.signum() > 0 ? owed.longValueExact() : 0;
    }

    /** The order's basis after a trade of this notional and rate that charged {@code fee}. */
    static BigInteger basisAfter(BigInteger basis, long notional, int ratePpm, long fee) {
        return basis.add(big(notional).multiply(big(ratePpm))).subtract(big(fee).multiply(PPM));
    }

    /** A limit bid's lock for a notional: the notional plus the largest fee it could cost at the larger rate. */
    static long bidLock(MarketSpec m, long notional, BigInteger basis) {
        return Math.addExact(notional, fee(basis, notional, Math.max(m.makerFeePpm(), m.takerFeePpm())));
    }

    static long notional(MarketSpec m, long price, long size) {
        return big(price).multiply(big(size)).multiply(big(m.quoteTickUnits())).longValueExact();
    }

    /** What a new order locks (its checks passed). */
    static long lock(MarketSpec m, Side side, OrderType type, long price, long size, long budget) {
        if (side == Side.ASK) {
            return big(size).multiply(big(m.baseLotUnits())).longValueExact();
        }
        if (type == OrderType.MARKET) {
            return budget;
        }
        long n = type == OrderType.FOK_BUDGET ? budget : notional(m, price, size);
        return bidLock(m, n, BigInteger.ZERO);
    }

    /** What a resting order needs locked at this price and remaining size. */
    static long restingLock(MarketSpec m, Side side, long price, long remaining, BigInteger basis) {
        if (side == Side.ASK) {
            return big(remaining).multiply(big(m.baseLotUnits())).longValueExact();
        }
        return bidLock(m, notional(m, price, remaining), basis);
    }

    /**
     * A market buy's lots at one level: the most lots q (at most cap) whose notional plus the taker fee fits in
     * the budget left. Cost grows with q, so a binary search over [0, cap] finds it.
     */
    static long affordableLots(MarketSpec m, long price, long budget, BigInteger basis, long cap) {
        long lo = 0;
        long hi = cap;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            BigInteger n = big(price).multiply(big(mid)).multiply(big(m.quoteTickUnits()));
            if (n.compareTo(big(budget)) <= 0
                    && n.add(big(fee(basis, n.longValueExact(), m.takerFeePpm()))).compareTo(big(budget)) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The checks of a place command that do not depend on engine state, in the documented order. */
    static ResultCode checkPlace(MarketSpec m, long userId, long orderId, long clientOrderId, Side side,
                                 OrderType type, long price, long size, long budget, StpMode stp) {
        if (side == null || type == null || stp == null || userId < 1 || orderId < 1 || clientOrderId < 0) {
            return ResultCode.INVALID_ARGUMENT;
        }
        if (m == null) {
            return ResultCode.UNKNOWN_MARKET;
        }
        boolean marketBuy = side == Side.BID && type == OrderType.MARKET;
        boolean hasPrice = type == OrderType.GTC || type == OrderType.IOC || type == OrderType.FOK
                || type == OrderType.POST_ONLY;
        boolean hasBudget = marketBuy || type == OrderType.FOK_BUDGET;
        if (hasPrice && !within(big(price), 1, EngineLimits.MAX_PRICE) || !hasPrice && price != 0) {
            return ResultCode.INVALID_PRICE;
        }
        if (marketBuy && size != 0 || !marketBuy && !within(big(size), 1, EngineLimits.MAX_SIZE)) {
            return ResultCode.INVALID_SIZE;
        }
        if (hasBudget && !within(big(budget), 1, EngineLimits.MAX_NOTIONAL) || !hasBudget && budget != 0) {
            return ResultCode.INVALID_AMOUNT;
        }
        if (!marketBuy && size < m.minSize()) {
            return ResultCode.BELOW_MIN_SIZE;
        }
        if (!marketBuy && big(size).multiply(big(m.baseLotUnits())).compareTo(big(EngineLimits.MAX_BASE_AMOUNT)) > 0) {
            return ResultCode.INVALID_SIZE;
        }
        BigInteger n = hasPrice ? big(price).multiply(big(size)).multiply(big(m.quoteTickUnits())) : big(budget);
        if (n.compareTo(big(EngineLimits.MAX_NOTIONAL)) > 0) {
            return ResultCode.ABOVE_MAX_NOTIONAL;
        }
        if ((hasPrice || hasBudget) && n.compareTo(big(m.minNotional())) < 0) {
            return ResultCode.BELOW_MIN_NOTIONAL;
        }
        return ResultCode.OK;
    }

    /** The checks of an amend that do not depend on funds or the book. */
    static ResultCode checkAmend(MarketSpec m, long newPrice, long newRemaining, long price, long remaining) {
        if (!within(big(newPrice), 0, EngineLimits.MAX_PRICE)) {
            return ResultCode.INVALID_PRICE;
        }
        if (!within(big(newRemaining), 0, EngineLimits.MAX_SIZE)
                || big(newRemaining).multiply(big(m.baseLotUnits())).compareTo(big(EngineLimits.MAX_BASE_AMOUNT)) > 0) {
            return ResultCode.INVALID_SIZE;
        }
        long p = newPrice == 0 ? price : newPrice;
        long r = newRemaining == 0 ? remaining : newRemaining;
        if (newPrice == 0 && r == remaining) {
            return ResultCode.NOTHING_TO_CHANGE;
        }
        if (big(p).multiply(big(r)).multiply(big(m.quoteTickUnits())).compareTo(big(EngineLimits.MAX_NOTIONAL)) > 0) {
            return ResultCode.ABOVE_MAX_NOTIONAL;
        }
        return ResultCode.OK;
    }
}
