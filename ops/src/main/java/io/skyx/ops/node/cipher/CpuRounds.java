package io.skyx.ops.node.cipher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The cipher harnesses' measurement: named operations, each warmed up, then interleaved in rounds (so a machine
 * that speeds up or slows down moves all of them), each round's thread CPU time per operation kept, and the medians
 * printed beside the first operation's (the raw Bouncy Castle verify).
 */
final class CpuRounds {

    /** One operation on the fixture at {@code index}. */
    @FunctionalInterface
    interface Op {
        void run(int index) throws Exception;
    }

    private CpuRounds() {
    }

    /**
     * @param ops      the operations in print order, the first one the baseline
     * @param fixtures how many fixtures (a power of two): operation k runs on fixture k mod fixtures
     * @param checksum what the operations summed, printed so the JIT cannot drop them
     */
    static void measureAndPrint(Map<String, Op> ops, int warmupOps, int rounds, int perRound, int fixtures,
                                int nameWidth, LongSupplier checksum) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Op op : ops.values()) {
            for (int k = 0; k < warmupOps; k++) {
                op.run(k & (fixtures - 1));
            }
        }
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        ops.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Op> e : ops.entrySet()) {
                long start = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < perRound; k++) {
                    e.getValue().run(k & (fixtures - 1));
                }
                samples.get(e.getKey()).add((threads.getCurrentThreadCpuTime() - start) / 1000.0 / perRound);
            }
        }
        double base = median(samples.values().iterator().next());
        String row = "%-" + nameWidth + "s %14s %10s %14s%n";
        System.out.printf(row, "operation", "cpu us/op", "ops/s", "x raw verify");
        for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
            double m = median(e.getValue());
            System.out.printf("%-" + nameWidth + "s %14.1f %10.0f %14.2f%n", e.getKey(), m, 1e6 / m, m / base);
        }
        System.out.println("(median of " + rounds + " rounds x " + perRound + " ops; checksum " + checksum.getAsLong()
                + ")");
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
