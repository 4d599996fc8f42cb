package io.skyx.ops.engine;

import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.L2Book;
import io.skyx.engine.ResultCode;
import io.skyx.engine.pipeline.EnginePipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Replay harness for exchange-core's single-book benchmark stream. Runs (a) matching alone on one thread and
 * (b) the whole pipeline (sequencer → Disruptor → funds check + matching → event ring → events thread), checks
 * after every iteration that the book ends exactly as the file's final_l2 header, and prints million
 * commands/s (median of the iterations) and HdrHistogram latency percentiles, including (c) the pipeline at
 * fixed offered loads.
 *
 * <p>Usage: {@code java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.engine.ReplayMain [--file F]
 * [--iterations 25] [--warmup 3] [--mode all|matching|pipeline|latency] [--rates 100000,1000000]
 * [--impl FAST|REFERENCE] [--busy-spin]}
 */
public final class ReplayMain {
    private final EcWorkload w;
    private final Engines.Implementation impl;
    private final boolean busySpin;

    private ReplayMain(EcWorkload w, Engines.Implementation impl, boolean busySpin) {
        this.w = w;
        this.impl = impl;
        this.busySpin = busySpin;
    }

    /** Entry point; exits 1 if any run does not end with the expected book. */
    public static void main(String[] args) throws Exception {
        Path file = EcWorkload.defaultFile();
        int iterations = 25;
        int warmup = 3;
        String mode = "all";
        long[] rates = {100_000, 1_000_000};
        Engines.Implementation impl = Engines.Implementation.FAST;
        boolean busySpin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--mode" -> mode = args[++i];
                case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
                case "--impl" -> impl = Engines.Implementation.valueOf(args[++i]);
                case "--busy-spin" -> busySpin = true;
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        long t0 = System.nanoTime();
        EcWorkload w = EcWorkload.load(file);
        System.out.printf(Locale.ROOT, "%s: %,d commands (%,d prefill untimed, %,d timed), loaded in %.1f s%n",
                file, w.size, w.prefill, w.timed(), (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "JVM %s, %d CPUs, engine %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), impl);
        ReplayMain r = new ReplayMain(w, impl, busySpin);
        boolean ok = true;
        if (mode.equals("all") || mode.equals("matching")) {
            ok &= r.matchingAlone(iterations, warmup);
        }
        if (mode.equals("all") || mode.equals("pipeline")) {
            ok &= r.pipelineThroughput(iterations, warmup);
        }
        if (mode.equals("all") || mode.equals("latency")) {
            for (long rate : rates) {
                ok &= r.pipelineLatency(rate);
            }
        }
        if (!ok) {
            System.out.println("FAILED: a run did not end with the final_l2 book");
            System.exit(1);
        }
    }

    private boolean check(L2Book book) {
        return w.expected.equals(book);
    }

    private ExchangeEngine prefilled() {
        ExchangeEngine e = Engines.create(impl, EcWorkload.CONFIG, EventSink.NONE);
        long seq = EcWorkload.fund(e, 0);
        for (int i = 0; i < w.prefill; i++) {
            w.apply(e, i, ++seq);
        }
        return e;
    }

    private boolean matchingAlone(int iterations, int warmup) {
        List<Double> mops = new ArrayList<>();
        List<Double> cpuMops = new ArrayList<>();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean ok = true;
        long seqBase = 2L * EcWorkload.USERS + w.prefill;
        for (int it = 0; it < warmup + iterations; it++) {
            ExchangeEngine e = prefilled();
            long seq = seqBase;
            long rejected = 0;
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = w.prefill; i < w.size; i++) {
                if (w.apply(e, i, ++seq) != ResultCode.OK) {
                    rejected++;
                }
            }
            long ns = System.nanoTime() - start;
            long cpuNs = cpu.getCurrentThreadCpuTime() - cpuStart;
            ok &= check(e.l2Book(EcWorkload.MARKET, Integer.MAX_VALUE)) && rejected == 0;
            if (it >= warmup) {
                mops.add(w.timed() * 1e3 / ns);
                cpuMops.add(w.timed() * 1e3 / cpuNs);
            }
        }
        Histogram h = new Histogram(60_000_000_000L, 3);
        ExchangeEngine e = prefilled();
        long seq = seqBase;
        for (int i = w.prefill; i < w.size; i++) {
            long s = System.nanoTime();
            w.apply(e, i, ++seq);
            h.recordValue(System.nanoTime() - s);
        }
        ok &= check(e.l2Book(EcWorkload.MARKET, Integer.MAX_VALUE));
        report("(a) matching alone (funds check + matching + events to a no-op sink), one thread", mops, ok);
        report("    the same runs measured in thread CPU time (time the thread was actually on a core)", cpuMops, ok);
        printLatency("    per-command service time, back to back (ns, includes ~20 ns of timer reads)", h, 1);
        return ok;
    }

    private EnginePipeline prefilledPipeline(Histogram h) {
        EnginePipeline p = EnginePipeline.start(EcWorkload.CONFIG, 1, 1 << 14, busySpin, EventSink.NONE,
                (seq, intended, code) -> {
                    if (h != null && intended != 0) {
                        h.recordValue(Math.max(0, System.nanoTime() - intended));
                    }
                });
        EcWorkload.fund(p);
        for (int i = 0; i < w.prefill; i++) {
            w.publish(p, i, 0);
        }
        p.awaitIdle();
        return p;
    }

    private boolean pipelineThroughput(int iterations, int warmup) {
        List<Double> mops = new ArrayList<>();
        boolean ok = true;
        for (int it = 0; it < warmup + iterations; it++) {
            try (EnginePipeline p = prefilledPipeline(null)) {
                long start = System.nanoTime();
                for (int i = w.prefill; i < w.size; i++) {
                    w.publish(p, i, 0);
                }
                p.awaitIdle();
                long ns = System.nanoTime() - start;
                ok &= check(p.engineFor(EcWorkload.MARKET).l2Book(EcWorkload.MARKET, Integer.MAX_VALUE));
                if (it >= warmup) {
                    mops.add(w.timed() * 1e3 / ns);
                }
            }
        }
        report("(b) whole pipeline: sequencer -> Disruptor -> funds check + matching -> event ring -> events"
                + " thread (" + (busySpin ? "busy-spin" : "yielding") + ")", mops, ok);
        return ok;
    }

    private boolean pipelineLatency(long rate) {
        Histogram h = new Histogram(60_000_000_000L, 3);
        long period = 1_000_000_000L / rate;
        int count = (int) Math.min(w.timed(), Math.max(200_000, rate * 2));
        boolean ok;
        try (EnginePipeline p = prefilledPipeline(h)) {
            int warm = Math.min(count / 10, 100_000);
            long start = System.nanoTime();
            for (int k = 0; k < count; k++) {
                int i = w.prefill + k;
                long intended = start + k * period;
                while (System.nanoTime() < intended) {
                    Thread.onSpinWait();
                }
                w.publish(p, i, k < warm ? 0 : intended);
            }
            p.awaitIdle();
            ok = true;
        }
        printLatency(String.format(Locale.ROOT,
                "(c) pipeline latency at a fixed offered load of %,d commands/s (%,d commands, first 10%% as warm-up;"
                        + " from intended send time to events processed, us)", rate, count), h, 1000);
        return ok;
    }

    private static void report(String what, List<Double> mops, boolean ok) {
        double[] v = mops.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "%s%n    %.2f million commands/s median over %d iterations (min %.2f, max"
                        + " %.2f); final book %s%n", what, median, v.length, v[0], v[v.length - 1],
                ok ? "matches final_l2 every time" : "DOES NOT MATCH");
    }

    private static void printLatency(String what, Histogram h, double unit) {
        System.out.printf(Locale.ROOT, "%s%n    p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  p99.99 %.2f  max %.2f"
                        + "  (%,d samples)%n", what,
                h.getValueAtPercentile(50) / unit, h.getValueAtPercentile(90) / unit,
                h.getValueAtPercentile(99) / unit, h.getValueAtPercentile(99.9) / unit,
                h.getValueAtPercentile(99.99) / unit, h.getMaxValue() / unit, h.getTotalCount());
    }
}
