package io.skyx.api.stream;

import io.skyx.api.market.Market;
import io.skyx.engine.L2Book;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * One market's full book as the stream shows it, kept from the engine's book deltas: the source of the book
 * channel's snapshots and deltas. Used only on the hub's thread.
 */
final class BookChannel {

    private final Market market;
    private final JsonMapper json;
    private final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    private String snapshot;
    private long snapshotSeq = -1;

    BookChannel(Market market, JsonMapper json) {
        this.market = market;
        this.json = json;
    }

    String stream() {
        return "book:" + market.id();
    }

    /** Resets to a full book. */
    void reset(L2Book book) {
        snapshot = null;
        bids.clear();
        asks.clear();
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
    }

    /** Applies the level changes of command {@code seq} ({price, new size}) and returns its delta message. */
    Msg apply(long seq, List<long[]> bidChanges, List<long[]> askChanges) {
        snapshot = null;
        for (long[] c : bidChanges) {
            put(bids, c[0], c[1]);
        }
        for (long[] c : askChanges) {
            put(asks, c[0], c[1]);
        }
        Map<String, Object> m = header("delta", seq);
        m.put("idx", 0);
        m.put("bids", levels(bidChanges));
        m.put("asks", levels(askChanges));
        return new Msg(stream(), seq, 0, json.writeValueAsString(m));
    }

    /** The full book as a snapshot message: the state after command {@code seq} (built once per change). */
    String snapshot(long seq) {
        if (snapshot == null || snapshotSeq != seq) {
            Map<String, Object> m = header("snapshot", seq);
            m.put("bids", levels(bids));
            m.put("asks", levels(asks));
            snapshot = json.writeValueAsString(m);
            snapshotSeq = seq;
        }
        return snapshot;
    }

    private Map<String, Object> header(String type, long seq) {
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
}
