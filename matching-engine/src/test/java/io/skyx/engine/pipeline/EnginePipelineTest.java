package io.skyx.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.engine.AssetSpec;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.MarketSpec;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The threaded pipeline gives each shard exactly the state and events of a direct, single-threaded engine. */
class EnginePipelineTest {
    static final EngineConfig CONFIG = new EngineConfig(
            List.of(new AssetSpec(1, "SKY", 6), new AssetSpec(2, "BTC", 8), new AssetSpec(3, "ETH", 8)),
            List.of(new MarketSpec(1, "SKY-BTC", 1, 2, 1_000_000L, 1L, 1L, 0L, 1_000, 2_000),
                    new MarketSpec(2, "ETH-BTC", 3, 2, 1_000L, 7L, 1L, 0L, 500, 2_500)));

    /** One generated command, applied either to the pipeline or to a direct engine with the same seq. */
    record Cmd(int kind, long user, int market, long orderId, Side side, OrderType type, long price, long size) {
        ResultCode apply(ExchangeEngine e, long seq) {
            return switch (kind) {
                case 0 -> e.deposit(seq, seq, user, (int) price, size);
                case 1 -> e.placeOrder(seq, seq, user, market, orderId, 0, side, type, price, size, 0, StpMode.NONE);
                case 2 -> e.cancelOrder(seq, seq, user, orderId);
                default -> e.amendOrder(seq, seq, user, orderId, price, 0);
            };
        }

        void publish(EnginePipeline p, long seq) {
            switch (kind) {
                case 0 -> p.deposit(seq, 0, market, user, (int) price, size);
                case 1 -> p.placeOrder(seq, 0, user, market, orderId, 0, side, type, price, size, 0, StpMode.NONE);
                case 2 -> p.cancelOrder(seq, 0, user, market, orderId);
                default -> p.amendOrder(seq, 0, user, market, orderId, price, 0);
            }
        }
    }

    static List<Cmd> commands(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Cmd> out = new ArrayList<>();
        for (int m = 1; m <= 2; m++) {
            for (long u = 1; u <= 4; u++) {
                for (int a = 1; a <= 3; a++) {
                    out.add(new Cmd(0, u, m, 0, null, null, a, 1_000_000_000_000L));
                }
            }
        }
        long id = 0;
        while (out.size() < n) {
            int m = 1 + r.nextInt(2);
            long user = 1 + r.nextInt(4);
            int k = r.nextInt(10);
            if (k < 6) {
                Side side = r.nextBoolean() ? Side.BID : Side.ASK;
                out.add(new Cmd(1, user, m, ++id, side, r.nextInt(5) == 0 ? OrderType.IOC : OrderType.GTC,
                        100 + r.nextInt(10) - (side == Side.BID ? 4 : 0), 1 + r.nextInt(9)));
            } else if (k < 8) {
                out.add(new Cmd(2, user, m, 1 + r.nextLong(id + 1), null, null, 0, 0));
            } else {
                out.add(new Cmd(3, user, m, 1 + r.nextLong(id + 1), null, null, 95 + r.nextInt(12), 0));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shardsMatchDirectEngines(int shards) {
        long seed = Long.getLong("skyx.seed", System.nanoTime());
        System.out.println("EnginePipelineTest seed " + seed + ", shards " + shards);
        List<Cmd> cmds = commands(seed, 50_000);
        long[] done = new long[1];
        try (EnginePipeline p = EnginePipeline.start(CONFIG, shards, 1024, false, EventSink.NONE,
                (seq, intended, code) -> done[0]++)) {
            long seq = 0;
            for (Cmd c : cmds) {
                c.publish(p, ++seq);
            }
            assertThat(p.awaitIdle(5, TimeUnit.MINUTES)).as("pipeline idle within 5 minutes").isTrue();
            assertThat(p.completed()).isEqualTo(cmds.size());
            for (int m = 1; m <= 2; m++) {
                int market = m;
                List<MarketSpec> mine = shards == 1 ? CONFIG.markets()
                        : CONFIG.markets().stream().filter(x -> x.id() == market).toList();
                ExchangeEngine direct = Engines.create(Engines.Implementation.REFERENCE,
                        new EngineConfig(CONFIG.assets(), mine), EventSink.NONE);
                long s = 0;
                for (Cmd c : cmds) {
                    s++;
                    if (shards == 1 || c.market() == market) {
                        c.apply(direct, s);
                    }
                }
                assertThat(HexFormat.of().formatHex(p.engineFor(m).stateHash()))
                        .isEqualTo(HexFormat.of().formatHex(direct.stateHash()));
                assertThat(p.engineFor(m).l2Book(m, 50)).isEqualTo(direct.l2Book(m, 50));
            }
        }
        assertThat(done[0]).isEqualTo(cmds.size());
    }

    @Test
    void aFailingStageStopsThePipelineWithItsCauseInsteadOfHanging() {
        List<Cmd> cmds = commands(1, 20_000);
        EnginePipeline p = EnginePipeline.start(CONFIG, 2, 64, false, EventSink.NONE, (seq, intended, code) -> {
            if (seq == 500) {
                throw new IllegalStateException("listener broke at 500");
            }
        });
        assertThatThrownBy(() -> {
            long seq = 0;
            for (Cmd c : cmds) {
                c.publish(p, ++seq);
            }
            p.awaitIdle();
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("stage failed")
                .rootCause().hasMessage("listener broke at 500");
        assertThatThrownBy(p::close).isInstanceOf(IllegalStateException.class);
        assertThat(p.completed()).isLessThan(cmds.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void refusesBadShardCounts(int shards) {
        assertThatThrownBy(() -> EnginePipeline.start(CONFIG, shards, 1024, false, EventSink.NONE,
                (a, b, c) -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shards");
    }
}
