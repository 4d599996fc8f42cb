package io.skyx.engine;

import static io.skyx.engine.OrderType.FOK;
import static io.skyx.engine.OrderType.FOK_BUDGET;
import static io.skyx.engine.OrderType.GTC;
import static io.skyx.engine.OrderType.IOC;
import static io.skyx.engine.OrderType.MARKET;
import static io.skyx.engine.OrderType.POST_ONLY;
import static io.skyx.engine.Side.ASK;
import static io.skyx.engine.Side.BID;
import static io.skyx.engine.StpMode.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every engine implementation must show; subclasses pick the implementation. */
abstract class EngineSuite {
    static final int SKY = 1;
    static final int BTC = 2;
    static final int M = 1;
    static final long SKY_UNIT = 1_000_000L;

    abstract Engines.Implementation impl();

    EventRecorder rec;
    ExchangeEngine e;
    long seq;

    @BeforeEach
    void setUp() {
        rec = new EventRecorder();
        e = Engines.create(impl(), EngineConfig.skyBtc(), rec);
        deposit(1, SKY, 1_000 * SKY_UNIT);
        deposit(1, BTC, 100_000_000L);
        deposit(2, SKY, 1_000 * SKY_UNIT);
        deposit(2, BTC, 100_000_000L);
        rec.drain();
    }

    ResultCode deposit(long user, int asset, long amount) {
        return e.creditDeposit(++seq, 1000 + seq, user, asset, amount);
    }

    ResultCode place(long user, long id, Side side, OrderType type, long price, long size) {
        return e.placeOrder(++seq, 1000 + seq, user, M, id, 0, side, type, price, size, 0, NONE);
    }

    ResultCode place(long user, long id, Side side, OrderType type, long price, long size, StpMode stp) {
        return e.placeOrder(++seq, 1000 + seq, user, M, id, 0, side, type, price, size, 0, stp);
    }

    L2Book book() {
        return e.l2Book(M, 10);
    }

    /** Everything but the counters: books, orders, balances, fees. */
    String visibleState() {
        return book() + " " + e.openOrders(1) + e.openOrders(2) + e.balances(1) + e.balances(2)
                + e.feeBalance(BTC);
    }

    long total(long user, int asset) {
        BalanceView b = e.balance(user, asset);
        return b.available() + b.locked();
    }

    @Test
    void restingOrdersAndATradeAtTheMakersPriceWithExactFees() {
        assertThat(place(1, 10, ASK, GTC, 50, 5)).isEqualTo(ResultCode.OK);
        assertThat(e.balance(1, SKY)).isEqualTo(new BalanceView(SKY, 995 * SKY_UNIT, 5 * SKY_UNIT));
        assertThat(place(2, 11, BID, GTC, 60, 3)).isEqualTo(ResultCode.OK);
        // buyer locked 60*3 = 180 + ceil(180*2000/1e6) = 1 -> 181, traded 3 at 50: notional 150
        // taker fee ceil(150*0.002) = 1; maker fee ceil(150*0.001) = 1
        assertThat(e.balance(2, BTC)).isEqualTo(new BalanceView(BTC, 100_000_000L - 151, 0));
        assertThat(e.balance(2, SKY).available()).isEqualTo(1_003 * SKY_UNIT);
        assertThat(e.balance(1, BTC).available()).isEqualTo(100_000_000L + 149);
        assertThat(e.balance(1, SKY)).isEqualTo(new BalanceView(SKY, 995 * SKY_UNIT, 2 * SKY_UNIT));
        assertThat(e.feeBalance(BTC)).isEqualTo(2);
        assertThat(book()).isEqualTo(new L2Book(M, new long[0], new long[0], new long[] {50}, new long[] {2}));
        assertThat(total(1, BTC) + total(2, BTC) + e.feeBalance(BTC)).isEqualTo(200_000_000L);
        List<String> ev = rec.drain();
        assertThat(ev).filteredOn(s -> s.startsWith("trade")).singleElement().asString()
                .endsWith("11 2 BID 50 3 150 1 1 2 2 0");
    }

    @Test
    void priceTimePriority() {
        place(1, 1, ASK, GTC, 51, 1);
        place(1, 2, ASK, GTC, 50, 1);
        place(2, 3, ASK, GTC, 50, 1);
        rec.drain();
        place(2, 4, BID, IOC, 60, 2);
        List<String> trades = rec.drain().stream().filter(s -> s.startsWith("trade")).toList();
        assertThat(trades).hasSize(2);
        assertThat(trades.get(0)).contains(" 2 1 4 2 BID 50 1 ");
        assertThat(trades.get(1)).contains(" 3 2 4 2 BID 50 1 ");
        assertThat(e.order(1)).isNotNull();
        assertThat(e.order(2)).isNull();
    }

    @Test
    void iocRemainderExpiresAndReleasesItsLock() {
        place(1, 1, ASK, GTC, 50, 2);
        rec.drain();
        assertThat(place(2, 2, BID, IOC, 55, 5)).isEqualTo(ResultCode.OK);
        assertThat(rec.drain()).anyMatch(s -> s.startsWith("expired") && s.endsWith("2 2 3 UNFILLED"));
        assertThat(e.balance(2, BTC).locked()).isZero();
        assertThat(e.openOrders(2)).isEmpty();
    }

    @Test
    void fokIsAllOrNothing() {
        place(1, 1, ASK, GTC, 50, 2);
        place(1, 2, ASK, GTC, 52, 2);
        String before = visibleState();
        assertThat(place(2, 3, BID, FOK, 51, 3)).isEqualTo(ResultCode.FOK_NOT_FILLED);
        assertThat(visibleState()).isEqualTo(before);
        assertThat(place(2, 4, BID, FOK, 52, 3)).isEqualTo(ResultCode.OK);
        assertThat(book().askSizes()).containsExactly(1);
    }

    @Test
    void fokBudgetFillsTheWholeSizeWithinTheBudgetOrNothing() {
        place(1, 1, ASK, GTC, 50, 2);
        place(1, 2, ASK, GTC, 60, 2);
        // 3 lots cost 50*2 + 60 = 160
        String before = visibleState();
        assertThat(e.placeOrder(++seq, 0, 2, M, 3, 0, BID, FOK_BUDGET, 0, 3, 159, NONE))
                .isEqualTo(ResultCode.FOK_NOT_FILLED);
        assertThat(visibleState()).isEqualTo(before);
        assertThat(e.placeOrder(++seq, 0, 2, M, 3, 0, BID, FOK_BUDGET, 0, 3, 160, NONE)).isEqualTo(ResultCode.OK);
        assertThat(book().askSizes()).containsExactly(1);
        place(2, 5, BID, GTC, 40, 4);
        assertThat(e.placeOrder(++seq, 0, 1, M, 6, 0, ASK, FOK_BUDGET, 0, 4, 161, NONE))
                .isEqualTo(ResultCode.FOK_NOT_FILLED);
        assertThat(e.placeOrder(++seq, 0, 1, M, 6, 0, ASK, FOK_BUDGET, 0, 4, 160, NONE)).isEqualTo(ResultCode.OK);
    }

    @Test
    void postOnlyNeverTakes() {
        place(1, 1, ASK, GTC, 50, 2);
        String before = visibleState();
        assertThat(place(2, 2, BID, POST_ONLY, 50, 1)).isEqualTo(ResultCode.WOULD_TAKE);
        assertThat(visibleState()).isEqualTo(before);
        assertThat(place(2, 2, BID, POST_ONLY, 49, 1)).isEqualTo(ResultCode.OK);
        assertThat(e.amendOrder(++seq, 0, 2, 2, 50, 0)).isEqualTo(ResultCode.WOULD_TAKE);
        assertThat(e.order(2).price()).isEqualTo(49);
    }

    @Test
    void marketOrdersSpendABudgetOrSellASize() {
        place(1, 1, ASK, GTC, 50, 2);
        place(1, 2, ASK, GTC, 100, 5);
        // budget 400: 2 lots at 50 = 100 + fee ceil(0.2) = 1; then 2 lots at 100 = 200: the order's fees are
        // rounded up as a whole, ceil((100 + 200) * 0.002) = 1 is already paid -> spent 301, 99 left (< 1 lot)
        assertThat(e.placeOrder(++seq, 0, 2, M, 3, 0, BID, MARKET, 0, 0, 400, NONE)).isEqualTo(ResultCode.OK);
        assertThat(e.balance(2, SKY).available()).isEqualTo(1_004 * SKY_UNIT);
        assertThat(e.balance(2, BTC)).isEqualTo(new BalanceView(BTC, 100_000_000L - 301, 0));
        assertThat(book().askSizes()).containsExactly(3);
        place(2, 4, BID, GTC, 40, 1);
        assertThat(e.placeOrder(++seq, 0, 1, M, 5, 0, ASK, MARKET, 0, 3, 0, NONE)).isEqualTo(ResultCode.OK);
        assertThat(book().bidPrices()).isEmpty();
        assertThat(e.balance(1, SKY).locked()).isEqualTo(3 * SKY_UNIT);
        assertThat(e.placeOrder(++seq, 0, 1, M, 6, 0, BID, MARKET, 0, 1, 100, NONE))
                .isEqualTo(ResultCode.INVALID_SIZE);
        assertThat(e.placeOrder(++seq, 0, 1, M, 6, 0, BID, MARKET, 0, 0, 0, NONE))
                .isEqualTo(ResultCode.INVALID_AMOUNT);
    }

    @Test
    void cancelCancelAllAndOwnership() {
        place(1, 1, BID, GTC, 40, 2);
        place(1, 2, BID, GTC, 41, 2);
        place(2, 3, BID, GTC, 42, 2);
        assertThat(e.cancelOrder(++seq, 0, 2, 1)).isEqualTo(ResultCode.NOT_OWNER);
        assertThat(e.cancelOrder(++seq, 0, 1, 99)).isEqualTo(ResultCode.UNKNOWN_ORDER);
        assertThat(e.cancelOrder(++seq, 0, 1, 1)).isEqualTo(ResultCode.OK);
        assertThat(e.cancelAll(++seq, 0, 1, 7)).isEqualTo(ResultCode.UNKNOWN_MARKET);
        rec.drain();
        assertThat(e.cancelAll(++seq, 0, 1, M)).isEqualTo(ResultCode.OK);
        assertThat(rec.count("cancelled")).isEqualTo(1);
        assertThat(e.openOrders(1)).isEmpty();
        assertThat(e.balance(1, BTC)).isEqualTo(new BalanceView(BTC, 100_000_000L, 0));
        assertThat(e.openOrders(2)).hasSize(1);
    }

    @Test
    void amendKeepsPriorityOnlyWhenReducing() {
        place(1, 1, ASK, GTC, 50, 5);
        place(2, 2, ASK, GTC, 50, 5);
        assertThat(e.amendOrder(++seq, 0, 1, 1, 0, 3)).isEqualTo(ResultCode.OK);
        assertThat(e.amendOrder(++seq, 0, 1, 1, 0, 3)).isEqualTo(ResultCode.NOTHING_TO_CHANGE);
        assertThat(e.balance(1, SKY).locked()).isEqualTo(3 * SKY_UNIT);
        assertThat(book().askSizes()).containsExactly(8);
        rec.drain();
        place(1, 3, BID, IOC, 50, 1, StpMode.NONE);
        assertThat(rec.drain()).anyMatch(s -> s.startsWith("trade") && s.contains(" 1 1 3 1 BID "));
        // increasing the size loses priority
        assertThat(e.amendOrder(++seq, 0, 1, 1, 0, 6)).isEqualTo(ResultCode.OK);
        rec.drain();
        place(1, 4, BID, IOC, 50, 1);
        assertThat(rec.drain()).anyMatch(s -> s.startsWith("trade") && s.contains(" 2 2 4 1 BID "));
        // moving the price loses priority and may trade at once
        assertThat(e.amendOrder(++seq, 0, 2, 2, 55, 0)).isEqualTo(ResultCode.OK);
        assertThat(book().askPrices()).containsExactly(50, 55);
        place(2, 5, BID, GTC, 45, 2);
        assertThat(e.amendOrder(++seq, 0, 2, 5, 50, 0)).isEqualTo(ResultCode.OK);
        assertThat(e.order(5)).isNull();
        assertThat(e.reduceOrder(++seq, 0, 2, 2, 1)).isEqualTo(ResultCode.OK);
        assertThat(e.order(2).remaining()).isEqualTo(3);
        assertThat(e.reduceOrder(++seq, 0, 2, 2, 10)).isEqualTo(ResultCode.OK);
        assertThat(e.order(2)).isNull();
    }

    @Test
    void selfTradePreventionModes() {
        for (StpMode mode : StpMode.values()) {
            setUp();
            place(1, 1, ASK, GTC, 50, 1);
            place(1, 2, ASK, GTC, 50, 1);
            place(2, 3, ASK, GTC, 50, 1);
            rec.drain();
            assertThat(place(1, 4, BID, GTC, 50, 3, mode)).isEqualTo(ResultCode.OK);
            List<String> ev = rec.drain();
            long trades = ev.stream().filter(s -> s.startsWith("trade")).count();
            switch (mode) {
                case NONE -> assertThat(trades).isEqualTo(3);
                case EXPIRE_MAKER -> {
                    assertThat(trades).isEqualTo(1);
                    assertThat(ev).filteredOn(s -> s.contains("SELF_TRADE_PREVENTION")).hasSize(2);
                    assertThat(e.order(4).remaining()).isEqualTo(2);
                }
                case EXPIRE_TAKER -> {
                    assertThat(trades).isZero();
                    assertThat(e.order(4)).isNull();
                    assertThat(book().askSizes()).containsExactly(3);
                }
                case EXPIRE_BOTH -> {
                    assertThat(trades).isZero();
                    assertThat(e.order(4)).isNull();
                    assertThat(e.order(1)).isNull();
                    assertThat(book().askSizes()).containsExactly(2);
                }
            }
            assertThat(total(1, BTC) + total(2, BTC) + e.feeBalance(BTC)).isEqualTo(200_000_000L);
            assertThat(total(1, SKY) + total(2, SKY)).isEqualTo(2_000 * SKY_UNIT);
        }
    }

    @Test
    void badInputIsRefusedWithACodeAndChangesNothing() {
        place(1, 1, ASK, GTC, 50, 5);
        e.placeOrder(++seq, 0, 1, M, 2, 77, ASK, GTC, 51, 1, 0, NONE);
        String before = visibleState();
        rec.drain();
        assertThat(place(1, 1, ASK, GTC, 50, 1)).isEqualTo(ResultCode.DUPLICATE_ORDER_ID);
        assertThat(e.placeOrder(++seq, 0, 1, M, 3, 77, ASK, GTC, 51, 1, 0, NONE))
                .isEqualTo(ResultCode.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(place(1, 3, ASK, GTC, 0, 1)).isEqualTo(ResultCode.INVALID_PRICE);
        assertThat(place(1, 3, ASK, GTC, 50, 0)).isEqualTo(ResultCode.INVALID_SIZE);
        assertThat(place(1, 3, ASK, GTC, 50, 100_000)).isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(place(1, 3, BID, GTC, 1L << 39, 1_000_000)).isEqualTo(ResultCode.ABOVE_MAX_NOTIONAL);
        assertThat(e.placeOrder(++seq, 0, 1, 9, 3, 0, ASK, GTC, 50, 1, 0, NONE)).isEqualTo(ResultCode.UNKNOWN_MARKET);
        assertThat(e.placeOrder(++seq, 0, 1, M, 3, 0, null, GTC, 50, 1, 0, NONE))
                .isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(e.placeOrder(seq, 0, 1, M, 3, 0, ASK, GTC, 50, 1, 0, NONE))
                .isEqualTo(ResultCode.SEQUENCE_NOT_INCREASING);
        assertThat(e.reserveWithdrawal(++seq, 0, 7, 1, SKY, 995 * SKY_UNIT)).isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(e.creditDeposit(++seq, 0, 1, 99, 5)).isEqualTo(ResultCode.UNKNOWN_ASSET);
        assertThat(e.creditDeposit(++seq, 0, 1, SKY, -5)).isEqualTo(ResultCode.INVALID_AMOUNT);
        assertThat(e.creditDeposit(++seq, 0, 1, SKY, Long.MAX_VALUE)).isEqualTo(ResultCode.INVALID_AMOUNT);
        assertThat(e.amendOrder(++seq, 0, 1, 1, -1, 0)).isEqualTo(ResultCode.INVALID_PRICE);
        assertThat(e.reduceOrder(++seq, 0, 1, 1, 0)).isEqualTo(ResultCode.INVALID_SIZE);
        assertThat(visibleState()).isEqualTo(before);
        List<String> ev = rec.drain();
        assertThat(ev).hasSize(15).allMatch(s -> s.startsWith("rejected"));
        assertThat(e.reserveWithdrawal(++seq, 0, 7, 1, SKY, 994 * SKY_UNIT)).isEqualTo(ResultCode.OK);
    }

    @Test
    void snapshotRestoresTheSameStateAndRefusesCorruptBytes() {
        place(1, 1, ASK, GTC, 50, 5);
        place(2, 2, BID, GTC, 45, 5);
        place(2, 3, BID, GTC, 51, 1);
        byte[] snap = e.snapshot();
        for (Engines.Implementation other : Engines.Implementation.values()) {
            ExchangeEngine r = Engines.restore(other, EngineConfig.skyBtc(), EventSink.NONE, snap);
            assertThat(r.snapshot()).isEqualTo(snap);
            assertThat(r.stateHash()).isEqualTo(e.stateHash());
            assertThat(r.l2Book(M, 10)).isEqualTo(book());
            assertThat(r.openOrders(2)).isEqualTo(e.openOrders(2));
            assertThat(r.lastSequence()).isEqualTo(e.lastSequence());
        }
        byte[] bad = Arrays.copyOf(snap, snap.length);
        bad[bad.length - 30] ^= 0x40;
        assertThatThrownBy(() -> Engines.restore(impl(), EngineConfig.skyBtc(), EventSink.NONE, bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt snapshot");
        assertThatThrownBy(() -> Engines.restore(impl(), EngineConfig.skyBtc(), EventSink.NONE,
                Arrays.copyOf(snap, snap.length - 1))).hasMessageContaining("corrupt snapshot");
        EngineConfig other = new EngineConfig(EngineConfig.skyBtc().assets(), List.of());
        assertThatThrownBy(() -> Engines.restore(impl(), other, EventSink.NONE, snap))
                .hasMessageContaining("different engine configuration");
    }
}
