package io.skyx.ops.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run, checked in one constructor. The target must be a loopback address: this tool is for measuring
 * one's own local app, never for loading somebody else's server.
 *
 * @param baseUrl   the app, e.g. {@code http://127.0.0.1:8080}
 * @param steps     numbers of concurrent signed clients to measure, in order (one user and API key each)
 * @param warmup    unmeasured time per phase before measuring
 * @param jitWarmup unmeasured time of each kind (orders, then no-op) before the first measurement, so that neither
 *                  kind is measured while the app's JIT compiler is still busy with its code path
 * @param duration  measured time per phase
 * @param maxOrders upper bound of placed orders per client per phase (0 = only the duration bounds it)
 * @param market    the market id
 * @param seed      seed of the prices (printed, and accepted with {@code --seed})
 * @param appPid    the app's process id, for CPU per command from /proc (0: not measured)
 * @param pgDataDir the app's PostgreSQL data directory (its postmaster.pid), for the database's CPU (or null)
 */
record LoadConfig(URI baseUrl, List<Integer> steps, Duration warmup, Duration jitWarmup, Duration duration,
                  long maxOrders,
                  String market, long seed, long appPid, Path pgDataDir) {

    static final String USAGE = """
            usage: java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.load.LoadMain [options]
              --url URL          the app (loopback only)            default http://127.0.0.1:8080
              --clients N[,M..]  concurrent signed API clients, one measurement each   default 8
              --app-pid PID      the app's process, for CPU per command (from /proc)   default: not measured
              --pg-data-dir DIR  the app's PostgreSQL data dir (postmaster.pid), for its CPU
              --warmup SECONDS   unmeasured warm-up per phase       default 5
              --jit-warmup SECONDS  unmeasured orders, then no-ops, once before the first step   default 30
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
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.stream().anyMatch(n -> n < 1 || n > 512)) {
            throw new IllegalArgumentException("--clients must be 1..512, got " + steps);
        }
        if (appPid < 0) {
            throw new IllegalArgumentException("--app-pid must be a process id");
        }
        if (jitWarmup == null || jitWarmup.isNegative()) {
            throw new IllegalArgumentException("--jit-warmup must be >= 0");
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

    /** The most clients of any step (that many users are set up). */
    int clients() {
        return steps.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    static LoadConfig parse(String[] args) {
        URI url = URI.create("http://127.0.0.1:8080");
        List<Integer> clients = List.of(8);
        long appPid = 0;
        Path pgDataDir = null;
        Duration warmup = Duration.ofSeconds(5);
        Duration jitWarmup = Duration.ofSeconds(30);
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
                case "--clients" -> {
                    List<Integer> list = new ArrayList<>();
                    for (String n : v.split(",")) {
                        list.add(parseInt(opt, n.trim()));
                    }
                    clients = list;
                }
                case "--app-pid" -> appPid = parseLong(opt, v);
                case "--pg-data-dir" -> pgDataDir = Path.of(v);
                case "--warmup" -> warmup = Duration.ofSeconds(parseInt(opt, v));
                case "--jit-warmup" -> jitWarmup = Duration.ofSeconds(parseInt(opt, v));
                case "--duration" -> duration = Duration.ofSeconds(parseInt(opt, v));
                case "--max-orders" -> maxOrders = parseLong(opt, v);
                case "--market" -> market = v;
                case "--seed" -> seed = parseLong(opt, v);
                default -> throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        return new LoadConfig(url, clients, warmup, jitWarmup, duration, maxOrders, market, seed, appPid, pgDataDir);
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
