package io.skyx.engine;

import java.util.Arrays;

/**
 * Price levels of one side in an array sorted from worst to best (best last), found by binary search. Works for
 * any spread of prices; {@link FastSide} uses it when the prices are too far apart for a {@link DirectLadder}.
 * Keys are price for bids and -price for asks, ascending.
 */
final class SortedLadder {
    private final boolean bid;
    private long[] keys = new long[64];
    private FastLevel[] levels = new FastLevel[64];
    private int n;

    SortedLadder(boolean bid) {
        this.bid = bid;
    }

    private long key(long price) {
        return bid ? price : -price;
    }

    int size() {
        return n;
    }

    FastLevel best() {
        return n == 0 ? null : levels[n - 1];
    }

    private int search(long k) {
        int last = n - 1;
        if (last >= 0 && keys[last] == k) {
            return last;
        }
        return Arrays.binarySearch(keys, 0, n, k);
    }

    FastLevel find(long price) {
        int i = search(key(price));
        return i >= 0 ? levels[i] : null;
    }

    /** The next worse level, or null. */
    FastLevel worse(FastLevel level) {
        int i = search(key(level.price));
        return i > 0 ? levels[i - 1] : null;
    }

    void insert(FastLevel level) {
        long k = key(level.price);
        int i = -search(k) - 1;
        if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
            levels = Arrays.copyOf(levels, n * 2);
        }
        System.arraycopy(keys, i, keys, i + 1, n - i);
        System.arraycopy(levels, i, levels, i + 1, n - i);
        keys[i] = k;
        levels[i] = level;
        n++;
    }

    void remove(FastLevel level) {
        int i = search(key(level.price));
        System.arraycopy(keys, i + 1, keys, i, n - i - 1);
        System.arraycopy(levels, i + 1, levels, i, n - i - 1);
        n--;
        levels[n] = null;
    }
}
