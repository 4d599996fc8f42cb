package io.skyx.node.coin;

import java.util.Random;

/**
 * Seeds of the randomised coin tests. Each property draws a {@code long seed} (jqwik prints it with any falsifying
 * sample, and prints its own run seed); {@code -Dskyx.seed=N} replays exactly the case with seed N on every try.
 */
public final class Seeds {
    private Seeds() {
    }

    /** @return a generator seeded with {@code -Dskyx.seed} if given, else with {@code drawn} */
    public static Random random(long drawn) {
        Long fixed = Long.getLong("skyx.seed");
        return new Random(fixed != null ? fixed : drawn);
    }
}
