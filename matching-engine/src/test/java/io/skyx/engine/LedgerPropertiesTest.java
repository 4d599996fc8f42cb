package io.skyx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of the accounts over random command streams (deposits, orders, cancels, withdrawals reserved /
 * completed / refunded, pool funding and payouts), and agreement of the two engines' independent arithmetic.
 * The ledger checks themselves (sum zero per asset, ledger rebuilt from postings equal to every user and
 * system balance, -RESERVE = users + FEES + SETTLEMENT_POOL) run after every command in {@link InvariantSink},
 * which {@link EnginePropertiesTest} drives; this class adds what InvariantSink cannot see.
 */
class LedgerPropertiesTest {

    /** A sink that remembers whether the current command was refused. */
    private static final class RefusalSink implements EventSink {
        ResultCode refused;

        @Override
        public void rejected(long eventSeq, long commandSeq, long ts, CommandType command, long userId,
                             long orderId, ResultCode code) {
            refused = code;
        }
    }

    /** The snapshot with the sequence and event counters zeroed (a refusal consumes both, nothing else). */
    static byte[] withoutCounters(ExchangeEngine e) {
        byte[] s = e.snapshot();
        Arrays.fill(s, 8 + 2 + 32, 8 + 2 + 32 + 16, (byte) 0);
        return s;
    }

    @Property(tries = 25)
    void everyRefusedCommandLeavesTheStateUnchanged(@ForAll long seed,
                                                    @ForAll @IntRange(min = 1, max = 3_000) int commands,
                                                    @ForAll Engines.Implementation impl) {
        RefusalSink sink = new RefusalSink();
        ExchangeEngine e = Engines.create(impl, RandomCommands.CONFIG, sink);
        RandomCommands gen = new RandomCommands(seed);
        int refusals = 0;
        for (int i = 0; i < commands; i++) {
            byte[] before = withoutCounters(e);
            long events = e.lastEventSequence();
            sink.refused = null;
            gen.next(e);
            if (sink.refused != null) {
                refusals++;
                assertThat(withoutCounters(e)).as("seed %d command %d refused %s", seed, i, sink.refused)
                        .isEqualTo(before);
                assertThat(e.lastEventSequence()).isEqualTo(events + 1);
            }
        }
        assertThat(refusals).isLessThanOrEqualTo(commands);
    }

    @Property(tries = 2_000)
    void referenceArithmeticAgreesWithTheFastEnginesOnLocksFeesAndMarketBuys(
            @ForAll @IntRange(max = 100_000) int makerPpm, @ForAll @IntRange(max = 100_000) int takerPpm,
            @ForAll @LongRange(min = 1, max = 1_000) long tick, @ForAll @LongRange(min = 1, max = 1L << 40) long price,
            @ForAll @LongRange(min = 1, max = 1L << 30) long size, @ForAll @LongRange(max = 999_999) long credit,
            @ForAll @LongRange(min = 1, max = EngineLimits.MAX_NOTIONAL) long budget) {
        MarketSpec m = new MarketSpec(1, "A-B", 1, 2, 1_000L, tick, 1L, 0L, makerPpm, takerPpm);
        BigInteger basis = BigInteger.valueOf(-credit);
        BigInteger exact = BigInteger.valueOf(price).multiply(BigInteger.valueOf(size))
                .multiply(BigInteger.valueOf(tick));
        boolean fits = exact.compareTo(BigInteger.valueOf(EngineLimits.MAX_NOTIONAL)) <= 0;
        long n = fits ? exact.longValueExact() : budget;
        int max = Math.max(makerPpm, takerPpm);
        assertThat(RefRules.bidLock(m, n, basis)).isEqualTo(Arith.bidLock(n, max, credit));
        long fee = RefRules.fee(basis, n, takerPpm);
        assertThat(fee).isEqualTo(Arith.fee(n * takerPpm, credit));
        assertThat(RefRules.basisAfter(basis, n, takerPpm, fee).negate().longValueExact())
                .isEqualTo(Arith.creditAfter(n * takerPpm, credit, fee));
        long unitPrice = Math.min(price, EngineLimits.MAX_NOTIONAL / tick);
        assertThat(RefRules.affordableLots(m, unitPrice, budget, basis, size))
                .isEqualTo(Arith.affordableLots(budget, unitPrice * tick, takerPpm, credit, size));
        if (price <= EngineLimits.MAX_PRICE) {
            for (Side side : Side.values()) {
                assertThat(RefRules.checkPlace(m, 1, 1, 0, side, OrderType.GTC, price, size, 0, StpMode.NONE))
                        .isEqualTo(PlaceRules.check(m, 1, 1, 0, side, OrderType.GTC, price, size, 0, StpMode.NONE));
            }
        }
    }

    @Example
    void theReferenceEngineSharesNoArithmeticWithTheFastEngine() throws Exception {
        Path dir = Path.of("src/main/java/io/skyx/engine");
        for (String f : new String[] {"ReferenceEngine.java", "RefBook.java", "RefAccounts.java", "RefOrder.java",
            "RefRules.java"}) {
            String src = Files.readString(dir.resolve(f));
            assertThat(src).as(f).doesNotContain("Arith.").doesNotContain("PlaceRules.");
        }
    }
}
