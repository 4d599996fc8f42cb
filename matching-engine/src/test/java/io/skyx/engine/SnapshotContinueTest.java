package io.skyx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Snapshot, restore (into either implementation), continue: the same events and hash as never stopping. */
class SnapshotContinueTest {

    @ParameterizedTest
    @CsvSource({"REFERENCE,FAST", "FAST,REFERENCE", "FAST,FAST", "REFERENCE,REFERENCE"})
    void restoredEngineContinuesExactlyLikeTheUninterruptedOne(Engines.Implementation first,
                                                              Engines.Implementation second) {
        long seed = DifferentialTest.seed("SnapshotContinueTest " + first + "->" + second);
        int total = 30_000;
        for (int round = 0; round < 5; round++) {
            int cut = 1 + new SplittableRandom(seed + round).nextInt(total - 1);
            HashingSink before = new HashingSink();
            HashingSink uninterruptedAfter = new HashingSink();
            EventSink[] target = {before};
            EventSink switching = new ForwardingSink(() -> target[0]);
            ExchangeEngine uninterrupted = Engines.create(first, RandomCommands.CONFIG, switching);
            ExchangeEngine a = Engines.create(first, RandomCommands.CONFIG, EventSink.NONE);
            RandomCommands genU = new RandomCommands(seed + round);
            RandomCommands genA = new RandomCommands(seed + round);
            for (int i = 0; i < cut; i++) {
                genU.next(uninterrupted);
                genA.next(a);
            }
            target[0] = uninterruptedAfter;
            HashingSink restoredSink = new HashingSink();
            ExchangeEngine b = Engines.restore(second, RandomCommands.CONFIG, restoredSink, a.snapshot());
            assertThat(b.stateHash()).isEqualTo(uninterrupted.stateHash());
            for (int i = cut; i < total; i++) {
                genU.next(uninterrupted);
                genA.next(b);
            }
            assertThat(restoredSink.count).as("seed %d round %d cut %d", seed, round, cut)
                    .isEqualTo(uninterruptedAfter.count).isPositive();
            assertThat(restoredSink.hash).as("seed %d round %d cut %d", seed, round, cut)
                    .isEqualTo(uninterruptedAfter.hash);
            assertThat(b.stateHash()).isEqualTo(uninterrupted.stateHash());
            assertThat(b.lastEventSequence()).isEqualTo(uninterrupted.lastEventSequence());
        }
    }
}
