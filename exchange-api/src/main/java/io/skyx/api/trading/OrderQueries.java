package io.skyx.api.trading;

import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads of the orders and trades projections for one user: the public facade of the trading feature. */
@Service
public class OrderQueries {

    private static final String COLUMNS = "id, client_order_id, market, side, type, time_in_force, price, amount, "
            + "quote_budget, filled, cost, status, created_at, user_id";

    /** One of the user's fills (fetchMyTrades). */
    public record MyTrade(String id, String orderId, String market, String side, String price, String amount,
                          String fee, String feeAsset, String role, java.time.Instant timestamp) {
    }

    private final JdbcTemplate jdbc;
    private final MarketCatalog catalog;

    OrderQueries(JdbcTemplate jdbc, MarketCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The user's order with this id, if it is theirs. */
    public Optional<OrderJson> order(long userId, long orderId) {
        return jdbc.query("select " + COLUMNS + " from orders where id = ? and user_id = ?",
                (rs, i) -> json(rs), orderId, userId).stream().findFirst();
    }

    /** Orders by id (any user), for streams: pairs of owner id and order. */
    public List<Owned> orders(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from orders where id = any(?) order by id",
                (rs, i) -> new Owned(rs.getLong(14), json(rs)), (Object) ids.toArray(new Long[0]));
    }

    /** An order with its owner. */
    public record Owned(long userId, OrderJson order) {
    }

    /** The user's orders, newest first; status "open", "closed" (closed, canceled, rejected) or null (all). */
    public List<OrderJson> orders(long userId, Market market, String status, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from orders where user_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(userId);
        if (market != null) {
            sql.append(" and market = ?");
            args.add(market.id());
        }
        if ("open".equals(status)) {
            sql.append(" and status = 'open'");
        } else if ("closed".equals(status)) {
            sql.append(" and status <> 'open'");
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> json(rs), args.toArray());
    }

    /** Ids of the user's open orders in a market. */
    public List<Long> openOrderIds(long userId, Market market) {
        return jdbc.queryForList("select id from orders where user_id = ? and market = ? and status = 'open' "
                + "order by id", Long.class, userId, market.id());
    }

    /** The user's fills, newest first. */
    public List<MyTrade> myTrades(long userId, Market market, int limit) {
        String filter = market == null ? "" : " and market = ?";
        String sql = "select * from ("
                + " select id, maker_order_id oid, market, case when taker_side = 'buy' then 'sell' else 'buy' end side,"
                + " price, amount, maker_fee fee, fee_asset, 'maker' role, created_at from trades"
                + " where maker_user_id = ?" + filter
                + " union all"
                + " select id, taker_order_id oid, market, taker_side side, price, amount, taker_fee fee, fee_asset,"
                + " 'taker' role, created_at from trades where taker_user_id = ?" + filter
                + ") t order by id desc, role limit ?";
        Object[] args = market == null ? new Object[] {userId, userId, limit}
                : new Object[] {userId, market.id(), userId, market.id(), limit};
        return jdbc.query(sql, (rs, i) -> {
            Market m = catalog.market(rs.getString(3), "market");
            return new MyTrade(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)), m.id(), rs.getString(4),
                    m.formatPrice(rs.getLong(5)), m.formatSize(rs.getLong(6)), m.quote().format(rs.getLong(7)),
                    rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant());
        }, args);
    }

    private OrderJson json(ResultSet rs) throws SQLException {
        Market m = catalog.market(rs.getString(3), "market");
        boolean market = "market".equals(rs.getString(5));
        long amount = rs.getLong(8);
        long filled = rs.getLong(10);
        long shownAmount = market && amount == 0 ? filled : amount;
        return new OrderJson(Long.toString(rs.getLong(1)), rs.getString(2), m.id(), rs.getString(4),
                rs.getString(5), rs.getString(6), market ? null : m.formatPrice(rs.getLong(7)),
                m.formatSize(shownAmount), m.formatSize(filled), m.formatSize(shownAmount - filled),
                m.quote().format(rs.getLong(11)), rs.getString(12), rs.getTimestamp(13).toInstant());
    }
}
