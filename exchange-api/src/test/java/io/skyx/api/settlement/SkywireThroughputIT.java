package io.skyx.api.settlement;

import static io.skyx.api.settlement.SkywireFixtures.DAY0;
import static io.skyx.api.settlement.SkywireFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.skyx.api.kafka.InProcessKafkaBroker;
import io.skyx.api.testing.TestDatabase;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.encoding.DecodeException;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.agent.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Benchmark, run only on request ({@code -Dskyx.bench=true}; it takes minutes): end-to-end usage reports per
 * second (Kafka → decode → verify → checks → PostgreSQL with the offset, exactly once) from 1000 relays, beside
 * the raw decode+verify rate of the same records on the same machine in the same run, measured warm (after a
 * warm-up pass), on one thread and on all cores. Prints the rates and the ratios.
 * The end-to-end pass runs twice, each from the start of the topic into a fresh database: with a new connection per
 * poll (as this benchmark did first) and through a connection pool (as the app runs, Hikari). Size:
 * {@code -Dskyx.bench.records} (default 20000); {@code -Dskyx.bench.runs} repeats the raw and end-to-end passes
 * (default 1), each printed with the load average, after a warm-up run (run 0, printed, not a measured run) that
 * stores enough polls for C2 to compile the storing path. Beside the rates, CPU time per report (this JVM and the
 * embedded PostgreSQL server it started, {@code /proc}), which the other load on the machine affects less, split by
 * thread name and by PostgreSQL process role. Each measured phase starts with the JIT idle and after a full GC.
 */
@EnabledIfSystemProperty(named = "skyx.bench", matches = "true", disabledReason = "benchmark: -Dskyx.bench=true")
class SkywireThroughputIT {
    /** CPU time per record of the last raw pass (the parallel one, measured just before each end-to-end pass). */
    private static long rawCpuNanos;
    /**
     * Pairs of end-to-end passes (unpooled, pooled) in the warm-up run. The storing path runs once per poll, about
     * 20 times a pass, and C2 compiled it only in the sixth pass when the warm-up had one pair: before, the measured
     * passes stored in C1's profiling code and paid C2's compile of it in whichever pass came sixth.
     */
    private static final int WARM_UP_PAIRS = 5;

    @TempDir
    Path dir;

    @Test
    void endToEndReportsPerSecondBesideTheRawVerifyRate() throws Exception {
        int relays = 1000;
        int total = Integer.getInteger("skyx.bench.records", 20_000);
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < relays; i++) {
            keys.add(Simulator.key(42, i));
        }
        List<byte[]> records = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            int i = n % relays;
            int round = n / relays;
            records.add(SkywireFixtures.report(keys.get(i), keys.get((i + 1) % relays), "stcpr", DAY0 + round * 60L,
                    DAY0 + round * 60L + 60, 1000L * (round + 1), 900L * (round + 1), round + 1).encode());
        }
        rawRate(records.subList(0, Math.min(2000, total)), false);
        int runs = Integer.getInteger("skyx.bench.runs", 1);
        for (int run = 0; run <= runs; run++) {
            System.out.printf("[skywire bench] run %d of %d%s, load average %s%n", run, runs,
                    run == 0 ? " (warm-up of the whole path, not a measured run)" : "",
                    Files.readString(Path.of("/proc/loadavg")).trim());
            measure(records, relays, run);
        }
    }

    /**
     * One run: the records produced to a new broker and two fresh databases migrated (so that none of this runs in
     * a measured phase; both are dropped after their passes), the raw rate on one thread, then each end-to-end pass
     * right after its own raw pass on all cores. Every measured phase starts with the JIT compiler idle and after a full GC ({@link #settle}), so that
     * neither side is charged for compiling or collecting what came before it.
     */
    private void measure(List<byte[]> records, int relays, int run) throws Exception {
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(dir.resolve("kafka" + run), 0)) {
            try (KafkaProducer<byte[], byte[]> p = UsageRefusalIT.producer(broker)) {
                for (byte[] r : records) {
                    p.send(new ProducerRecord<>("skywire.usage", SignedRecord.decode(r).parsed().signer().bytes(), r));
                }
                p.flush();
            }
            // as before (a new connection per poll) and as the app runs it (a connection pool, as Spring Boot's
            // Hikari): each from the start of the topic into a fresh database
            for (int pair = 0; pair < (run == 0 ? WARM_UP_PAIRS : 1); pair++) {
                PGSimpleDataSource unpooled = (PGSimpleDataSource) SkywireFixtures.migratedDatabase();
                PGSimpleDataSource forPool = (PGSimpleDataSource) SkywireFixtures.migratedDatabase();
                HikariConfig pool = new HikariConfig();
                pool.setDataSource(forPool);
                pool.setMaximumPoolSize(4);
                try (HikariDataSource pooled = new HikariDataSource(pool)) {
                    while (pooled.getHikariPoolMXBean().getTotalConnections() < pool.getMaximumPoolSize()) {
                        Thread.sleep(10);
                    }
                    settle();
                    double verifyRate = rawRate(records, false);
                    endToEnd(broker, unpooled, "unpooled", records, relays, verifyRate);
                    endToEnd(broker, pooled, "pooled", records, relays, verifyRate);
                }
                // else the server's autovacuum of these 20 000 rows runs in a later pass's measured window
                drop(unpooled.getDatabaseName());
                drop(forPool.getDatabaseName());
            }
        }
    }

    /** Drops a pass's database (forcing its connections closed; the server checkpoints before it returns). */
    private static void drop(String database) throws SQLException {
        try (Connection c = TestDatabase.server().open(); Statement st = c.createStatement()) {
            st.execute("drop database " + database + " with (force)");
        }
    }

    /**
     * Waits until this JVM's JIT compiler threads have used no CPU for 300 ms (at most 20 s), then runs a full GC:
     * compilations queued by the previous phase (the producer, Flyway, the other pass) are not charged to the next.
     */
    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long last = compilerTicks();
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = compilerTicks();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        System.gc();
    }

    private static long compilerTicks() {
        return threadTicks().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static void endToEnd(InProcessKafkaBroker broker, DataSource ds, String label, List<byte[]> records,
                                 int relays, double verifyRate) throws Exception {
        int total = records.size();
        settle();
        double parallelRate = rawRate(records, true);
        settle();
        UsageIngester ingester = new UsageIngester(() -> DAY0 + 2 * 86_400);
        long t1 = System.nanoTime();
        try (UsageConsumer consumer = new UsageConsumer(broker.bootstrapServers(), "bench-" + label, "skywire.usage",
                "skywire.usage.dlt", ds, ingester)) {
            long firstSeen = 0;
            long tFirst = 0;
            long jvmFirst = 0;
            long pgFirst = 0;
            Map<String, Long> threadsFirst = Map.of();
            Map<String, Long> pgRolesFirst = Map.of();
            long seen;
            while ((seen = consumer.accepted() + consumer.refused()) < total) {
                if (firstSeen == 0 && seen > 0) {
                    firstSeen = seen;
                    threadsFirst = threadTicks();
                    pgRolesFirst = postgresTicks();
                    tFirst = System.nanoTime();
                    jvmFirst = jvmCpuNanos();
                    pgFirst = postgresCpuNanos();
                }
                Thread.sleep(5);
            }
            long tEnd = System.nanoTime();
            long reports = Math.max(1, total - firstSeen);
            long jvmPerReport = (jvmCpuNanos() - jvmFirst) / reports;
            long pgPerReport = (postgresCpuNanos() - pgFirst) / reports;
            printSplit(label, "JVM", threadsFirst, threadTicks(), reports);
            printSplit(label, "PostgreSQL", pgRolesFirst, postgresTicks(), reports);
            long cpuPerReport = jvmPerReport + pgPerReport;
            System.out.printf("[skywire bench] %s: CPU per report after the first stored batch (this JVM with the"
                    + " broker, and the PostgreSQL server): %.1f us (JVM %.1f, PostgreSQL %.1f); raw decode+verify"
                    + " %.1f us (ratio %.1f%%)%n", label, cpuPerReport / 1e3, jvmPerReport / 1e3, pgPerReport / 1e3,
                    rawCpuNanos / 1e3, 100.0 * rawCpuNanos / cpuPerReport);
            double e2e = total / ((tEnd - t1) / 1e9);
            double steady = firstSeen == 0 ? e2e : (total - firstSeen) / ((tEnd - tFirst) / 1e9);
            System.out.printf("[skywire bench] %s: after the first stored batch (group join excluded): %.0f"
                    + " reports/s (%.1f%% of one thread, %.1f%% of all cores)%n", label, steady,
                    100 * steady / verifyRate, 100 * steady / parallelRate);
            assertThat(consumer.refused()).isZero();
            UsageConsumer.Timings t = consumer.timings();
            System.out.printf("[skywire bench] %s: consumer thread: %d batches; poll %.0f ms, waiting for the checks"
                    + " %.0f ms, stateful checks and writes %.0f ms, commit %.0f ms (wall %.0f ms)%n", label,
                    t.batches(), t.pollNanos() / 1e6, t.checkWaitNanos() / 1e6, t.storeNanos() / 1e6,
                    t.commitNanos() / 1e6, (tEnd - t1) / 1e6);
            System.out.printf("[skywire bench] %s: %d reports from %d relays: end-to-end %.0f reports/s; raw"
                    + " decode+verify (warm) %.0f/s on one thread (ratio %.1f%%), %.0f/s on all %d cores"
                    + " (ratio %.1f%%)%n", label, total, relays, e2e, verifyRate, 100 * e2e / verifyRate,
                    parallelRate, Runtime.getRuntime().availableProcessors(), 100 * e2e / parallelRate);
        }
        assertThat(count(ds, "select count(*) from skywire_usage")).isEqualTo(total);
    }

    /**
     * CPU time so far of this JVM (the consumer, the checks and the in-process broker) and of the test PostgreSQL
     * server (its postmaster, found by its port, with its backends and the reaped ones); the server counts 0 when
     * it runs elsewhere (TEST_PG_URL on another host).
     */
    private static long cpuNanos() {
        return jvmCpuNanos() + postgresCpuNanos();
    }

    /** CPU ticks so far of this JVM's threads, summed by name with digits folded ({@code /proc/self/task}). */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("\\d+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    /** Prints CPU per report of a measured phase by thread or process role (ticks of 10 ms, so +-10 ms each). */
    private static void printSplit(String label, String what, Map<String, Long> before, Map<String, Long> after,
                                   long reports) {
        StringBuilder b = new StringBuilder();
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() != 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> b.append(String.format(" %s %.1f;", e.getKey(), e.getValue() * 1e7 / reports / 1e3)));
        System.out.printf("[skywire bench] %s: %s CPU per report by thread or role (us):%s%n", label, what, b);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long postgresCpuNanos() {
        return postgresTicks().values().stream().mapToLong(Long::longValue).sum() * 10_000_000L;
    }

    /**
     * CPU ticks so far of the test PostgreSQL server by role: the postmaster with its reaped children (ended
     * backends and autovacuum workers), and each live child by its title without the digits (the backends of every
     * database as one).
     */
    private static Map<String, Long> postgresTicks() {
        String url = TestDatabase.server().url();
        String port = " -p " + url.replaceAll("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1") + " ";
        Map<String, Long> ticks = new TreeMap<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(port)).orElse(false))
                .forEach(pm -> {
                    ticks.merge("postmaster and reaped", ticks(pm), Long::sum);
                    pm.children().forEach(ch -> ticks.merge(role(ch), ticks(ch), Long::sum));
                });
        return ticks;
    }

    private static String role(ProcessHandle child) {
        try {
            String title = Files.readString(Path.of("/proc/" + child.pid() + "/cmdline")).replace('\0', ' ').trim();
            return title.matches("postgres: \\S+ \\S+ \\S+\\(\\d+\\).*") ? "backends"
                    : title.replaceFirst("^postgres: ", "").replaceAll("\\d+", "N");
        } catch (IOException | RuntimeException e) {
            return "ended";
        }
    }

    /** utime + stime + cutime + cstime of a process, in clock ticks (1/100 s on Linux), or 0 once it is gone. */
    private static long ticks(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Decodes and verifies every record (all must pass) and returns the rate per second. */
    private static double rawRate(List<byte[]> records, boolean parallel) {
        Map<String, Long> threads0 = threadTicks();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        long ok = (parallel ? records.parallelStream() : records.stream()).filter(r -> {
            try {
                return SignedRecord.decode(r).verify().ok();
            } catch (DecodeException e) {
                return false;
            }
        }).count();
        double rate = records.size() / ((System.nanoTime() - t0) / 1e9);
        rawCpuNanos = (cpuNanos() - cpu0) / records.size();
        printSplit(parallel ? "raw, all cores" : "raw, one thread", "JVM", threads0, threadTicks(), records.size());
        assertThat(ok).isEqualTo(records.size());
        return rate;
    }
}
