package io.skyx.ops.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/**
 * One phase of load: every client, on its own thread, sends one signed request after the other for a bounded
 * time or count. The {@code orders} kind places an IOC limit order that finds nothing to match (it is journaled,
 * applied, projected and expires); the {@code noop} kind sends the same signed body to the app's no-op endpoint.
 * Latencies go into HdrHistograms (microseconds).
 */
final class LoadPhase {

    /** Which endpoints a phase drives. */
    enum Kind { ORDERS, NOOP }

    private static final long MAX_MICROS = 60_000_000L;

    private LoadPhase() {
    }

    /** Runs one phase and returns its merged result. */
    static PhaseResult run(Kind kind, List<LoadClient> clients, LoadConfig cfg, long durationNanos, long seed)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Worker w = new Worker(kind, clients.get(i), cfg, start, durationNanos, new SplittableRandom(seed + i));
            workers.add(w);
            Thread t = new Thread(w, "load-" + kind.name().toLowerCase() + "-" + i);
            threads.add(t);
            t.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        Histogram place = new Histogram(MAX_MICROS, 3);
        Histogram cancel = new Histogram(MAX_MICROS, 3);
        Map<String, Long> errors = new TreeMap<>();
        long acked = 0;
        long cancels = 0;
        for (Worker w : workers) {
            place.add(w.place);
            acked += w.acked;
            w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        return new PhaseResult(kind.name().toLowerCase(), clients.size(), elapsed, acked, cancels, place, cancel,
                errors);
    }

    /** The order body of one iteration: a buy far below or a sell far above any price this tool uses. */
    static String orderBody(String market, SplittableRandom random) {
        boolean buy = random.nextBoolean();
        String price = buy
                ? String.format("0.%08d", 100 + random.nextInt(100))
                : String.format("0.%08d", 1_000_000 + random.nextInt(100));
        return "{\"market\":\"" + market + "\",\"side\":\"" + (buy ? "buy" : "sell")
                + "\",\"type\":\"limit\",\"price\":\"" + price + "\",\"amount\":\"1\",\"timeInForce\":\"IOC\"}";
    }

    private static final class Worker implements Runnable {
        final Kind kind;
        final LoadClient client;
        final LoadConfig cfg;
        final CountDownLatch start;
        final long durationNanos;
        final SplittableRandom random;
        final Histogram place = new Histogram(MAX_MICROS, 3);
        final Map<String, Long> errors = new TreeMap<>();
        long acked;

        Worker(Kind kind, LoadClient client, LoadConfig cfg, CountDownLatch start, long durationNanos,
               SplittableRandom random) {
            this.kind = kind;
            this.client = client;
            this.cfg = cfg;
            this.start = start;
            this.durationNanos = durationNanos;
            this.random = random;
        }

        @Override
        public void run() {
            try {
                start.await();
                long end = System.nanoTime() + durationNanos;
                long attempts = 0;
                while (System.nanoTime() < end && (cfg.maxOrders() == 0 || attempts < cfg.maxOrders())) {
                    attempts++;
                    iteration();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void iteration() throws InterruptedException {
            String body = orderBody(cfg.market(), random);
            try {
                long t0 = System.nanoTime();
                LoadClient.Answer placed = kind == Kind.ORDERS
                        ? client.signed("POST", "/api/v1/orders", body)
                        : client.signed("POST", "/api/v1/noop", body);
                long t1 = System.nanoTime();
                if (!placed.ok()) {
                    error("place " + placed.errorCode());
                    return;
                }
                place.recordValue(Math.min(MAX_MICROS, (t1 - t0) / 1_000));
                acked++;
            } catch (IOException e) {
                error("I/O " + e.getClass().getSimpleName());
            }
        }

        private void error(String what) {
            errors.merge(what, 1L, Long::sum);
        }
    }
}
