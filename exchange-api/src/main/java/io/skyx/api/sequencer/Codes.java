package io.skyx.api.sequencer;

import io.skyx.engine.AccountKind;
import io.skyx.engine.CommandType;
import io.skyx.engine.ExpireReason;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.function.IntFunction;

/**
 * The journal's stable code of every engine enum that reaches it: the engine's explicit {@code code()} (never the
 * ordinal; pinned by {@code CodecGoldenTest}). Decoding an unknown code throws IllegalArgumentException naming
 * it, so an old binary refuses a newer journal instead of misreading it.
 */
final class Codes {

    private Codes() {
    }

    static int side(Side s) {
        return s.code();
    }

    static Side side(int code) {
        return decode("side", code, Side::fromCode);
    }

    static int orderType(OrderType t) {
        return t.code();
    }

    static OrderType orderType(int code) {
        return decode("order type", code, OrderType::fromCode);
    }

    static int stp(StpMode m) {
        return m.code();
    }

    static StpMode stp(int code) {
        return decode("stp mode", code, StpMode::fromCode);
    }

    static int expireReason(ExpireReason r) {
        return r.code();
    }

    static ExpireReason expireReason(int code) {
        return decode("expire reason", code, ExpireReason::fromCode);
    }

    static int commandType(CommandType t) {
        return t.code();
    }

    static CommandType commandType(int code) {
        return decode("command type", code, CommandType::fromCode);
    }

    static int result(ResultCode r) {
        return r.code();
    }

    static ResultCode result(int code) {
        return decode("result", code, ResultCode::fromCode);
    }

    static int account(AccountKind k) {
        return k.code();
    }

    static AccountKind account(int code) {
        return decode("account kind", code, AccountKind::fromCode);
    }

    private static <E> E decode(String what, int code, IntFunction<E> fromCode) {
        try {
            return fromCode.apply(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " code " + code + " in the journal", e);
        }
    }
}
