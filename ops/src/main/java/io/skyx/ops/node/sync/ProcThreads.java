package io.skyx.ops.node.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process by kind, from Linux's /proc/self/task (user + system ticks), so a
 * phase's CPU can be split between the applier, the verify pool and what Java's thread beans do not show: GC, JIT
 * compiler, RocksDB's background threads. Thread names are grouped with their digits removed. Threads that end
 * during a phase lose their share; empty where /proc is not there.
 */
final class ProcThreads {
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcThreads() {
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> out = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> s = Files.list(tasks)) {
            for (Path t : s.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "N").trim();
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    out.merge(t.getFileName() + ":" + name, ticks, Long::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** @return CPU seconds per thread kind between two snapshots, largest first, kinds under 0.05 s left out */
    static String between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> byKind = new HashMap<>();
        after.forEach((k, v) -> byKind.merge(k.substring(k.indexOf(':') + 1), v - before.getOrDefault(k, 0L),
                Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        byKind.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .filter(e -> e.getValue() / TICKS_PER_SECOND >= 0.05)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", v / TICKS_PER_SECOND)));
        return sb.toString();
    }
}
