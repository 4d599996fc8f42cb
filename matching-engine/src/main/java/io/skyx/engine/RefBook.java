package io.skyx.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One market's book in the reference engine: per side a TreeMap from price to the level's orders, oldest first. */
final class RefBook {
    final MarketSpec market;
    private final TreeMap<Long, List<RefOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, List<RefOrder>> asks = new TreeMap<>();

    RefBook(MarketSpec market) {
        this.market = market;
    }

    private TreeMap<Long, List<RefOrder>> side(Side side) {
        return side == Side.BID ? bids : asks;
    }

    void add(RefOrder o) {
        side(o.side).computeIfAbsent(o.price, p -> new ArrayList<>()).add(o);
    }

    void remove(RefOrder o) {
        List<RefOrder> level = side(o.side).get(o.price);
        level.remove(o);
        if (level.isEmpty()) {
            side(o.side).remove(o.price);
        }
    }

    /** The first order to trade against for a taker on the other side, or null. */
    RefOrder best(Side side) {
        Map.Entry<Long, List<RefOrder>> e = side(side).firstEntry();
        return e == null ? null : e.getValue().get(0);
    }

    long levelSize(Side side, long price) {
        List<RefOrder> level = side(side).get(price);
        return level == null ? 0 : level.stream().mapToLong(o -> o.remaining).sum();
    }

    /** True if a taker of this side and limit would trade against a level at levelPrice. */
    boolean crossesLevel(Side takerSide, long limit, long levelPrice) {
        return takerSide == Side.BID ? levelPrice <= limit : levelPrice >= limit;
    }

    /** True if a taker of this side and limit would trade against the best opposite level. */
    boolean crosses(Side takerSide, long limit) {
        RefOrder best = best(takerSide.opposite());
        return best != null && crossesLevel(takerSide, limit, best.price);
    }

    /** FOK pre-check: could this order fill entirely (by size within the limit, or by size within the budget)? */
    boolean fillable(long userId, Side side, OrderType type, long limit, long size, long budget, StpMode stp) {
        long need = size;
        BigInteger cost = BigInteger.ZERO;
        walk:
        for (Map.Entry<Long, List<RefOrder>> level : side(side.opposite()).entrySet()) {
            if (type == OrderType.FOK && !crossesLevel(side, limit, level.getKey())) {
                break;
            }
            for (RefOrder maker : level.getValue()) {
                if (maker.userId == userId && stp != StpMode.NONE) {
                    if (stp == StpMode.EXPIRE_MAKER) {
                        continue;
                    }
                    break walk;
                }
                long q = Math.min(need, maker.remaining);
                cost = cost.add(RefRules.big(q).multiply(RefRules.big(maker.price))
                        .multiply(RefRules.big(market.quoteTickUnits())));
                need -= q;
                if (need == 0) {
                    break walk;
                }
            }
        }
        if (need > 0) {
            return false;
        }
        int vsBudget = cost.compareTo(RefRules.big(budget));
        return type == OrderType.FOK || (side == Side.BID ? vsBudget <= 0 : vsBudget >= 0);
    }

    L2Book l2(int depth) {
        long[][] b = levels(bids, depth);
        long[][] a = levels(asks, depth);
        return new L2Book(market.id(), b[0], b[1], a[0], a[1]);
    }

    private static long[][] levels(TreeMap<Long, List<RefOrder>> side, int depth) {
        int n = Math.min(Math.max(depth, 0), side.size());
        long[][] out = new long[2][n];
        int i = 0;
        for (Map.Entry<Long, List<RefOrder>> e : side.entrySet()) {
            if (i == n) {
                break;
            }
            out[0][i] = e.getKey();
            out[1][i] = e.getValue().stream().mapToLong(o -> o.remaining).sum();
            i++;
        }
        return out;
    }

    void export(List<EngineState.Order> out) {
        for (List<RefOrder> level : bids.values()) {
            level.forEach(o -> out.add(o.export()));
        }
        for (List<RefOrder> level : asks.values()) {
            level.forEach(o -> out.add(o.export()));
        }
    }
}
