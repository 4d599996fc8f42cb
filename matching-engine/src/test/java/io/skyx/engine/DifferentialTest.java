package io.skyx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The fast engine against the reference on seeded random command streams (orders of every kind, deposits,
 * withdrawals reserved / completed / refunded, settlement-pool funding and payouts): event by event (a 64-bit
 * hash of each command's events, postings included, and their count) and by state hash. The reference shares
 * no arithmetic with the fast engine (see {@link RefRules}). Seed: -Dskyx.seed=…, length:
 * -Dskyx.diff.commands=… (default 1,000,000).
 */
class DifferentialTest {

    static long seed(String what) {
        String s = System.getProperty("skyx.seed");
        long seed = s != null ? Long.parseLong(s) : System.nanoTime();
        System.out.println(what + " seed: " + seed + " (rerun with -Dskyx.seed=" + seed + ")");
        return seed;
    }

    @Test
    void fastEqualsReferenceEventByEventAndByStateHash() {
        long seed = seed("DifferentialTest");
        long n = Long.getLong("skyx.diff.commands", 1_000_000L);
        HashingSink refSink = new HashingSink();
        HashingSink fastSink = new HashingSink();
        ExchangeEngine ref = Engines.create(Engines.Implementation.REFERENCE, RandomCommands.CONFIG, refSink);
        ExchangeEngine fast = Engines.create(Engines.Implementation.FAST, RandomCommands.CONFIG, fastSink);
        RandomCommands gen = new RandomCommands(seed);
        for (long i = 1; i <= n; i++) {
            gen.next(ref, fast);
            if (refSink.hash != fastSink.hash || refSink.count != fastSink.count) {
                throw new AssertionError("seed " + seed + ": events differ at command " + i + "\n"
                        + describe(seed, i));
            }
            if (i % 100_000 == 0 || i == n) {
                assertThat(HexFormat.of().formatHex(fast.stateHash()))
                        .as("seed %d, state hash after %d commands", seed, i)
                        .isEqualTo(HexFormat.of().formatHex(ref.stateHash()));
            }
        }
        for (int m = 1; m <= 2; m++) {
            assertThat(fast.l2Book(m, 1000)).isEqualTo(ref.l2Book(m, 1000));
        }
        System.out.println("DifferentialTest: " + n + " commands, " + refSink.count + " events, all equal: "
                + refSink.summary());
        assertThat(refSink.perType[5]).as("trades").isGreaterThan(n / 20);
        assertThat(refSink.perType[1]).as("rejections").isLessThan(n * 45 / 100);
        assertThat(refSink.perType[3]).as("postings").isGreaterThan(n / 2);
        if (n >= 100_000) {
            for (ResultCode c : new ResultCode[] {ResultCode.UNKNOWN_WITHDRAWAL, ResultCode.DUPLICATE_WITHDRAWAL_ID,
                ResultCode.INSUFFICIENT_POOL, ResultCode.INSUFFICIENT_FUNDS}) {
                assertThat(refSink.perCode[c.ordinal()]).as("refusals %s in the stream", c).isPositive();
            }
        }
    }

    /** Replays the stream up to the failing command with text recorders and shows both event lists. */
    static String describe(long seed, long upTo) {
        EventRecorder a = new EventRecorder();
        EventRecorder b = new EventRecorder();
        ExchangeEngine ref = Engines.create(Engines.Implementation.REFERENCE, RandomCommands.CONFIG, a);
        ExchangeEngine fast = Engines.create(Engines.Implementation.FAST, RandomCommands.CONFIG, b);
        RandomCommands gen = new RandomCommands(seed);
        for (long i = 1; i <= upTo; i++) {
            a.events.clear();
            b.events.clear();
            gen.next(ref, fast);
        }
        return "reference:\n" + a + "\nfast:\n" + b;
    }
}
