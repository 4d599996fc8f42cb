package io.skyx.api.trading;

import io.skyx.api.jdbc.BinaryCopy;
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
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The orders table, projected from the engine's events: new orders (accepted or rejected), fills, cost and
 * fees, and the status (open → closed / canceled). Changes of a batch are accumulated per order and written
 * with two statements: the new orders in one binary COPY, the changes of older ones in one batched update.
 */
@Component
@Order(2)
class OrdersProjection implements Projection {

    private static final class Change {
        /** The place command, for an order new in this batch (then the row is inserted); null otherwise. */
        AppliedCommand placed;
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
            if (a.command() instanceof Command.Place) {
                Change c = new Change();
                c.placed = a;
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
                        boolean marketWithFills = c.placed != null
                                && ((Command.Place) c.placed.command()).type() == OrderType.MARKET && c.filled > 0;
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

    static String timeInForce(OrderType type) {
        return switch (type) {
            case GTC -> "GTC";
            case IOC, MARKET -> "IOC";
            case FOK, FOK_BUDGET -> "FOK";
            case POST_ONLY -> "PO";
        };
    }

    private void write(JdbcTemplate jdbc, Map<Long, Change> changes) {
        BinaryCopy inserts = new BinaryCopy(changes.size() * 160);
        int inserted = 0;
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<Long, Change> e : changes.entrySet()) {
            Change c = e.getValue();
            if (c.placed != null) {
                addRow(inserts, c);
                inserted++;
            } else {
                updates.add(new Object[] {c.filled, c.cost, c.fee, c.status,
                    Timestamp.from(Instant.ofEpochMilli(c.tsMs)), e.getKey()});
            }
        }
        if (inserted > 0) {
            jdbc.execute((ConnectionCallback<Long>) con -> inserts.copy(con, "copy orders (id, user_id, market, "
                    + "client_order_id, type, side, time_in_force, price, amount, quote_budget, filled, cost, fee, "
                    + "status, reject_code, created_at, updated_at) from stdin (format binary)"));
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update orders set filled = filled + ?, cost = cost + ?, fee = fee + ?, "
                    + "status = coalesce(?, status), updated_at = ? where id = ?", updates);
        }
    }

    private void addRow(BinaryCopy rows, Change c) {
        AppliedCommand a = c.placed;
        Command.Place p = (Command.Place) a.command();
        boolean ok = a.result() == ResultCode.OK;
        rows.row(17).int8(a.seq()).int8(p.userId()).text(catalog.market(p.marketId()).id())
                .textOrNull(p.clientOrderId()).text(p.type() == OrderType.MARKET ? "market" : "limit")
                .text(p.side() == Side.BID ? "buy" : "sell").text(timeInForce(p.type())).int8(p.price())
                .int8(p.size()).int8(p.quoteBudget()).int8(c.filled).int8(c.cost).int8(c.fee).text(c.status)
                .textOrNull(ok ? null : a.result().name()).timestamptzMs(a.tsMs()).timestamptzMs(c.tsMs);
    }
}
