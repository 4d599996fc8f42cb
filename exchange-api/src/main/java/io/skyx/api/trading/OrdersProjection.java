package io.skyx.api.trading;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.api.sequencer.Projection;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The orders table, projected from the engine's events: new orders (accepted or rejected), fills, cost and
 * fees, and the status (open → closed / canceled). Changes of a batch are accumulated per order and written
 * with two batched statements.
 */
@Component
@Order(2)
class OrdersProjection implements Projection {

    private static final class Change {
        Object[] insert;
        long filled;
        long cost;
        long fee;
        String status;
        long tsMs;
    }

    private final MarketCatalog catalog;

    OrdersProjection(MarketCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public void reset(JdbcTemplate jdbc) {
        jdbc.update("delete from orders");
    }

    @Override
    public void project(JdbcTemplate jdbc, List<AppliedCommand> batch) {
        Map<Long, Change> changes = new LinkedHashMap<>();
        for (AppliedCommand a : batch) {
            if (a.command() instanceof Command.Place p) {
                Change c = new Change();
                c.insert = newRow(a, p);
                c.status = a.result() == ResultCode.OK ? "open" : "rejected";
                c.tsMs = a.tsMs();
                changes.put(a.seq(), c);
            }
            for (EngineEvent e : a.events()) {
                switch (e) {
                    case EngineEvent.Trade t -> {
                        Change maker = change(changes, t.makerOrderId(), a.tsMs());
                        maker.filled += t.size();
                        maker.cost += t.notional();
                        maker.fee += t.makerFee();
                        if (t.makerRemaining() == 0) {
                            maker.status = "closed";
                        }
                        Change taker = change(changes, t.takerOrderId(), a.tsMs());
                        taker.filled += t.size();
                        taker.cost += t.notional();
                        taker.fee += t.takerFee();
                        if (t.takerRemaining() == 0) {
                            taker.status = "closed";
                        }
                    }
                    case EngineEvent.OrderCancelled o -> change(changes, o.orderId(), a.tsMs()).status = "canceled";
                    case EngineEvent.OrderExpired o -> {
                        Change c = change(changes, o.orderId(), a.tsMs());
                        boolean marketWithFills = c.insert != null && "market".equals(c.insert[4]) && c.filled > 0;
                        c.status = marketWithFills ? "closed" : "canceled";
                    }
                    default -> {
                        // other events do not change orders (no amend command is exposed)
                    }
                }
            }
        }
        write(jdbc, changes);
    }

    private static Change change(Map<Long, Change> changes, long orderId, long tsMs) {
        Change c = changes.computeIfAbsent(orderId, id -> new Change());
        c.tsMs = tsMs;
        return c;
    }

    private Object[] newRow(AppliedCommand a, Command.Place p) {
        boolean market = p.type() == OrderType.MARKET;
        Timestamp ts = Timestamp.from(Instant.ofEpochMilli(a.tsMs()));
        return new Object[] {a.seq(), p.userId(), catalog.market(p.marketId()).id(), p.clientOrderId(),
            market ? "market" : "limit", p.side() == Side.BID ? "buy" : "sell", timeInForce(p.type()), p.price(),
            p.size(), p.quoteBudget(), a.result() == ResultCode.OK ? null : a.result().name(), ts};
    }

    static String timeInForce(OrderType type) {
        return switch (type) {
            case GTC -> "GTC";
            case IOC, MARKET -> "IOC";
            case FOK, FOK_BUDGET -> "FOK";
            case POST_ONLY -> "PO";
        };
    }

    private static void write(JdbcTemplate jdbc, Map<Long, Change> changes) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        changes.forEach((id, c) -> {
            Timestamp ts = Timestamp.from(Instant.ofEpochMilli(c.tsMs));
            if (c.insert != null) {
                Object[] r = c.insert;
                inserts.add(new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], c.filled,
                    c.cost, c.fee, c.status, r[10], r[11], ts});
            } else {
                updates.add(new Object[] {c.filled, c.cost, c.fee, c.status, ts, id});
            }
        });
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into orders (id, user_id, market, client_order_id, type, side, time_in_force, "
                    + "price, amount, quote_budget, filled, cost, fee, status, reject_code, created_at, updated_at) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", inserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update orders set filled = filled + ?, cost = cost + ?, fee = fee + ?, "
                    + "status = coalesce(?, status), updated_at = ? where id = ?", updates);
        }
    }
}
