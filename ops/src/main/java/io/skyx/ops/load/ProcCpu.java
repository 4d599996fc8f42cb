package io.skyx.ops.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of the app and of its PostgreSQL server, read from /proc: utime + stime of the app process, and of the
 * postmaster (first line of {@code postmaster.pid} in the data directory) plus all its child processes (backends,
 * WAL writer, checkpointer). Clock ticks are taken as 100 per second (Linux USER_HZ).
 */
final class ProcCpu {

    /** CPU seconds of the app and of PostgreSQL at one moment. */
    record Sample(double app, double db) {
        Sample minus(Sample earlier) {
            return new Sample(app - earlier.app, db - earlier.db);
        }
    }

    private static final double TICKS = 100.0;

    private final long appPid;
    private final Path pgDataDir;

    ProcCpu(long appPid, Path pgDataDir) {
        this.appPid = appPid;
        this.pgDataDir = pgDataDir;
    }

    boolean enabled() {
        return appPid > 0;
    }

    Sample sample() {
        if (!enabled()) {
            return new Sample(0, 0);
        }
        double app = ticks(appPid) / TICKS;
        double db = 0;
        if (pgDataDir != null) {
            long postmaster = postmaster();
            db = ticks(postmaster);
            for (long child : children(postmaster)) {
                db += ticks(child);
            }
            db /= TICKS;
        }
        return new Sample(app, db);
    }

    private long postmaster() {
        try {
            return Long.parseLong(Files.readAllLines(pgDataDir.resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + pgDataDir.resolve("postmaster.pid"), e);
        }
    }

    /** utime + stime in clock ticks (0 when the process is gone). */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Long> children(long parent) {
        List<Long> out = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == parent) {
                        out.add(Long.parseLong(name));
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return out;
    }
}
