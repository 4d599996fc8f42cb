package io.skyx.api.trading;

import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Command;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.engine.EngineLimits;
import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.math.BigInteger;
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
        checkBaseAmount(m, size);
        checkValue(m, price, size);
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
        checkBaseAmount(m, size);
        return new Command.Place(userId, m.spec().id(), side, OrderType.MARKET, 0, size, 0, StpMode.EXPIRE_MAKER,
                r.clientOrderId());
    }

    /**
     * The engine's state-independent limits, checked here so that an order refused for its input is refused with
     * 400 before the sequencer and never journaled (the engine checks them again).
     */
    private static void checkBaseAmount(Market m, long size) {
        if (BigInteger.valueOf(size).multiply(BigInteger.valueOf(m.spec().baseLotUnits()))
                .compareTo(BigInteger.valueOf(EngineLimits.MAX_BASE_AMOUNT)) > 0) {
            throw new ApiException(ErrorCode.INVALID_AMOUNT, "'amount' is too large", "amount");
        }
    }

    private static void checkValue(Market m, long price, long size) {
        BigInteger value = BigInteger.valueOf(price).multiply(BigInteger.valueOf(size))
                .multiply(BigInteger.valueOf(m.spec().quoteTickUnits()));
        if (value.compareTo(BigInteger.valueOf(EngineLimits.MAX_NOTIONAL)) > 0) {
            throw new ApiException(ErrorCode.INVALID_AMOUNT, "the order's value (price × amount) is above the maximum "
                    + m.quote().format(EngineLimits.MAX_NOTIONAL) + " " + m.quote().code(), "amount");
        }
        if (value.compareTo(BigInteger.valueOf(m.spec().minNotional())) < 0) {
            throw new ApiException(ErrorCode.INVALID_AMOUNT, "the order's value (price × amount) is below the minimum "
                    + m.quote().format(m.spec().minNotional()) + " " + m.quote().code(), "amount");
        }
    }

    private static String required(String v, String field) {
        if (v == null || v.isEmpty()) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "'" + field + "' is required", field);
        }
        return v;
    }
}
