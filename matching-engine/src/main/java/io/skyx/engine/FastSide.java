package io.skyx.engine;

import java.util.Arrays;

/**
 * One side of a fast book: price levels in an array sorted from worst to best, so the best level is last and
 * the busy end of the book moves the fewest elements. Keys are price for bids and -price for asks, ascending.
 */
final class FastSide {
    final Side side;
    private long[] keys = new long[64];
    private FastLevel[] levels = new FastLevel[64];
    private int n;
    private FastLevel[] pool = new FastLevel[64];
    private int pooled;

    FastSide(Side side) {
        this.side = side;
    }

    private long key(long price) {
        return side == Side.BID ? price : -price;
    }

    int size() {
        return n;
    }

    /** The level at position i counted from the best (0 = best). */
    FastLevel fromBest(int i) {
        return levels[n - 1 - i];
    }

    FastLevel best() {
        return n == 0 ? null : levels[n - 1];
    }

    private int search(long k) {
        int lo = n - 1;
        // most lookups hit near the best end: check it before searching
        if (lo >= 0 && keys[lo] == k) {
            return lo;
        }
        return Arrays.binarySearch(keys, 0, n, k);
    }

    FastLevel find(long price) {
        int i = search(key(price));
        return i >= 0 ? levels[i] : null;
    }

    FastLevel getOrCreate(long price) {
        long k = key(price);
        int i = search(k);
        if (i >= 0) {
            return levels[i];
        }
        i = -i - 1;
        if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
            levels = Arrays.copyOf(levels, n * 2);
        }
        System.arraycopy(keys, i, keys, i + 1, n - i);
        System.arraycopy(levels, i, levels, i + 1, n - i);
        FastLevel level = pooled > 0 ? pool[--pooled] : new FastLevel();
        level.price = price;
        level.total = 0;
        keys[i] = k;
        levels[i] = level;
        n++;
        return level;
    }

    /** Removes an empty level and returns it to the pool. */
    void removeLevel(FastLevel level) {
        int i = search(key(level.price));
        System.arraycopy(keys, i + 1, keys, i, n - i - 1);
        System.arraycopy(levels, i + 1, levels, i, n - i - 1);
        n--;
        levels[n] = null;
        level.head = null;
        level.tail = null;
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }
}
