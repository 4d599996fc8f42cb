package io.skyx.api.trading;

import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Command;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.regex.Pattern;

/** Validates a {@link CreateOrderRequest} into a place command; refuses bad input before anything is sequenced. */
final class OrderRequests {

    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    private OrderRequests() {
    }

    static Command.Place toCommand(long userId, CreateOrderRequest r, MarketCatalog catalog) {
        if (r == null) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "request body is missing");
        }
        Market m = catalog.market(r.market(), "market");
        Side side = switch (required(r.side(), "side")) {
            case "buy" -> Side.BID;
            case "sell" -> Side.ASK;
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "'side' must be \"buy\" or \"sell\"", "side");
        };
        String type = required(r.type(), "type");
        if (r.clientOrderId() != null && !CLIENT_ORDER_ID.matcher(r.clientOrderId()).matches()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'clientOrderId' must be 1-36 of A-Z a-z 0-9 _ -",
                    "clientOrderId");
        }
        return switch (type) {
            case "limit" -> limit(userId, r, m, side);
            case "market" -> market(userId, r, m, side);
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "'type' must be \"limit\" or \"market\"",
                    "type");
        };
    }

    private static Command.Place limit(long userId, CreateOrderRequest r, Market m, Side side) {
        long price = m.parsePrice(r.price(), "price");
        long size = m.parseSize(r.amount(), "amount");
        if (r.cost() != null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'cost' is for market buys only", "cost");
        }
        OrderType t = switch (r.timeInForce() == null ? "GTC" : r.timeInForce()) {
            case "GTC" -> OrderType.GTC;
            case "IOC" -> OrderType.IOC;
            case "FOK" -> OrderType.FOK;
            case "PO" -> OrderType.POST_ONLY;
            default -> throw new ApiException(ErrorCode.BAD_REQUEST,
                    "'timeInForce' must be GTC, IOC, FOK or PO", "timeInForce");
        };
        return new Command.Place(userId, m.spec().id(), side, t, price, size, 0, StpMode.EXPIRE_MAKER,
                r.clientOrderId());
    }

    private static Command.Place market(long userId, CreateOrderRequest r, Market m, Side side) {
        if (r.price() != null) {
            throw new ApiException(ErrorCode.INVALID_PRICE, "a market order takes no 'price'", "price");
        }
        if (r.timeInForce() != null && !"IOC".equals(r.timeInForce())) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "a market order is IOC", "timeInForce");
        }
        if (side == Side.BID) {
            if (r.amount() != null) {
                throw new ApiException(ErrorCode.BAD_REQUEST,
                        "a market buy takes 'cost' (quote to spend, fees included), not 'amount'", "amount");
            }
            long budget = m.parseQuote(r.cost(), "cost");
            return new Command.Place(userId, m.spec().id(), side, OrderType.MARKET, 0, 0, budget,
                    StpMode.EXPIRE_MAKER, r.clientOrderId());
        }
        if (r.cost() != null) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "a market sell takes 'amount', not 'cost'", "cost");
        }
        long size = m.parseSize(r.amount(), "amount");
        return new Command.Place(userId, m.spec().id(), side, OrderType.MARKET, 0, size, 0, StpMode.EXPIRE_MAKER,
                r.clientOrderId());
    }

    private static String required(String v, String field) {
        if (v == null || v.isEmpty()) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "'" + field + "' is required", field);
        }
        return v;
    }
}
