package io.skyx.api.stream;

import io.skyx.api.jdbc.BinaryCopy;
import io.skyx.api.market.Asset;
import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.BalanceMoves;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.api.sequencer.Projection;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streams' messages of trades, candles, orders and balances: a reader of the journal (a {@link Projection},
 * on its own thread, off the commit path) that builds them from the engine's events (never by reading other
 * projections back) and stores them in {@code stream_messages}, so that a client can resume from any sequence
 * number, across restarts. Once stored they go to the {@link StreamHub} ({@link Listener}). What the events
 * alone do not say (the open orders' fills so far, each market's current 1-minute candle) it keeps in memory
 * and in {@code stream_orders} / {@code stream_candles}, in the same transaction as the messages and its
 * position.
 */
@Component
@Order(10)
class StreamLog implements Projection {

    private static final Logger log = LoggerFactory.getLogger(StreamLog.class);
    static final long CANDLE_SECONDS = 60;
    static final String NAME = "streams";

    /** The current candle of a market (prices in ticks, volume in lots). */
    private static final class Candle {
        long openTime;
        long open;
        long high;
        long low;
        long close;
        long volume;
    }

    private final MarketCatalog catalog;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Long, OrderState> open = new HashMap<>();
    private final Map<Integer, Candle> candles = new HashMap<>();
    private volatile Listener listener;

    StreamLog(MarketCatalog catalog) {
        this.catalog = catalog;
    }

    /** Where the built messages go once their transaction has committed. */
    interface Listener {
        /** The log (re)starts after command {@code seq}: what follows is built from there. */
        void restarted(long seq);

        /** Messages of consecutive journal entries, durable in {@code stream_messages}. */
        void logged(List<Msg> messages);
    }

    void listen(Listener l) {
        listener = l;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void reset(JdbcTemplate jdbc) {
        jdbc.update("delete from stream_messages");
        jdbc.update("update stream_retention set pruned_through = 0");
        jdbc.update("delete from stream_orders");
        jdbc.update("delete from stream_candles");
    }

    @Override
    public void load(JdbcTemplate jdbc) {
        open.clear();
        candles.clear();
        jdbc.query("select id, user_id, market, client_order_id, side, market_order, time_in_force, price, amount, "
                + "created_ms, filled, cost from stream_orders", rs -> {
                    OrderState o = new OrderState(rs.getLong(1), rs.getLong(2), catalog.market(rs.getString(3),
                            "market"), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), "open");
                    open.put(o.id, o);
                });
        jdbc.query("select market, open_time, open, high, low, close, volume from stream_candles", rs -> {
            Candle c = new Candle();
            c.openTime = rs.getLong(2);
            c.open = rs.getLong(3);
            c.high = rs.getLong(4);
            c.low = rs.getLong(5);
            c.close = rs.getLong(6);
            c.volume = rs.getLong(7);
            candles.put(catalog.market(rs.getString(1), "market").spec().id(), c);
        });
        List<Long> at = jdbc.queryForList("select seq from projection_position where name = ?", Long.class, NAME);
        long seq = at.isEmpty() ? 0 : at.getFirst();
        Listener l = listener;
        if (l != null) {
            l.restarted(seq);
        }
    }

    @Override
    public void project(JdbcTemplate jdbc, List<AppliedCommand> batch) {
        List<Msg> out = new ArrayList<>();
        Map<Long, OrderState> orders = new LinkedHashMap<>();
        Set<Integer> traded = new LinkedHashSet<>();
        for (AppliedCommand a : batch) {
            build(a, out, orders, traded);
        }
        if (!out.isEmpty()) {
            BinaryCopy rows = new BinaryCopy(out.size() * 300);
            for (Msg m : out) {
                rows.row(4).text(m.stream()).int8(m.seq()).int4(m.idx()).text(m.json());
            }
            jdbc.execute((ConnectionCallback<Long>) con -> rows.copy(con,
                    "copy stream_messages (stream, seq, idx, payload) from stdin (format binary)"));
        }
        saveState(jdbc, orders, traded, batch.getFirst().seq());
        Listener l = listener;
        if (l != null && !out.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    l.logged(out);
                }
            });
        }
    }

    /** {@code firstSeq}: an order placed in this batch (its id is its seq) and closed in it was never stored. */
    private void saveState(JdbcTemplate jdbc, Map<Long, OrderState> orders, Set<Integer> traded, long firstSeq) {
        List<Object[]> upserts = new ArrayList<>();
        List<Long> deletes = new ArrayList<>();
        for (OrderState o : orders.values()) {
            if (o.open()) {
                upserts.add(new Object[] {o.id, o.userId, o.market.id(), o.clientOrderId, o.side, o.marketOrder,
                    o.timeInForce, o.price, o.amount, o.createdMs, o.filled, o.cost});
            } else if (o.id < firstSeq) {
                deletes.add(o.id);
            }
        }
        if (!upserts.isEmpty()) {
            jdbc.batchUpdate("insert into stream_orders (id, user_id, market, client_order_id, side, market_order, "
                    + "time_in_force, price, amount, created_ms, filled, cost) values (?,?,?,?,?,?,?,?,?,?,?,?) "
                    + "on conflict (id) do update set filled = excluded.filled, cost = excluded.cost", upserts);
        }
        if (!deletes.isEmpty()) {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("delete from stream_orders where id = any(?)");
                ps.setArray(1, con.createArrayOf("bigint", deletes.toArray()));
                return ps;
            });
        }
        List<Object[]> rows = new ArrayList<>();
        for (int marketId : traded) {
            Candle c = candles.get(marketId);
            rows.add(new Object[] {catalog.market(marketId).id(), c.openTime, c.open, c.high, c.low, c.close,
                c.volume});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into stream_candles (market, open_time, open, high, low, close, volume) "
                    + "values (?,?,?,?,?,?,?) on conflict (market) do update set open_time = excluded.open_time, "
                    + "open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, "
                    + "volume = excluded.volume", rows);
        }
    }

    /** Appends the messages of one command; notes the orders and markets whose state it changed. */
    void build(AppliedCommand a, List<Msg> out, Map<Long, OrderState> changed, Set<Integer> tradedMarkets) {
        Map<String, Integer> idx = new HashMap<>();
        Map<Long, OrderState> touched = new LinkedHashMap<>();
        Map<String, long[]> balances = new LinkedHashMap<>();
        Map<Integer, Candle> traded = new LinkedHashMap<>();
        BalanceMoves moves = BalanceMoves.of(a.events());
        if (a.command() instanceof Command.Place p) {
            Market m = catalog.market(p.marketId());
            boolean ok = a.result() == ResultCode.OK;
            OrderState o = new OrderState(a.seq(), p.userId(), m, p.clientOrderId(), p.side() == Side.BID ? "buy"
                    : "sell", p.type() == OrderType.MARKET, timeInForce(p.type()), p.price(), p.size(), a.tsMs(), 0, 0,
                    ok ? "open" : "rejected");
            touched.put(o.id, o);
            if (ok) {
                open.put(o.id, o);
            }
        }
        for (EngineEvent e : a.events()) {
            switch (e) {
                case EngineEvent.Trade t -> {
                    Market m = catalog.market(t.marketId());
                    Map<String, Object> msg = header("trades", m, "trade");
                    msg.put("id", Long.toString(t.tradeId()));
                    msg.put("price", m.formatPrice(t.price()));
                    msg.put("amount", m.formatSize(t.size()));
                    msg.put("side", t.takerSide() == Side.BID ? "buy" : "sell");
                    msg.put("timestamp", a.tsMs());
                    add(out, idx, "trades:" + m.id(), a.seq(), msg);
                    traded.put(t.marketId(), candle(t.marketId(), a.tsMs(), t.price(), t.size()));
                    fill(touched, t.makerOrderId(), t.size(), t.notional(), t.makerRemaining());
                    fill(touched, t.takerOrderId(), t.size(), t.notional(), t.takerRemaining());
                }
                case EngineEvent.OrderCancelled c -> status(touched, c.orderId(), "canceled");
                case EngineEvent.OrderExpired x -> {
                    OrderState o = order(touched, x.orderId());
                    if (o != null) {
                        o.status = o.marketOrder && o.filled > 0 ? "closed" : "canceled";
                    }
                }
                case EngineEvent.BalanceChanged b -> {
                    if (moves.moved(b.userId(), b.assetId())) {
                        balances.put(b.userId() + ":" + b.assetId(), new long[] {b.userId(), b.assetId(),
                            b.available(), b.locked()});
                    }
                }
                default -> {
                    // book deltas are the hub's; deposits and withdrawals show as balance changes
                }
            }
        }
        traded.forEach((marketId, c) -> {
            Market m = catalog.market(marketId);
            Map<String, Object> msg = header("candles", m, "candle");
            msg.put("timeframe", "1m");
            msg.put("time", c.openTime);
            msg.put("open", m.formatPrice(c.open));
            msg.put("high", m.formatPrice(c.high));
            msg.put("low", m.formatPrice(c.low));
            msg.put("close", m.formatPrice(c.close));
            msg.put("volume", m.formatSize(c.volume));
            add(out, idx, "candles:" + m.id(), a.seq(), msg);
        });
        changed.putAll(touched);
        tradedMarkets.addAll(traded.keySet());
        for (OrderState o : touched.values()) {
            if (!o.open()) {
                open.remove(o.id);
            }
            out.add(orderMessage(o, "orders:" + o.userId, a.seq(), next(idx, "orders:" + o.userId)));
        }
        for (long[] b : balances.values()) {
            Asset asset = catalog.asset((int) b[1]);
            String stream = "balances:" + b[0];
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("channel", "balances");
            msg.put("type", "balance");
            msg.put("seq", a.seq());
            msg.put("idx", next(idx, stream));
            msg.put("asset", asset.code());
            msg.put("free", asset.format(b[2]));
            msg.put("used", asset.format(b[3]));
            msg.put("total", asset.format(Math.addExact(b[2], b[3])));
            out.add(new Msg(stream, a.seq(), (Integer) msg.get("idx"), json.writeValueAsString(msg)));
        }
    }

    private Msg orderMessage(OrderState o, String stream, long seq, int i) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("channel", "orders");
        msg.put("type", "order");
        msg.put("seq", seq);
        msg.put("idx", i);
        msg.putAll(o.fields());
        return new Msg(stream, seq, i, json.writeValueAsString(msg));
    }

    private Candle candle(int marketId, long tsMs, long price, long size) {
        long openTime = tsMs / 1000 / CANDLE_SECONDS * CANDLE_SECONDS;
        Candle c = candles.get(marketId);
        if (c == null || c.openTime != openTime) {
            c = new Candle();
            c.openTime = openTime;
            c.open = price;
            c.high = price;
            c.low = price;
            candles.put(marketId, c);
        }
        c.high = Math.max(c.high, price);
        c.low = Math.min(c.low, price);
        c.close = price;
        c.volume = Math.addExact(c.volume, size);
        return c;
    }

    private OrderState order(Map<Long, OrderState> touched, long orderId) {
        OrderState o = touched.get(orderId);
        if (o == null) {
            o = open.get(orderId);
            if (o == null) {
                log.warn("Order {} is not known to the orders stream; its update is not streamed", orderId);
                return null;
            }
            touched.put(orderId, o);
        }
        return o;
    }

    private void fill(Map<Long, OrderState> touched, long orderId, long size, long notional, long remaining) {
        OrderState o = order(touched, orderId);
        if (o != null) {
            o.filled = Math.addExact(o.filled, size);
            o.cost = Math.addExact(o.cost, notional);
            if (remaining == 0) {
                o.status = "closed";
            }
        }
    }

    private void status(Map<Long, OrderState> touched, long orderId, String status) {
        OrderState o = order(touched, orderId);
        if (o != null) {
            o.status = status;
        }
    }

    private Map<String, Object> header(String channel, Market m, String type) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("channel", channel);
        msg.put("market", m.id());
        msg.put("type", type);
        return msg;
    }

    private void add(List<Msg> out, Map<String, Integer> idx, String stream, long seq, Map<String, Object> msg) {
        int i = next(idx, stream);
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("channel", msg.remove("channel"));
        full.put("market", msg.remove("market"));
        full.put("type", msg.remove("type"));
        full.put("seq", seq);
        full.put("idx", i);
        full.putAll(msg);
        out.add(new Msg(stream, seq, i, json.writeValueAsString(full)));
    }

    private static int next(Map<String, Integer> idx, String stream) {
        return idx.merge(stream, 1, Integer::sum) - 1;
    }

    static String timeInForce(OrderType type) {
        return switch (type) {
            case GTC -> "GTC";
            case IOC, MARKET -> "IOC";
            case FOK, FOK_BUDGET -> "FOK";
            case POST_ONLY -> "PO";
        };
    }
}
