package io.skyx.engine;

/**
 * Checks of a place command that do not depend on engine state, and the lock an order takes. Shared by both
 * implementations so they refuse the same inputs with the same codes.
 */
final class PlaceRules {
    private PlaceRules() {
    }

    static ResultCode check(MarketSpec m, long userId, long orderId, long clientOrderId, Side side, OrderType type,
                            long price, long size, long budget, StpMode stp) {
        if (side == null || type == null || stp == null || userId <= 0 || orderId <= 0 || clientOrderId < 0) {
            return ResultCode.INVALID_ARGUMENT;
        }
        if (m == null) {
            return ResultCode.UNKNOWN_MARKET;
        }
        boolean marketBuy = type == OrderType.MARKET && side == Side.BID;
        boolean needsPrice = type != OrderType.MARKET && type != OrderType.FOK_BUDGET;
        if (needsPrice ? price < 1 || price > EngineLimits.MAX_PRICE : price != 0) {
            return ResultCode.INVALID_PRICE;
        }
        if (marketBuy ? size != 0 : size < 1 || size > EngineLimits.MAX_SIZE) {
            return ResultCode.INVALID_SIZE;
        }
        boolean needsBudget = marketBuy || type == OrderType.FOK_BUDGET;
        if (needsBudget ? budget < 1 || budget > EngineLimits.MAX_NOTIONAL : budget != 0) {
            return ResultCode.INVALID_AMOUNT;
        }
        if (!marketBuy) {
            if (size < m.minSize()) {
                return ResultCode.BELOW_MIN_SIZE;
            }
            if (Arith.satMul(size, m.baseLotUnits()) > EngineLimits.MAX_BASE_AMOUNT) {
                return ResultCode.INVALID_SIZE;
            }
        }
        long notional = needsPrice ? Arith.satMul(Arith.satMul(price, size), m.quoteTickUnits()) : budget;
        if (notional > EngineLimits.MAX_NOTIONAL) {
            return ResultCode.ABOVE_MAX_NOTIONAL;
        }
        if ((needsPrice || needsBudget) && notional < m.minNotional()) {
            return ResultCode.BELOW_MIN_NOTIONAL;
        }
        return ResultCode.OK;
    }

    /** What an order that passed {@link #check} locks: quote units for a BID, base units for an ASK. */
    static long lock(MarketSpec m, Side side, OrderType type, long price, long size, long budget) {
        if (side == Side.ASK) {
            return size * m.baseLotUnits();
        }
        return switch (type) {
            case MARKET -> budget;
            case FOK_BUDGET -> Arith.bidLock(budget, m.maxFeePpm(), 0);
            default -> Arith.bidLock(price * size * m.quoteTickUnits(), m.maxFeePpm(), 0);
        };
    }

    /** What a resting order needs locked at a price and remaining size (after fees paid with this credit). */
    static long restingLock(MarketSpec m, Side side, long price, long remaining, long feeCredit) {
        if (side == Side.ASK) {
            return remaining * m.baseLotUnits();
        }
        return Arith.bidLock(price * remaining * m.quoteTickUnits(), m.maxFeePpm(), feeCredit);
    }

    /** Checks an amend's new price and remaining size; resolves 0 to "unchanged" in the caller. */
    static ResultCode checkAmend(MarketSpec m, long newPrice, long newRemaining, long price, long remaining) {
        if (newPrice < 0 || newPrice > EngineLimits.MAX_PRICE) {
            return ResultCode.INVALID_PRICE;
        }
        if (newRemaining < 0 || newRemaining > EngineLimits.MAX_SIZE
                || Arith.satMul(newRemaining, m.baseLotUnits()) > EngineLimits.MAX_BASE_AMOUNT) {
            return ResultCode.INVALID_SIZE;
        }
        if (newPrice == 0 && (newRemaining == 0 || newRemaining == remaining)) {
            return ResultCode.NOTHING_TO_CHANGE;
        }
        long p = newPrice == 0 ? price : newPrice;
        long r = newRemaining == 0 ? remaining : newRemaining;
        if (Arith.satMul(Arith.satMul(p, r), m.quoteTickUnits()) > EngineLimits.MAX_NOTIONAL) {
            return ResultCode.ABOVE_MAX_NOTIONAL;
        }
        return ResultCode.OK;
    }
}
