package io.skyx.api.stream;

import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order as the orders stream shows it, kept up to date from the engine's events (units: lots, ticks, quote
 * units). The JSON is the REST order (docs/api.md) with the order's type under {@code orderType}, so that the
 * message's {@code type} stays the channel's.
 */
final class OrderState {

    final long id;
    final long userId;
    final Market market;
    final String clientOrderId;
    final String side;
    final boolean marketOrder;
    final String timeInForce;
    final long price;
    final long amount;
    final long createdMs;
    long filled;
    long cost;
    String status;

    OrderState(long id, long userId, Market market, String clientOrderId, String side, boolean marketOrder,
               String timeInForce, long price, long amount, long createdMs, long filled, long cost, String status) {
        this.id = id;
        this.userId = userId;
        this.market = market;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.marketOrder = marketOrder;
        this.timeInForce = timeInForce;
        this.price = price;
        this.amount = amount;
        this.createdMs = createdMs;
        this.filled = filled;
        this.cost = cost;
        this.status = status;
    }

    /** The columns {@link #read} expects, in this order, from the {@code orders} table. */
    static final String COLUMNS = "id, user_id, market, client_order_id, side, type, time_in_force, price, amount, "
            + "filled, cost, status, created_at";

    /** An order from a row of {@link #COLUMNS}. */
    static OrderState read(ResultSet rs, MarketCatalog catalog) throws SQLException {
        Market m = catalog.market(rs.getString(3), "market");
        return new OrderState(rs.getLong(1), rs.getLong(2), m, rs.getString(4), rs.getString(5),
                "market".equals(rs.getString(6)), rs.getString(7), rs.getLong(8), rs.getLong(9),
                rs.getTimestamp(13).getTime(), rs.getLong(10), rs.getLong(11), rs.getString(12));
    }

    boolean open() {
        return "open".equals(status);
    }

    /** The order's fields (without channel, type, seq). */
    Map<String, Object> fields() {
        long shown = marketOrder && amount == 0 ? filled : amount;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(id));
        m.put("clientOrderId", clientOrderId);
        m.put("market", market.id());
        m.put("side", side);
        m.put("orderType", marketOrder ? "market" : "limit");
        m.put("timeInForce", timeInForce);
        m.put("price", marketOrder ? null : market.formatPrice(price));
        m.put("amount", market.formatSize(shown));
        m.put("filled", market.formatSize(filled));
        m.put("remaining", market.formatSize(shown - filled));
        m.put("cost", market.quote().format(cost));
        m.put("status", status);
        m.put("timestamp", createdMs);
        return m;
    }
}
