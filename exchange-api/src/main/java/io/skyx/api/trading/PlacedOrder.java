package io.skyx.api.trading;

import io.skyx.api.market.Market;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import java.time.Instant;

/**
 * The response to a new order, built from the engine's result and events (not by reading the orders projection
 * back): the same fields and status rules as {@link OrdersProjection} and {@link OrderQueries}.
 */
final class PlacedOrder {

    private PlacedOrder() {
    }

    static OrderJson json(Market m, io.skyx.api.sequencer.Command.Place p, CommandResult r) {
        long filled = 0;
        long cost = 0;
        String status = "open";
        boolean market = p.type() == OrderType.MARKET;
        for (EngineEvent e : r.events()) {
            switch (e) {
                case EngineEvent.Trade t when t.takerOrderId() == r.seq() -> {
                    filled += t.size();
                    cost += t.notional();
                    if (t.takerRemaining() == 0) {
                        status = "closed";
                    }
                }
                case EngineEvent.OrderExpired x when x.orderId() == r.seq() ->
                        status = market && filled > 0 ? "closed" : "canceled";
                case EngineEvent.OrderCancelled x when x.orderId() == r.seq() -> status = "canceled";
                default -> {
                    // other events (book, balances, the makers' side) do not change this order's fields
                }
            }
        }
        long amount = p.size();
        long shown = market && amount == 0 ? filled : amount;
        return new OrderJson(Long.toString(r.seq()), p.clientOrderId(), m.id(), p.side() == Side.BID ? "buy" : "sell",
                market ? "market" : "limit", OrdersProjection.timeInForce(p.type()),
                market ? null : m.formatPrice(p.price()), m.formatSize(shown), m.formatSize(filled),
                m.formatSize(shown - filled), m.quote().format(cost), status, Instant.ofEpochMilli(r.tsMs()));
    }
}
