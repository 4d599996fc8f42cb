package io.skyx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fast price ladder against a TreeMap, with prices near and very far apart (window growth, fallback). */
class FastSideTest {

    @ParameterizedTest
    @EnumSource(Side.class)
    void ladderKeepsLevelsInPriceOrder(Side side) {
        long seed = DifferentialTest.seed("FastSideTest " + side);
        SplittableRandom r = new SplittableRandom(seed);
        FastSide s = new FastSide(side);
        TreeMap<Long, FastLevel> model = new TreeMap<>(side == Side.BID ? Comparator.reverseOrder() : null);
        for (int step = 0; step < 200_000; step++) {
            boolean far = r.nextInt(500) == 0;
            long price = far ? 1 + r.nextLong(1L << 30) : 100_000 + r.nextInt(300) + step / 200;
            if (r.nextInt(3) > 0 || model.isEmpty()) {
                FastLevel l = s.getOrCreate(price);
                assertThat(l.price).isEqualTo(price);
                FastLevel prev = model.putIfAbsent(price, l);
                assertThat(prev == null || prev == l).isTrue();
            } else {
                Long key = r.nextBoolean() ? model.firstKey() : model.ceilingKey(price);
                if (key == null) {
                    key = model.firstKey();
                }
                s.removeLevel(model.remove(key));
            }
            assertThat(s.size()).isEqualTo(model.size());
            assertThat(s.best()).isSameAs(model.isEmpty() ? null : model.firstEntry().getValue());
            if (step % 5_000 == 0) {
                List<FastLevel> walk = new ArrayList<>();
                for (FastLevel l = s.best(); l != null; l = s.worse(l)) {
                    walk.add(l);
                }
                assertThat(walk).containsExactlyElementsOf(model.values());
            }
        }
    }
}
