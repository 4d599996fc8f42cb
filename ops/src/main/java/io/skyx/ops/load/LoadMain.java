package io.skyx.ops.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * API load generator. Creates N users with API keys against a running SkyX app on this machine (faucet-funded,
 * local profile), then runs two phases of the same signed load, "place an order, then cancel it", for a bounded
 * time: first against the trading endpoints, then against the app's authenticated no-op endpoint, and prints
 * acknowledged orders/s, p50/p99 latency and the ratio of the two.
 *
 * <p>{@code java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.load.LoadMain --clients 8 --duration 20}
 */
public final class LoadMain {

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
        System.out.printf(Locale.ROOT, "SkyX API load: %s, %d clients, warm-up %d s + %d s per phase, "
                        + "max orders/client %s, market %s, seed %d (rerun with --seed %d)%n",
                cfg.baseUrl(), cfg.clients(), cfg.warmup().toSeconds(), cfg.duration().toSeconds(),
                cfg.maxOrders() == 0 ? "unbounded" : Long.toString(cfg.maxOrders()), cfg.market(), cfg.seed(),
                cfg.seed());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        List<LoadClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < cfg.clients(); i++) {
                clients.add(LoadClient.create(cfg.baseUrl(), runId, i));
            }
        } catch (IOException e) {
            System.err.println("error: setting up client " + clients.size() + ": " + e.getMessage());
            clients.forEach(LoadClient::close);
            return 1;
        }
        System.out.printf("set up %d users with API keys and faucet funds%n", clients.size());
        try {
            PhaseResult orders = phase(LoadPhase.Kind.ORDERS, clients, cfg);
            PhaseResult noop = phase(LoadPhase.Kind.NOOP, clients, cfg);
            System.out.print(orders.report());
            System.out.print(noop.report());
            System.out.print(ratio(orders, noop));
            return orders.acked() > 0 && noop.acked() > 0 ? 0 : 1;
        } finally {
            clients.forEach(LoadClient::close);
        }
    }

    private static PhaseResult phase(LoadPhase.Kind kind, List<LoadClient> clients, LoadConfig cfg)
            throws InterruptedException {
        if (!cfg.warmup().isZero()) {
            LoadPhase.run(kind, clients, cfg, cfg.warmup().toNanos(), cfg.seed() ^ 0x5eed);
        }
        return LoadPhase.run(kind, clients, cfg, cfg.duration().toNanos(), cfg.seed());
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
