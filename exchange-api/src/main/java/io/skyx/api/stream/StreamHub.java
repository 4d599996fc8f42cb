package io.skyx.api.stream;

import io.skyx.api.market.Asset;
import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.marketdata.MarketDataQueries;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.CommitListener;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.api.trading.OrderQueries;
import io.skyx.engine.L2Book;
import io.skyx.engine.Side;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket streams: public {@code book} (snapshot, then sequence-numbered deltas, resumable with "since"),
 * {@code trades} and {@code candles} per market; private {@code orders} and {@code balances} of the connection's
 * own user. Everything runs on one thread, fed by committed batches from the sequencer and by client messages,
 * so that a snapshot and the deltas after it always agree.
 */
@Component
class StreamHub implements CommitListener {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private static final class Client {
        final WebSocketSession session;
        final long userId;
        final Set<String> subscriptions = new HashSet<>();
        final Map<String, Long> seqs = new HashMap<>();

        Client(WebSocketSession session, long userId) {
            this.session = session;
            this.userId = userId;
        }

        long next(String channel) {
            return seqs.merge(channel, 1L, Long::sum);
        }
    }

    private static final TypeReference<Map<String, Object>> ORDER_FIELDS = new TypeReference<>() {
    };

    private final MarketCatalog catalog;
    private final OrderQueries orders;
    private final MarketDataQueries marketData;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "stream"));
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<Integer, BookChannel> books = new HashMap<>();
    private final Map<String, Long> marketSeqs = new HashMap<>();
    private final int window;

    StreamHub(MarketCatalog catalog, OrderQueries orders, MarketDataQueries marketData,
              @Value("${skyx.stream.book-window:1000}") int window) {
        this.catalog = catalog;
        this.orders = orders;
        this.marketData = marketData;
        this.window = window;
        for (Market m : catalog.markets()) {
            books.put(m.spec().id(), new BookChannel(m, window));
        }
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Stream task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Stream hub stopped; task dropped");
        }
    }

    @Override
    public void started(long seq, Map<Integer, L2Book> fullBooks) {
        run(() -> fullBooks.forEach((id, book) -> {
            BookChannel ch = books.get(id);
            ch.reset(seq, book);
            for (Client c : clients.values()) {
                if (c.subscriptions.contains(key("book", catalog.market(id).id()))) {
                    send(c, ch.snapshot());
                }
            }
        }));
    }

    @Override
    public void committed(List<AppliedCommand> batch) {
        run(() -> publish(batch));
    }

    void connected(String id, WebSocketSession session, long userId) {
        run(() -> clients.put(id, new Client(session, userId)));
    }

    void disconnected(String id) {
        run(() -> clients.remove(id));
    }

    void received(String id, String payload) {
        run(() -> {
            Client c = clients.get(id);
            if (c != null) {
                handle(c, payload);
            }
        });
    }

    private void handle(Client c, String payload) {
        JsonNode msg;
        try {
            msg = json.readTree(payload);
        } catch (RuntimeException e) {
            error(c, "MALFORMED_JSON", "message is not valid JSON");
            return;
        }
        String op = msg.path("op").asString("");
        String channel = msg.path("channel").asString("");
        switch (op) {
            case "ping" -> send(c, Map.of("type", "pong"));
            case "subscribe" -> subscribe(c, channel, msg);
            case "unsubscribe" -> {
                String k = channelKey(c, channel, msg);
                if (k != null) {
                    c.subscriptions.remove(k);
                }
            }
            default -> error(c, "BAD_REQUEST", "op must be subscribe, unsubscribe or ping");
        }
    }

    private String channelKey(Client c, String channel, JsonNode msg) {
        switch (channel) {
            case "book", "trades", "candles" -> {
                Market m = marketOf(c, msg);
                return m == null ? null : key(channel, m.id());
            }
            case "orders", "balances" -> {
                return channel;
            }
            default -> {
                error(c, "BAD_REQUEST", "unknown channel; use book, trades, candles, orders or balances");
                return null;
            }
        }
    }

    private void subscribe(Client c, String channel, JsonNode msg) {
        String k = channelKey(c, channel, msg);
        if (k == null) {
            return;
        }
        if (("orders".equals(channel) || "balances".equals(channel)) && c.userId == 0) {
            error(c, "UNAUTHENTICATED", "private channels need a signed-in session or a signed handshake");
            return;
        }
        c.subscriptions.add(k);
        if ("book".equals(channel)) {
            BookChannel book = books.get(marketOf(c, msg).spec().id());
            JsonNode since = msg.path("since");
            List<BookChannel.Delta> deltas = since.isIntegralNumber() ? book.since(since.asLong()) : null;
            if (deltas == null) {
                send(c, book.snapshot());
            } else {
                deltas.forEach(d -> send(c, d.message()));
            }
        }
    }

    private Market marketOf(Client c, JsonNode msg) {
        String id = msg.path("market").asString("");
        for (Market m : catalog.markets()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        error(c, "UNKNOWN_MARKET", "unknown market");
        return null;
    }

    private void publish(List<AppliedCommand> batch) {
        Map<Long, Set<Long>> touchedOrders = new LinkedHashMap<>();
        Map<Long, Map<Integer, long[]>> balances = new LinkedHashMap<>();
        Set<Integer> tradedMarkets = new LinkedHashSet<>();
        for (AppliedCommand a : batch) {
            Map<Integer, Sides> levels = new LinkedHashMap<>();
            for (EngineEvent e : a.events()) {
                switch (e) {
                    case EngineEvent.BookDelta d -> {
                        Sides sides = levels.computeIfAbsent(d.marketId(),
                                x -> new Sides(new LinkedHashMap<>(), new LinkedHashMap<>()));
                        (d.side() == Side.BID ? sides.bids() : sides.asks()).put(d.price(), d.newLevelSize());
                    }
                    case EngineEvent.Trade t -> {
                        publishTrade(a, t);
                        tradedMarkets.add(t.marketId());
                        touched(touchedOrders, t.makerUserId(), t.makerOrderId());
                        touched(touchedOrders, t.takerUserId(), t.takerOrderId());
                    }
                    case EngineEvent.OrderAccepted o -> touched(touchedOrders, o.userId(), o.orderId());
                    case EngineEvent.OrderCancelled o -> touched(touchedOrders, o.userId(), o.orderId());
                    case EngineEvent.OrderExpired o -> touched(touchedOrders, o.userId(), o.orderId());
                    case EngineEvent.OrderAmended o -> touched(touchedOrders, o.userId(), o.orderId());
                    case EngineEvent.Rejected r -> {
                        if (r.orderId() != 0) {
                            touched(touchedOrders, r.userId(), r.orderId());
                        }
                    }
                    case EngineEvent.BalanceChanged b -> balances.computeIfAbsent(b.userId(), x -> new LinkedHashMap<>())
                            .put(b.assetId(), new long[] {b.available(), b.locked()});
                    default -> {
                        // deposits and withdrawals show as balance changes
                    }
                }
            }
            levels.forEach((marketId, sides) -> publishDelta(marketId, sides));
        }
        tradedMarkets.forEach(this::publishCandle);
        publishOrders(touchedOrders);
        publishBalances(balances);
    }

    private static void touched(Map<Long, Set<Long>> touched, long userId, long orderId) {
        touched.computeIfAbsent(userId, x -> new LinkedHashSet<>()).add(orderId);
    }

    /** One command's level changes per side: price → new size. */
    private record Sides(Map<Long, Long> bids, Map<Long, Long> asks) {
    }

    private void publishDelta(int marketId, Sides sides) {
        List<long[]> bids = new ArrayList<>();
        sides.bids().forEach((p, s) -> bids.add(new long[] {p, s}));
        List<long[]> asks = new ArrayList<>();
        sides.asks().forEach((p, s) -> asks.add(new long[] {p, s}));
        BookChannel.Delta d = books.get(marketId).apply(bids, asks);
        String k = key("book", catalog.market(marketId).id());
        for (Client c : clients.values()) {
            if (c.subscriptions.contains(k)) {
                send(c, d.message());
            }
        }
    }

    private void publishTrade(AppliedCommand a, EngineEvent.Trade t) {
        Market m = catalog.market(t.marketId());
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("channel", "trades");
        msg.put("market", m.id());
        msg.put("type", "trade");
        msg.put("seq", marketSeqs.merge(key("trades", m.id()), 1L, Long::sum));
        msg.put("id", Long.toString(t.tradeId()));
        msg.put("price", m.formatPrice(t.price()));
        msg.put("amount", m.formatSize(t.size()));
        msg.put("side", t.takerSide() == Side.BID ? "buy" : "sell");
        msg.put("timestamp", a.tsMs());
        broadcast(key("trades", m.id()), msg);
    }

    private void publishCandle(int marketId) {
        Market m = catalog.market(marketId);
        List<MarketDataQueries.CandleJson> last = marketData.candles(m, "1m", 1);
        if (last.isEmpty()) {
            return;
        }
        MarketDataQueries.CandleJson c = last.getFirst();
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("channel", "candles");
        msg.put("market", m.id());
        msg.put("type", "candle");
        msg.put("seq", marketSeqs.merge(key("candles", m.id()), 1L, Long::sum));
        msg.put("timeframe", "1m");
        msg.put("time", c.time());
        msg.put("open", c.open());
        msg.put("high", c.high());
        msg.put("low", c.low());
        msg.put("close", c.close());
        msg.put("volume", c.volume());
        broadcast(key("candles", m.id()), msg);
    }

    private void publishOrders(Map<Long, Set<Long>> touched) {
        Set<Long> wanted = new LinkedHashSet<>();
        touched.forEach((user, ids) -> {
            if (subscribed(user, "orders")) {
                wanted.addAll(ids);
            }
        });
        if (wanted.isEmpty()) {
            return;
        }
        for (OrderQueries.Owned o : orders.orders(wanted)) {
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("channel", "orders");
            msg.put("type", "order");
            Map<String, Object> fields = json.convertValue(o.order(), ORDER_FIELDS);
            for (Client c : clients.values()) {
                if (c.userId == o.userId() && c.subscriptions.contains("orders")) {
                    Map<String, Object> m = new LinkedHashMap<>(msg);
                    m.put("seq", c.next("orders"));
                    m.putAll(fields);
                    m.put("timestamp", o.order().timestamp().toEpochMilli());
                    send(c, m);
                }
            }
        }
    }

    private void publishBalances(Map<Long, Map<Integer, long[]>> balances) {
        balances.forEach((user, byAsset) -> {
            if (!subscribed(user, "balances")) {
                return;
            }
            byAsset.forEach((assetId, v) -> {
                Asset a = catalog.asset(assetId);
                for (Client c : clients.values()) {
                    if (c.userId == user && c.subscriptions.contains("balances")) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("channel", "balances");
                        m.put("type", "balance");
                        m.put("seq", c.next("balances"));
                        m.put("asset", a.code());
                        m.put("free", a.format(v[0]));
                        m.put("used", a.format(v[1]));
                        m.put("total", a.format(Math.addExact(v[0], v[1])));
                        send(c, m);
                    }
                }
            });
        });
    }

    private boolean subscribed(long userId, String channel) {
        for (Client c : clients.values()) {
            if (c.userId == userId && c.subscriptions.contains(channel)) {
                return true;
            }
        }
        return false;
    }

    private void broadcast(String k, Map<String, Object> msg) {
        for (Client c : clients.values()) {
            if (c.subscriptions.contains(k)) {
                send(c, msg);
            }
        }
    }

    private void error(Client c, String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("code", code);
        m.put("message", message);
        send(c, m);
    }

    private void send(Client c, Map<String, Object> msg) {
        try {
            c.session.sendMessage(new TextMessage(json.writeValueAsString(msg)));
        } catch (IOException | RuntimeException e) {
            log.debug("Dropping WebSocket client {}: {}", c.session.getId(), e.toString());
            try {
                c.session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException | RuntimeException ignored) {
                // already gone
            }
        }
    }

    private static String key(String channel, String market) {
        return channel + ":" + market;
    }
}
