package io.skyx.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The snapshot format is pinned: a small state (balances, withdrawing, fees, reserve, pool, a pending
 * withdrawal, resting orders of both sides and two order types and STP modes) gives exactly these bytes in both
 * implementations, and they restore. An unknown format version or enum code is refused with a clear message.
 * Changing the format means a new version number and a new golden string, never a silent change.
 */
class SnapshotFormatTest {
    private static final int HEADER = 8 + 2 + 32 + 24 + 16;

    /** magic, version 2, config SHA-256, counters, counts, 4 balances, 4 system, 1 withdrawal, 2 orders. */
    static final String GOLDEN = ""
            + "534b5958454e47310002a512b845a5295e2ec7455c3150e3cc7c0b53adbb5b44953c95d7a7dd0acd1ada000000000000"
            + "000700000000000000200000000000000001000000040000000400000001000000020000000000000001000000010000"
            + "0000004c4b4000000000001e848000000000000000000000000000000001000000020000000000000031000000000000"
            + "0000000000000000006400000000000000020000000100000000002dc6c0000000000000000000000000000000000000"
            + "00000000000200000002000000000000030000000000000000510000000000000000000000010bffffffffff67698000"
            + "0000020a0000000000000002000000020bfffffffffffffa24000000020c00000000000001f4000000000000004d0000"
            + "000000000001000000020000000000000064000000000000000c00000000000000000000000000000002000000010105"
            + "040000000000000028000000000000000200000000000000020000000000000051000000000000000000000000000000"
            + "68000000000000000a000000000000000300000000000000010000000102010100000000000000320000000000000005"
            + "000000000000000200000000001e848000000000000cf8500000000000000066";

    static ExchangeEngine smallState(Engines.Implementation impl) {
        ExchangeEngine e = Engines.create(impl, EngineConfig.skyBtc(), EventSink.NONE);
        assertThat(e.creditDeposit(1, 100, 1, 1, 10_000_000)).isEqualTo(ResultCode.OK);
        assertThat(e.creditDeposit(2, 101, 2, 2, 1_000)).isEqualTo(ResultCode.OK);
        assertThat(e.placeOrder(3, 102, 1, 1, 10, 3, Side.ASK, OrderType.GTC, 50, 5, 0, StpMode.NONE))
                .isEqualTo(ResultCode.OK);
        assertThat(e.placeOrder(4, 103, 2, 1, 11, 0, Side.BID, OrderType.GTC, 60, 3, 0, StpMode.EXPIRE_MAKER))
                .isEqualTo(ResultCode.OK);
        assertThat(e.placeOrder(5, 104, 2, 1, 12, 0, Side.BID, OrderType.POST_ONLY, 40, 2, 0, StpMode.EXPIRE_BOTH))
                .isEqualTo(ResultCode.OK);
        assertThat(e.reserveWithdrawal(6, 105, 77, 1, 2, 100)).isEqualTo(ResultCode.OK);
        assertThat(e.fundSettlementPool(7, 106, 2, 500)).isEqualTo(ResultCode.OK);
        return e;
    }

    @ParameterizedTest
    @EnumSource(Engines.Implementation.class)
    void aSmallSnapshotHasExactlyThePinnedBytesAndRestores(Engines.Implementation impl) {
        byte[] snap = smallState(impl).snapshot();
        System.out.println("SnapshotFormatTest " + impl + ": " + HexFormat.of().formatHex(snap));
        assertThat(HexFormat.of().formatHex(snap)).isEqualTo(GOLDEN);
        byte[] golden = HexFormat.of().parseHex(GOLDEN);
        for (Engines.Implementation other : Engines.Implementation.values()) {
            ExchangeEngine r = Engines.restore(other, EngineConfig.skyBtc(), EventSink.NONE, golden);
            assertThat(r.snapshot()).isEqualTo(golden);
            assertThat(r.pendingWithdrawal(77)).isEqualTo(new WithdrawalView(77, 1, 2, 100));
            assertThat(r.systemBalance(AccountKind.SETTLEMENT_POOL, 2)).isEqualTo(500);
        }
    }

    @Test
    void anUnknownFormatVersionIsRefusedLoudly() {
        byte[] snap = HexFormat.of().parseHex(GOLDEN);
        snap[9] = 3;
        assertThatThrownBy(() -> Engines.restore(Engines.Implementation.FAST, EngineConfig.skyBtc(), EventSink.NONE,
                snap)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported snapshot format version 3 (this build reads version 2 only)");
    }

    @Test
    void anUnknownEnumCodeIsRefusedLoudly() {
        byte[] golden = HexFormat.of().parseHex(GOLDEN);
        ByteBuffer b = ByteBuffer.wrap(golden);
        int nb = b.getInt(HEADER - 16);
        int ns = b.getInt(HEADER - 12);
        int nw = b.getInt(HEADER - 8);
        int system = HEADER + nb * 36;
        int order = system + ns * 13 + nw * 28;
        assertRefused(golden, system + 4, 4, "unknown AccountKind code 4");
        assertRefused(golden, order + 28, 9, "unknown Side code 9");
        assertRefused(golden, order + 28, 0, "unknown Side code 0");
        assertRefused(golden, order + 29, 7, "unknown OrderType code 7");
        assertRefused(golden, order + 30, 5, "unknown StpMode code 5");
    }

    private static void assertRefused(byte[] golden, int offset, int code, String message) {
        byte[] bad = golden.clone();
        bad[offset] = (byte) code;
        for (Engines.Implementation impl : Engines.Implementation.values()) {
            assertThatThrownBy(() -> Engines.restore(impl, EngineConfig.skyBtc(), EventSink.NONE, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("corrupt snapshot: " + message);
        }
    }

    @Test
    void enumCodesAreExplicitUniqueAndRoundTrip() {
        checkCodes(Side.values(), Side::code, Side::fromCode, List.of(1, 2));
        checkCodes(OrderType.values(), OrderType::code, OrderType::fromCode, List.of(1, 2, 3, 4, 5, 6));
        checkCodes(StpMode.values(), StpMode::code, StpMode::fromCode, List.of(1, 2, 3, 4));
        checkCodes(ExpireReason.values(), ExpireReason::code, ExpireReason::fromCode, List.of(1, 2));
        checkCodes(AccountKind.values(), AccountKind::code, AccountKind::fromCode, List.of(1, 2, 3, 10, 11, 12));
        checkCodes(CommandType.values(), CommandType::code, CommandType::fromCode,
                List.of(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13));
        checkCodes(ResultCode.values(), ResultCode::code, ResultCode::fromCode,
                java.util.stream.IntStream.rangeClosed(0, 21).boxed().toList());
        assertThatThrownBy(() -> CommandType.fromCode(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown CommandType code 2");
    }

    private static <E> void checkCodes(E[] values, java.util.function.ToIntFunction<E> code, IntFunction<E> from,
                                       List<Integer> expected) {
        assertThat(java.util.Arrays.stream(values).map(code::applyAsInt).toList()).isEqualTo(expected);
        for (E v : values) {
            assertThat(from.apply(code.applyAsInt(v))).isSameAs(v);
        }
        assertThatThrownBy(() -> from.apply(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown").hasMessageContaining("code 99");
    }
}
