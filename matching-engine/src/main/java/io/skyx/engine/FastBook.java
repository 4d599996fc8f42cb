package io.skyx.engine;

import java.util.List;

/** One market's book in the fast engine. */
final class FastBook {
    final MarketSpec market;
    final int baseIdx;
    final int quoteIdx;
    final FastSide bids = new FastSide(Side.BID);
    final FastSide asks = new FastSide(Side.ASK);

    FastBook(MarketSpec market, int baseIdx, int quoteIdx) {
        this.market = market;
        this.baseIdx = baseIdx;
        this.quoteIdx = quoteIdx;
    }

    FastSide side(Side side) {
        return side == Side.BID ? bids : asks;
    }

    int lockIdx(Side side) {
        return side == Side.BID ? quoteIdx : baseIdx;
    }

    void add(FastOrder o) {
        side(o.side).getOrCreate(o.price).append(o);
    }

    /** Unlinks a resting order; returns its level's new total (0 when the level is gone). */
    long remove(FastOrder o) {
        FastLevel level = o.level;
        level.unlink(o);
        if (level.head == null) {
            side(o.side).removeLevel(level);
            return 0;
        }
        return level.total;
    }

    static boolean crossesLevel(Side takerSide, long limit, long levelPrice) {
        return takerSide == Side.BID ? levelPrice <= limit : levelPrice >= limit;
    }

    boolean crosses(Side takerSide, long limit) {
        FastLevel best = side(takerSide.opposite()).best();
        return best != null && crossesLevel(takerSide, limit, best.price);
    }

    boolean fillable(long userId, Side side, OrderType type, long limit, long size, long budget, StpMode stp) {
        FastSide other = side(side.opposite());
        long need = size;
        long cost = 0;
        long tick = market.quoteTickUnits();
        walk:
        for (FastLevel level = other.best(); level != null; level = other.worse(level)) {
            if (type == OrderType.FOK && !crossesLevel(side, limit, level.price)) {
                break;
            }
            for (FastOrder maker = level.head; maker != null; maker = maker.next) {
                if (maker.userId == userId && stp != StpMode.NONE) {
                    if (stp == StpMode.EXPIRE_MAKER) {
                        continue;
                    }
                    break walk;
                }
                long q = Math.min(need, maker.remaining);
                cost = Arith.satAdd(cost, Arith.satMul(Arith.satMul(q, maker.price), tick));
                need -= q;
                if (need == 0) {
                    break walk;
                }
            }
        }
        if (need > 0) {
            return false;
        }
        return type == OrderType.FOK || (side == Side.BID ? cost <= budget : cost >= budget);
    }

    L2Book l2(int depth) {
        int nb = Math.min(Math.max(depth, 0), bids.size());
        int na = Math.min(Math.max(depth, 0), asks.size());
        long[] bp = new long[nb];
        long[] bs = new long[nb];
        long[] ap = new long[na];
        long[] as = new long[na];
        FastLevel l = bids.best();
        for (int i = 0; i < nb; i++, l = bids.worse(l)) {
            bp[i] = l.price;
            bs[i] = l.total;
        }
        l = asks.best();
        for (int i = 0; i < na; i++, l = asks.worse(l)) {
            ap[i] = l.price;
            as[i] = l.total;
        }
        return new L2Book(market.id(), bp, bs, ap, as);
    }

    void export(List<EngineState.Order> out) {
        for (FastSide s : new FastSide[] {bids, asks}) {
            for (FastLevel l = s.best(); l != null; l = s.worse(l)) {
                for (FastOrder o = l.head; o != null; o = o.next) {
                    out.add(o.export());
                }
            }
        }
    }
}
