package io.skyx.engine;

/**
 * Price levels of one side in a window of the price axis: slot {@code price - base} holds the level, a bitmap
 * marks the occupied slots, and the best slot is cached. Lookup, insert and remove are O(1); finding the next
 * level is a scan of 64-bit words. The window grows (re-centred, doubling) to take a price outside it, up to
 * {@link #MAX_WIDTH} slots; beyond that {@link #fits} says no and {@link FastSide} switches to a
 * {@link SortedLadder}.
 */
final class DirectLadder {
    static final int MAX_WIDTH = 1 << 20;

    private final boolean bid;
    private long base;
    private int width;
    private FastLevel[] slots;
    private long[] bits;
    private int n;
    private int best = -1;

    DirectLadder(boolean bid) {
        this.bid = bid;
    }

    int size() {
        return n;
    }

    FastLevel best() {
        return best < 0 ? null : slots[best];
    }

    FastLevel find(long price) {
        long off = price - base;
        return slots == null || off < 0 || off >= width ? null : slots[(int) off];
    }

    /** True if the price is in the window, or the window could grow to take it. */
    boolean fits(long price) {
        if (slots == null || n == 0) {
            return true;
        }
        long off = price - base;
        if (off >= 0 && off < width) {
            return true;
        }
        long lo = Math.min(price, slots[lowest()].price);
        long hi = Math.max(price, slots[highest()].price);
        return hi - lo < MAX_WIDTH / 2;
    }

    void insert(FastLevel level) {
        long off = level.price - base;
        if (slots == null || n == 0 && (off < 0 || off >= width)) {
            recentre(level.price, level.price, 1024);
            off = level.price - base;
        } else if (off < 0 || off >= width) {
            grow(level.price);
            off = level.price - base;
        }
        int i = (int) off;
        slots[i] = level;
        bits[i >>> 6] |= 1L << i;
        n++;
        if (best < 0 || (bid ? i > best : i < best)) {
            best = i;
        }
    }

    void remove(FastLevel level) {
        int i = (int) (level.price - base);
        slots[i] = null;
        bits[i >>> 6] &= ~(1L << i);
        n--;
        if (i == best) {
            best = n == 0 ? -1 : bid ? below(i) : above(i);
        }
    }

    /** The next worse level, or null. */
    FastLevel worse(FastLevel level) {
        int i = (int) (level.price - base);
        int j = bid ? below(i) : above(i);
        return j < 0 ? null : slots[j];
    }

    /** Highest occupied slot below i, or -1. */
    private int below(int i) {
        int w = i >>> 6;
        long word = bits[w] & ((1L << i) - 1);
        while (true) {
            if (word != 0) {
                return (w << 6) + 63 - Long.numberOfLeadingZeros(word);
            }
            if (--w < 0) {
                return -1;
            }
            word = bits[w];
        }
    }

    /** Lowest occupied slot above i, or -1. */
    private int above(int i) {
        if (i + 1 >= width) {
            return -1;
        }
        int w = (i + 1) >>> 6;
        long word = bits[w] & (-1L << (i + 1));
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w >= bits.length) {
                return -1;
            }
            word = bits[w];
        }
    }

    /** Lowest occupied slot (n &gt; 0). */
    private int lowest() {
        int w = 0;
        while (bits[w] == 0) {
            w++;
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits[w]);
    }

    /** Highest occupied slot (n &gt; 0). */
    private int highest() {
        int w = bits.length - 1;
        while (bits[w] == 0) {
            w--;
        }
        return (w << 6) + 63 - Long.numberOfLeadingZeros(bits[w]);
    }

    private void grow(long price) {
        long lo = Math.min(price, slots[lowest()].price);
        long hi = Math.max(price, slots[highest()].price);
        int w = width;
        while (w < 2 * (hi - lo + 1)) {
            w <<= 1;
        }
        recentre(lo, hi, w);
    }

    /** New window of width w centred on [lo, hi], keeping every level. */
    private void recentre(long lo, long hi, int w) {
        FastLevel[] old = slots;
        long[] oldBits = bits;
        base = lo - (w - (hi - lo + 1)) / 2;
        width = w;
        slots = new FastLevel[w];
        bits = new long[w >>> 6];
        best = -1;
        if (old != null && n > 0) {
            for (int k = 0; k < oldBits.length; k++) {
                long word = oldBits[k];
                while (word != 0) {
                    FastLevel level = old[(k << 6) + Long.numberOfTrailingZeros(word)];
                    word &= word - 1;
                    int i = (int) (level.price - base);
                    slots[i] = level;
                    bits[i >>> 6] |= 1L << i;
                    if (best < 0 || (bid ? i > best : i < best)) {
                        best = i;
                    }
                }
            }
        }
    }
}
