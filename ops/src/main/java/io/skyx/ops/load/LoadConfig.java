package io.skyx.ops.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What to run, checked in one constructor. The target must be a loopback address: this tool is for measuring
 * one's own local app, never for loading somebody else's server.
 *
 * @param baseUrl   the app, e.g. {@code http://127.0.0.1:8080}
 * @param clients   concurrent signed clients (one user and API key each)
 * @param warmup    unmeasured time per phase before measuring
 * @param duration  measured time per phase
 * @param maxOrders upper bound of placed orders per client per phase (0 = only the duration bounds it)
 * @param market    the market id
 * @param seed      seed of the prices (printed, and accepted with {@code --seed})
 */
record LoadConfig(URI baseUrl, int clients, Duration warmup, Duration duration, long maxOrders, String market,
                  long seed) {

    static final String USAGE = """
            usage: java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.load.LoadMain [options]
              --url URL          the app (loopback only)            default http://127.0.0.1:8080
              --clients N        concurrent signed API clients      default 8
              --warmup SECONDS   unmeasured warm-up per phase       default 5
              --duration SECONDS measured time per phase            default 20
              --max-orders N     orders per client per phase, 0=unbounded   default 0
              --market ID        market                             default SKY-BTC
              --seed N           seed of the order prices           default: time based (printed)""";

    LoadConfig {
        if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("--url must be http(s)://host:port, got " + baseUrl);
        }
        if (baseUrl.getRawPath() != null && !baseUrl.getRawPath().isEmpty() && !"/".equals(baseUrl.getRawPath())) {
            throw new IllegalArgumentException("--url must have no path, got " + baseUrl);
        }
        if (!isLoopback(baseUrl.getHost())) {
            throw new IllegalArgumentException("--url must point at this machine (a loopback address), got "
                    + baseUrl.getHost());
        }
        if (clients < 1 || clients > 512) {
            throw new IllegalArgumentException("--clients must be 1..512, got " + clients);
        }
        if (warmup == null || warmup.isNegative() || duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --duration > 0");
        }
        if (maxOrders < 0) {
            throw new IllegalArgumentException("--max-orders must be >= 0");
        }
        if (market == null || !market.matches("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}")) {
            throw new IllegalArgumentException("--market must look like SKY-BTC, got " + market);
        }
        baseUrl = URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority());
    }

    static LoadConfig parse(String[] args) {
        URI url = URI.create("http://127.0.0.1:8080");
        int clients = 8;
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(20);
        long maxOrders = 0;
        String market = "SKY-BTC";
        long seed = System.nanoTime();
        for (int a = 0; a < args.length; a++) {
            String opt = args[a];
            if (a + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + opt);
            }
            String v = args[++a];
            switch (opt) {
                case "--url" -> url = URI.create(v);
                case "--clients" -> clients = parseInt(opt, v);
                case "--warmup" -> warmup = Duration.ofSeconds(parseInt(opt, v));
                case "--duration" -> duration = Duration.ofSeconds(parseInt(opt, v));
                case "--max-orders" -> maxOrders = parseLong(opt, v);
                case "--market" -> market = v;
                case "--seed" -> seed = parseLong(opt, v);
                default -> throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        return new LoadConfig(url, clients, warmup, duration, maxOrders, market, seed);
    }

    private static int parseInt(String opt, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs a whole number, got " + v);
        }
    }

    private static long parseLong(String opt, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs a whole number, got " + v);
        }
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress address : all) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
