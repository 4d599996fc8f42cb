package io.skyx.ops.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadPhaseTest {

    @Test
    void orderBodiesNeverCrossAndAreReproducibleFromTheSeed() {
        long seed = Long.getLong("skyx.test.seed", System.nanoTime());
        System.out.println("LoadPhaseTest seed " + seed + " (rerun with -Dskyx.test.seed=" + seed + ")");
        SplittableRandom a = new SplittableRandom(seed);
        SplittableRandom b = new SplittableRandom(seed);
        long maxBuy = 0;
        long minSell = Long.MAX_VALUE;
        for (int i = 0; i < 1000; i++) {
            String body = LoadPhase.orderBody("SKY-BTC", a);
            assertThat(LoadPhase.orderBody("SKY-BTC", b)).isEqualTo(body);
            assertThat(MiniJson.member(body, "market")).isEqualTo("SKY-BTC");
            assertThat(MiniJson.member(body, "amount")).isEqualTo("1");
            String price = MiniJson.member(body, "price");
            assertThat(price).matches("0\\.\\d{8}");
            long satoshis = Long.parseLong(price.substring(2));
            if ("buy".equals(MiniJson.member(body, "side"))) {
                maxBuy = Math.max(maxBuy, satoshis);
            } else {
                minSell = Math.min(minSell, satoshis);
            }
        }
        assertThat(maxBuy).isLessThan(minSell);
    }

    @Test
    void reportAndRatio() {
        Histogram place = new Histogram(60_000_000L, 3);
        Histogram cancel = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 100; i++) {
            place.recordValue(i * 100L);
            cancel.recordValue(i * 50L);
        }
        PhaseResult orders = new PhaseResult("orders", 2, 2_000_000_000L, 100, 100, place, cancel, Map.of());
        Histogram fast = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 200; i++) {
            fast.recordValue(i * 10L);
        }
        PhaseResult noop = new PhaseResult("noop", 2, 2_000_000_000L, 200, 200, fast, fast, Map.of("place HTTP_500", 3L));
        assertThat(orders.ackedPerSecond()).isEqualTo(50.0);
        assertThat(orders.report()).contains("100 acknowledged (50.0/s)").contains("p50 5.00 ms").contains("errors: none");
        assertThat(noop.report()).contains("errors: 3 {place HTTP_500=3}");
        assertThat(LoadMain.ratio(orders, noop)).contains("throughput 0.50").contains("place p50 latency 5.00x");
    }
}
