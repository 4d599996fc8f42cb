package io.skyx.ops.engine;

import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.L2Book;
import io.skyx.engine.ResultCode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Replay harness for exchange-core's single-book benchmark stream: the engine alone (funds check, matching,
 * events to a no-op sink) on one thread, no sequencer, journal or I/O. Checks after every iteration that the
 * book ends exactly as the file's final_l2 header, and prints million commands/s (median of the iterations,
 * wall clock and thread CPU time) and HdrHistogram percentiles of per-command service time.
 *
 * <p>Usage: {@code java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.engine.ReplayMain [--file F]
 * [--iterations 25] [--warmup 3] [--impl FAST|REFERENCE]}
 */
public final class ReplayMain {
    private final EcWorkload w;
    private final Engines.Implementation impl;

    private ReplayMain(EcWorkload w, Engines.Implementation impl) {
        this.w = w;
        this.impl = impl;
    }

    /** Entry point; exits 1 if any run does not end with the expected book. */
    public static void main(String[] args) throws Exception {
        Path file = EcWorkload.defaultFile();
        int iterations = 25;
        int warmup = 3;
        Engines.Implementation impl = Engines.Implementation.FAST;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--impl" -> impl = Engines.Implementation.valueOf(args[++i]);
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
        boolean ok = new ReplayMain(w, impl).matchingAlone(iterations, warmup);
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
        report("engine alone (funds check + matching + events to a no-op sink), one thread", mops, ok);
        report("    the same runs measured in thread CPU time (time the thread was actually on a core)", cpuMops, ok);
        printLatency("    per-command service time, back to back (ns, includes ~20 ns of timer reads)", h, 1);
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
