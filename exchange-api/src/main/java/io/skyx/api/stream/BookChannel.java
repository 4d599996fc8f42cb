package io.skyx.api.stream;

import io.skyx.api.market.Market;
import io.skyx.engine.L2Book;
import io.skyx.engine.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One market's book as the stream shows it: the full book, the sequence number of the last delta, and a bounded
 * window of recent deltas for clients that resume with "since N". Used only on the hub's thread.
 */
final class BookChannel {

    /** A delta message as sent, with its sequence number. */
    record Delta(long seq, Map<String, Object> message) {
    }

    private final Market market;
    private final int window;
    private final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    private final ArrayDeque<Delta> recent = new ArrayDeque<>();
    private long seq;

    BookChannel(Market market, int window) {
        this.market = market;
        this.window = window;
    }

    /** Resets to a full book; the next delta gets {@code startSeq + 1}. */
    void reset(long startSeq, L2Book book) {
        bids.clear();
        asks.clear();
        recent.clear();
        long[] bp = book.bidPrices();
        long[] bs = book.bidSizes();
        for (int i = 0; i < bp.length; i++) {
            bids.put(bp[i], bs[i]);
        }
        long[] ap = book.askPrices();
        long[] as = book.askSizes();
        for (int i = 0; i < ap.length; i++) {
            asks.put(ap[i], as[i]);
        }
        seq = startSeq;
    }

    /** Applies the level changes of one command (side, price, new size) and returns the delta message. */
    Delta apply(List<long[]> bidChanges, List<long[]> askChanges) {
        for (long[] c : bidChanges) {
            put(bids, c[0], c[1]);
        }
        for (long[] c : askChanges) {
            put(asks, c[0], c[1]);
        }
        seq++;
        Map<String, Object> m = header("delta");
        m.put("bids", levels(bidChanges));
        m.put("asks", levels(askChanges));
        Delta d = new Delta(seq, m);
        recent.addLast(d);
        while (recent.size() > window) {
            recent.removeFirst();
        }
        return d;
    }

    /** The deltas after {@code since}, or null when they are no longer (or not) retained. */
    List<Delta> since(long since) {
        if (since == seq) {
            return List.of();
        }
        if (since > seq || recent.isEmpty() || recent.getFirst().seq() > since + 1) {
            return null;
        }
        List<Delta> out = new ArrayList<>();
        for (Delta d : recent) {
            if (d.seq() > since) {
                out.add(d);
            }
        }
        return out;
    }

    /** The full book as a snapshot message at the current sequence number. */
    Map<String, Object> snapshot() {
        Map<String, Object> m = header("snapshot");
        m.put("bids", levels(bids));
        m.put("asks", levels(asks));
        return m;
    }

    private Map<String, Object> header(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", "book");
        m.put("market", market.id());
        m.put("type", type);
        m.put("seq", seq);
        return m;
    }

    private static void put(TreeMap<Long, Long> side, long price, long size) {
        if (size == 0) {
            side.remove(price);
        } else {
            side.put(price, size);
        }
    }

    private List<List<String>> levels(Map<Long, Long> side) {
        List<List<String>> out = new ArrayList<>(side.size());
        side.forEach((p, s) -> out.add(List.of(market.formatPrice(p), market.formatSize(s))));
        return Collections.unmodifiableList(out);
    }

    private List<List<String>> levels(List<long[]> changes) {
        List<List<String>> out = new ArrayList<>(changes.size());
        for (long[] c : changes) {
            out.add(List.of(market.formatPrice(c[0]), market.formatSize(c[1])));
        }
        return out;
    }

    static boolean isBid(Side side) {
        return side == Side.BID;
    }
}
