package io.skyx.api.sequencer;

import io.skyx.engine.CommandType;
import io.skyx.engine.ExpireReason;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;

/**
 * The journal's stable code of every engine enum that reaches it. A code is never reused or renumbered; a new
 * constant gets a new code (the switches are exhaustive, so the build fails until it has one). Decoding an unknown
 * code throws IllegalArgumentException, so an old binary refuses a newer journal instead of misreading it.
 */
final class Codes {

    private Codes() {
    }

    static int side(Side s) {
        return switch (s) {
            case BID -> 1;
            case ASK -> 2;
        };
    }

    static Side side(int code) {
        return switch (code) {
            case 1 -> Side.BID;
            case 2 -> Side.ASK;
            default -> throw unknown("side", code);
        };
    }

    static int orderType(OrderType t) {
        return switch (t) {
            case GTC -> 1;
            case IOC -> 2;
            case FOK -> 3;
            case FOK_BUDGET -> 4;
            case POST_ONLY -> 5;
            case MARKET -> 6;
        };
    }

    static OrderType orderType(int code) {
        return switch (code) {
            case 1 -> OrderType.GTC;
            case 2 -> OrderType.IOC;
            case 3 -> OrderType.FOK;
            case 4 -> OrderType.FOK_BUDGET;
            case 5 -> OrderType.POST_ONLY;
            case 6 -> OrderType.MARKET;
            default -> throw unknown("order type", code);
        };
    }

    static int stp(StpMode m) {
        return switch (m) {
            case NONE -> 1;
            case EXPIRE_MAKER -> 2;
            case EXPIRE_TAKER -> 3;
            case EXPIRE_BOTH -> 4;
        };
    }

    static StpMode stp(int code) {
        return switch (code) {
            case 1 -> StpMode.NONE;
            case 2 -> StpMode.EXPIRE_MAKER;
            case 3 -> StpMode.EXPIRE_TAKER;
            case 4 -> StpMode.EXPIRE_BOTH;
            default -> throw unknown("stp mode", code);
        };
    }

    static int expireReason(ExpireReason r) {
        return switch (r) {
            case UNFILLED -> 1;
            case SELF_TRADE_PREVENTION -> 2;
        };
    }

    static ExpireReason expireReason(int code) {
        return switch (code) {
            case 1 -> ExpireReason.UNFILLED;
            case 2 -> ExpireReason.SELF_TRADE_PREVENTION;
            default -> throw unknown("expire reason", code);
        };
    }

    static int commandType(CommandType t) {
        return switch (t) {
            case DEPOSIT -> 1;
            case WITHDRAW -> 2;
            case PLACE -> 3;
            case CANCEL -> 4;
            case CANCEL_ALL -> 5;
            case AMEND -> 6;
            case REDUCE -> 7;
        };
    }

    static CommandType commandType(int code) {
        return switch (code) {
            case 1 -> CommandType.DEPOSIT;
            case 2 -> CommandType.WITHDRAW;
            case 3 -> CommandType.PLACE;
            case 4 -> CommandType.CANCEL;
            case 5 -> CommandType.CANCEL_ALL;
            case 6 -> CommandType.AMEND;
            case 7 -> CommandType.REDUCE;
            default -> throw unknown("command type", code);
        };
    }

    static int result(ResultCode r) {
        return switch (r) {
            case OK -> 0;
            case SEQUENCE_NOT_INCREASING -> 1;
            case INVALID_ARGUMENT -> 2;
            case UNKNOWN_ASSET -> 3;
            case UNKNOWN_MARKET -> 4;
            case UNKNOWN_ORDER -> 5;
            case NOT_OWNER -> 6;
            case INVALID_AMOUNT -> 7;
            case INVALID_PRICE -> 8;
            case INVALID_SIZE -> 9;
            case BELOW_MIN_SIZE -> 10;
            case BELOW_MIN_NOTIONAL -> 11;
            case ABOVE_MAX_NOTIONAL -> 12;
            case INSUFFICIENT_FUNDS -> 13;
            case WOULD_TAKE -> 14;
            case FOK_NOT_FILLED -> 15;
            case DUPLICATE_ORDER_ID -> 16;
            case DUPLICATE_CLIENT_ORDER_ID -> 17;
            case NOTHING_TO_CHANGE -> 18;
        };
    }

    static ResultCode result(int code) {
        return switch (code) {
            case 0 -> ResultCode.OK;
            case 1 -> ResultCode.SEQUENCE_NOT_INCREASING;
            case 2 -> ResultCode.INVALID_ARGUMENT;
            case 3 -> ResultCode.UNKNOWN_ASSET;
            case 4 -> ResultCode.UNKNOWN_MARKET;
            case 5 -> ResultCode.UNKNOWN_ORDER;
            case 6 -> ResultCode.NOT_OWNER;
            case 7 -> ResultCode.INVALID_AMOUNT;
            case 8 -> ResultCode.INVALID_PRICE;
            case 9 -> ResultCode.INVALID_SIZE;
            case 10 -> ResultCode.BELOW_MIN_SIZE;
            case 11 -> ResultCode.BELOW_MIN_NOTIONAL;
            case 12 -> ResultCode.ABOVE_MAX_NOTIONAL;
            case 13 -> ResultCode.INSUFFICIENT_FUNDS;
            case 14 -> ResultCode.WOULD_TAKE;
            case 15 -> ResultCode.FOK_NOT_FILLED;
            case 16 -> ResultCode.DUPLICATE_ORDER_ID;
            case 17 -> ResultCode.DUPLICATE_CLIENT_ORDER_ID;
            case 18 -> ResultCode.NOTHING_TO_CHANGE;
            default -> throw unknown("result", code);
        };
    }

    private static IllegalArgumentException unknown(String what, int code) {
        return new IllegalArgumentException("unknown " + what + " code " + code + " in the journal");
    }
}
