package io.skyx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties over random command streams and random books, for both implementations: quantity conserved and
 * ledger balanced (fees and rounding never create or destroy a unit), book never crossed at rest, fills at the
 * maker's price, FOK all or nothing, post-only never takes, STP never lets a self-trade through, books and
 * ledger rebuildable from events (checked by {@link InvariantSink} after every command).
 */
class EnginePropertiesTest {

    @Property(tries = 25)
    void invariantsHoldOnRandomStreams(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2_000) int commands,
                                       @ForAll Engines.Implementation impl) {
        InvariantSink inv = new InvariantSink(RandomCommands.CONFIG);
        ExchangeEngine e = Engines.create(impl, RandomCommands.CONFIG, inv);
        RandomCommands gen = new RandomCommands(seed);
        for (int i = 0; i < commands; i++) {
            gen.next(e);
            inv.endCommand(e);
        }
    }

    @Property(tries = 40)
    void feesAndRoundingNeverCreateOrDestroyAUnit(@ForAll @IntRange(max = 100_000) int makerPpm,
                                                  @ForAll @IntRange(max = 100_000) int takerPpm,
                                                  @ForAll @IntRange(min = 1, max = 1_000) int tickUnits,
                                                  @ForAll long seed, @ForAll Engines.Implementation impl) {
        EngineConfig config = new EngineConfig(RandomCommands.CONFIG.assets(), List.of(
                new MarketSpec(1, "SKY-BTC", 1, 2, 1_000_000L, tickUnits, 1L, 0L, makerPpm, takerPpm),
                new MarketSpec(2, "ETH-BTC", 3, 2, 1_000L, 7L, 2L, 500L, takerPpm, makerPpm)));
        InvariantSink inv = new InvariantSink(config);
        ExchangeEngine e = Engines.create(impl, config, inv);
        RandomCommands gen = new RandomCommands(seed);
        for (int i = 0; i < 400; i++) {
            gen.next(e);
            inv.endCommand(e);
        }
    }

    record Maker(long user, long price, long size) {
    }

    @Provide
    Arbitrary<Maker> makers() {
        return Combinators.combine(Arbitraries.longs().between(1, 2), Arbitraries.longs().between(95, 105),
                Arbitraries.longs().between(1, 9)).as(Maker::new);
    }

    @Property(tries = 200)
    void eachStpModeDoesWhatItSays(@ForAll @Size(min = 1, max = 12) List<@From("makers") Maker> makers,
                                   @ForAll StpMode mode, @ForAll @IntRange(min = 1, max = 60) int takerSize,
                                   @ForAll Engines.Implementation impl) {
        InvariantSink inv = new InvariantSink(EngineConfig.skyBtc());
        ExchangeEngine e = Engines.create(impl, EngineConfig.skyBtc(), inv);
        long seq = 0;
        for (long u = 1; u <= 2; u++) {
            e.creditDeposit(++seq, 0, u, 1, 1_000_000_000_000L);
            e.creditDeposit(++seq, 0, u, 2, 1_000_000_000_000L);
        }
        long id = 0;
        for (Maker m : makers) {
            assertThat(e.placeOrder(++seq, 0, m.user(), 1, ++id, 0, Side.ASK, OrderType.GTC, m.price(), m.size(), 0,
                    StpMode.NONE)).isEqualTo(ResultCode.OK);
            inv.endCommand(e);
        }
        List<OrderView> ownBefore = e.openOrders(1);
        EventRecorder rec = new EventRecorder();
        ExchangeEngine copy = Engines.restore(impl, EngineConfig.skyBtc(), rec, e.snapshot());
        assertThat(copy.placeOrder(++seq, 0, 1, 1, 1_000, 0, Side.BID, OrderType.IOC, 105, takerSize, 0, mode))
                .isEqualTo(ResultCode.OK);
        List<String> ev = rec.events;
        long selfTrades = ev.stream().filter(s -> s.startsWith("trade") && s.contains(" 1 1000 1 BID ")).count();
        long makerExpiries = ev.stream().filter(s -> s.startsWith("expired") && !s.contains(" 1000 1 ")).count();
        long takerStp = ev.stream().filter(s -> s.startsWith("expired") && s.contains(" 1000 1 ")
                && s.endsWith("SELF_TRADE_PREVENTION")).count();
        switch (mode) {
            case NONE -> assertThat(makerExpiries + takerStp).isZero();
            case EXPIRE_MAKER -> {
                assertThat(selfTrades + takerStp).isZero();
                assertThat(makerExpiries).isLessThanOrEqualTo(ownBefore.size());
            }
            case EXPIRE_TAKER -> {
                assertThat(selfTrades + makerExpiries).isZero();
                assertThat(copy.openOrders(1)).isEqualTo(ownBefore);
            }
            case EXPIRE_BOTH -> {
                assertThat(selfTrades).isZero();
                assertThat(makerExpiries).isLessThanOrEqualTo(1);
                assertThat(makerExpiries).isEqualTo(takerStp);
            }
        }
        if (mode != StpMode.NONE && takerStp == 0 && makerExpiries == 0) {
            assertThat(ev).noneMatch(s -> s.startsWith("trade") && s.contains(" 1 1000 1 BID "));
        }
    }

    @Property(tries = 200)
    void postOnlyNeverTakesAndFokIsAllOrNothing(@ForAll @Size(max = 12) List<@From("makers") Maker> makers,
                                               @ForAll @IntRange(min = 90, max = 110) int price,
                                               @ForAll @IntRange(min = 1, max = 60) int size,
                                               @ForAll Engines.Implementation impl) {
        InvariantSink inv = new InvariantSink(EngineConfig.skyBtc());
        ExchangeEngine e = Engines.create(impl, EngineConfig.skyBtc(), inv);
        long seq = 0;
        for (long u = 1; u <= 3; u++) {
            e.creditDeposit(++seq, 0, u, 1, 1_000_000_000_000L);
            e.creditDeposit(++seq, 0, u, 2, 1_000_000_000_000L);
        }
        long id = 0;
        for (Maker m : makers) {
            e.placeOrder(++seq, 0, m.user(), 1, ++id, 0, Side.ASK, OrderType.GTC, m.price(), m.size(), 0,
                    StpMode.NONE);
            inv.endCommand(e);
        }
        long available = makers.stream().filter(m -> m.price() <= price).mapToLong(Maker::size).sum();
        byte[] before = e.snapshot();
        ResultCode po = e.placeOrder(++seq, 0, 3, 1, 500, 0, Side.BID, OrderType.POST_ONLY, price, size, 0,
                StpMode.NONE);
        inv.endCommand(e);
        boolean crosses = makers.stream().anyMatch(m -> m.price() <= price);
        assertThat(po).isEqualTo(crosses ? ResultCode.WOULD_TAKE : ResultCode.OK);
        ExchangeEngine f = Engines.restore(impl, EngineConfig.skyBtc(), EventSink.NONE, before);
        long asksBefore = sum(f.l2Book(1, 100).askSizes());
        ResultCode fok = f.placeOrder(++seq, 0, 3, 1, 501, 0, Side.BID, OrderType.FOK, price, size, 0,
                StpMode.NONE);
        long asksAfter = sum(f.l2Book(1, 100).askSizes());
        if (available >= size) {
            assertThat(fok).isEqualTo(ResultCode.OK);
            assertThat(asksBefore - asksAfter).isEqualTo(size);
        } else {
            assertThat(fok).isEqualTo(ResultCode.FOK_NOT_FILLED);
            assertThat(asksAfter).isEqualTo(asksBefore);
        }
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }
}
