package io.skyx.engine;

import java.util.Arrays;

/**
 * Aggregated book (top levels per side). Bids best (highest) first, asks best (lowest) first; prices in ticks,
 * sizes in lots.
 *
 * @param marketId   market
 * @param bidPrices  bid level prices
 * @param bidSizes   bid level total sizes
 * @param askPrices  ask level prices
 * @param askSizes   ask level total sizes
 */
public record L2Book(int marketId, long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes) {

    /** Copies the arrays and checks they pair up. */
    public L2Book {
        bidPrices = bidPrices.clone();
        bidSizes = bidSizes.clone();
        askPrices = askPrices.clone();
        askSizes = askSizes.clone();
        if (bidPrices.length != bidSizes.length || askPrices.length != askSizes.length) {
            throw new IllegalArgumentException("prices and sizes must have the same length");
        }
    }

    @Override
    public long[] bidPrices() {
        return bidPrices.clone();
    }

    @Override
    public long[] bidSizes() {
        return bidSizes.clone();
    }

    @Override
    public long[] askPrices() {
        return askPrices.clone();
    }

    @Override
    public long[] askSizes() {
        return askSizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof L2Book b && b.marketId == marketId && Arrays.equals(b.bidPrices, bidPrices)
                && Arrays.equals(b.bidSizes, bidSizes) && Arrays.equals(b.askPrices, askPrices)
                && Arrays.equals(b.askSizes, askSizes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * marketId + Arrays.hashCode(bidPrices)) + Arrays.hashCode(bidSizes))
                + Arrays.hashCode(askPrices)) + Arrays.hashCode(askSizes);
    }

    @Override
    public String toString() {
        return "L2Book[market=" + marketId + ", bids=" + levels(bidPrices, bidSizes) + ", asks="
                + levels(askPrices, askSizes) + "]";
    }

    private static String levels(long[] prices, long[] sizes) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < prices.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(prices[i]).append('x').append(sizes[i]);
        }
        return sb.append(']').toString();
    }
}
