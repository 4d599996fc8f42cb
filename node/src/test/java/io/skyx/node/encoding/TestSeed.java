package io.skyx.node.encoding;

import java.util.Random;

/**
 * Seeded randomness for hand-written randomised tests: the seed comes from {@code -Dskyx.test.seed=N} or the clock,
 * and is always printed so a failure can be replayed.
 */
final class TestSeed {
    private TestSeed() {
    }

    static Random random(String testName) {
        long seed = Long.getLong("skyx.test.seed", System.nanoTime());
        System.out.println(testName + ": seed=" + seed + " (replay with -Dskyx.test.seed=" + seed + ")");
        return new Random(seed);
    }
}
