package io.skyx.engine;

import java.util.Arrays;

/**
 * One side of a fast book: a {@link DirectLadder} while the prices fit in its window (the usual case), else a
 * {@link SortedLadder} for good. Also pools the level objects.
 */
final class FastSide {
    final Side side;
    private DirectLadder direct;
    private SortedLadder sorted;
    private FastLevel[] pool = new FastLevel[64];
    private int pooled;

    FastSide(Side side) {
        this.side = side;
        this.direct = new DirectLadder(side == Side.BID);
    }

    int size() {
        return direct != null ? direct.size() : sorted.size();
    }

    FastLevel best() {
        return direct != null ? direct.best() : sorted.best();
    }

    /** The next worse level, or null. */
    FastLevel worse(FastLevel level) {
        return direct != null ? direct.worse(level) : sorted.worse(level);
    }

    FastLevel getOrCreate(long price) {
        FastLevel level = direct != null ? direct.find(price) : sorted.find(price);
        if (level != null) {
            return level;
        }
        level = pooled > 0 ? pool[--pooled] : new FastLevel();
        level.price = price;
        level.total = 0;
        if (direct != null && !direct.fits(price)) {
            sorted = new SortedLadder(side == Side.BID);
            for (FastLevel l = direct.best(); l != null; l = direct.worse(l)) {
                sorted.insert(l);
            }
            direct = null;
        }
        if (direct != null) {
            direct.insert(level);
        } else {
            sorted.insert(level);
        }
        return level;
    }

    /** Removes an empty level and returns it to the pool. */
    void removeLevel(FastLevel level) {
        if (direct != null) {
            direct.remove(level);
        } else {
            sorted.remove(level);
        }
        level.head = null;
        level.tail = null;
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }
}
