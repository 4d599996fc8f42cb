package io.skyx.ops.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * API load generator. Creates users with API keys against a running SkyX app on this machine (local profile,
 * funded through the faucet on chain: the embedded node and the BTC regtest node must run), then for each number
 * of clients runs two phases of the same signed load for a bounded time: IOC orders against the trading endpoint, then the same signed requests against the app's authenticated no-op
 * endpoint. Prints acknowledged requests/s, p50/p99 latency, the ratio of the two, the CPU per request of the app
 * and of its PostgreSQL (from /proc, with {@code --app-pid} and {@code --pg-data-dir}) and the sequencer's batch
 * sizes and commits/s (from /actuator/prometheus).
 *
 * <p>{@code java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.load.LoadMain --clients 16,64 --duration 20
 * --app-pid 1234 --pg-data-dir data/pg}
 */
public final class LoadMain {

    private static final int SETUP_THREADS = 16;

    private LoadMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(LoadConfig.USAGE);
            return;
        }
        LoadConfig cfg;
        try {
            cfg = LoadConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(LoadConfig.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(cfg));
    }

    static int run(LoadConfig cfg) throws InterruptedException {
        System.out.printf(Locale.ROOT, "SkyX API load: %s, clients %s, JIT warm-up %d s per kind, warm-up %d s + "
                        + "%d s per phase, max orders/client %s, market %s, seed %d (rerun with --seed %d)%n",
                cfg.baseUrl(), cfg.steps(), cfg.jitWarmup().toSeconds(), cfg.warmup().toSeconds(),
                cfg.duration().toSeconds(),
                cfg.maxOrders() == 0 ? "unbounded" : Long.toString(cfg.maxOrders()), cfg.market(), cfg.seed(),
                cfg.seed());
        List<LoadClient> clients = setUp(cfg);
        if (clients == null) {
            return 1;
        }
        ProcCpu cpu = new ProcCpu(cfg.appPid(), cfg.pgDataDir());
        AppMetrics metrics = new AppMetrics(cfg.baseUrl());
        boolean ok = true;
        try {
            if (!cfg.jitWarmup().isZero()) {
                List<LoadClient> all = clients.subList(0, cfg.steps().getFirst());
                LoadPhase.run(LoadPhase.Kind.ORDERS, all, cfg, cfg.jitWarmup().toNanos(), cfg.seed() ^ 0x717);
                LoadPhase.run(LoadPhase.Kind.NOOP, all, cfg, cfg.jitWarmup().toNanos(), cfg.seed() ^ 0x717);
                System.out.printf("JIT warm-up done (%d s of orders, then of no-ops)%n", cfg.jitWarmup().toSeconds());
            }
            for (int n : cfg.steps()) {
                List<LoadClient> step = clients.subList(0, n);
                Measured orders = measured(LoadPhase.Kind.ORDERS, step, cfg, cpu, metrics);
                Measured noop = measured(LoadPhase.Kind.NOOP, step, cfg, cpu, metrics);
                System.out.print(orders.result().report());
                System.out.print(orders.cpuLine(cpu.enabled()));
                System.out.print(orders.commitLine());
                System.out.print(noop.result().report());
                System.out.print(noop.cpuLine(cpu.enabled()));
                System.out.print(ratio(orders.result(), noop.result()));
                if (cpu.enabled()) {
                    System.out.printf(Locale.ROOT, "ratio CPU per request orders/no-op: %.2f%n",
                            orders.cpuPerRequestMs() / noop.cpuPerRequestMs());
                }
                ok &= orders.result().acked() > 0 && noop.result().acked() > 0;
            }
            return ok ? 0 : 1;
        } finally {
            clients.forEach(LoadClient::close);
        }
    }

    /**
     * Signs up the users, {@value #SETUP_THREADS} at a time, each with an API key and faucet funds paid on chain
     * (the faucet pays concurrent SKY requests in one transaction, so parallel set-up takes a few blocks, not one
     * block per user); prints how long it took. Null (after printing why) when a client could not be set up.
     */
    private static List<LoadClient> setUp(LoadConfig cfg) throws InterruptedException {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        long t0 = System.nanoTime();
        List<Future<LoadClient>> pending = new ArrayList<>();
        List<LoadClient> clients = new ArrayList<>();
        String failure = null;
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(SETUP_THREADS, cfg.clients()))) {
            for (int i = 0; i < cfg.clients(); i++) {
                int index = i;
                pending.add(pool.submit(() -> LoadClient.create(cfg.baseUrl(), runId, index)));
            }
            for (int i = 0; i < pending.size(); i++) {
                try {
                    clients.add(pending.get(i).get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = "setting up client " + i + ": " + e.getCause().getMessage();
                        pending.forEach(f -> f.cancel(true));
                    }
                } catch (CancellationException e) {
                    // cancelled after an earlier client failed
                }
            }
        }
        if (failure != null) {
            System.err.println("error: " + failure);
            clients.forEach(LoadClient::close);
            return null;
        }
        System.out.printf(Locale.ROOT, "set up %d users with API keys and on-chain faucet funds (credited) in %.1f s%n",
                clients.size(), (System.nanoTime() - t0) / 1e9);
        return clients;
    }

    /** A phase with the CPU and commits it cost. */
    record Measured(PhaseResult result, ProcCpu.Sample cpu, AppMetrics.Sample commits) {
        double cpuPerRequestMs() {
            return (cpu.app() + cpu.db()) * 1000 / Math.max(1, result.acked());
        }

        String cpuLine(boolean enabled) {
            if (!enabled) {
                return "       CPU: not measured (give --app-pid and --pg-data-dir)\n";
            }
            long n = Math.max(1, result.acked());
            return String.format(Locale.ROOT, "       CPU per request: app %.3f ms + PostgreSQL %.3f ms = %.3f ms%n",
                    cpu.app() * 1000 / n, cpu.db() * 1000 / n, cpuPerRequestMs());
        }

        String commitLine() {
            double s = result.seconds();
            return String.format(Locale.ROOT, "       group commits: %.0f (%.1f/s), mean batch %.1f commands%n",
                    commits.commits(), commits.commits() / s, commits.commands() / Math.max(1, commits.commits()))
                    + String.format(Locale.ROOT, "       projection transactions: %.0f (%.1f/s), mean chunk %.1f "
                    + "entries%n", commits.projectionTransactions(), commits.projectionTransactions() / s,
                    commits.projected() / Math.max(1, commits.projectionTransactions()));
        }
    }

    private static Measured measured(LoadPhase.Kind kind, List<LoadClient> clients, LoadConfig cfg, ProcCpu cpu,
                                     AppMetrics metrics) throws InterruptedException {
        if (!cfg.warmup().isZero()) {
            LoadPhase.run(kind, clients, cfg, cfg.warmup().toNanos(), cfg.seed() ^ 0x5eed);
        }
        ProcCpu.Sample c0 = cpu.sample();
        AppMetrics.Sample m0 = metrics.sample();
        PhaseResult r = LoadPhase.run(kind, clients, cfg, cfg.duration().toNanos(), cfg.seed());
        ProcCpu.Sample c1 = cpu.sample();
        AppMetrics.Sample m1 = metrics.sample();
        return new Measured(r, c1.minus(c0), m1.minus(m0));
    }

    static String ratio(PhaseResult orders, PhaseResult noop) {
        if (orders.acked() == 0 || noop.acked() == 0) {
            return "ratio: not available (a phase had no successful requests)\n";
        }
        double throughput = orders.requestsPerSecond() / noop.requestsPerSecond();
        double p50 = (double) orders.place().getValueAtPercentile(50) / Math.max(1, noop.place().getValueAtPercentile(50));
        double p99 = (double) orders.place().getValueAtPercentile(99) / Math.max(1, noop.place().getValueAtPercentile(99));
        return String.format(Locale.ROOT, "ratio orders/no-op: throughput %.2f, place p50 latency %.2fx, "
                + "place p99 latency %.2fx%n", throughput, p50, p99);
    }
}
