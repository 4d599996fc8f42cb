package io.skyx.node.api;

import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v2/metrics}: the Prometheus text format (version 0.0.4) as Skycoin's node serves it
 * (src/api/metrics.go): its eight gauges, filled from the same data as {@code /api/v1/health}, and the standard
 * {@code process_*} collector. Families are sorted by name and values written as Go's
 * {@code strconv.FormatFloat(v, 'g', -1, 64)}, as client_golang does. Go's runtime metrics ({@code go_*}) have no
 * equivalent in a JVM and are left out.
 */
final class PromText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private record Family(String help, String type, double value) {
    }

    private PromText() {
    }

    /** @param health the {@code /api/v1/health} object; {@code sinceLastBlockSeconds} as its duration */
    static String render(JsonNode health, long sinceLastBlockSeconds) {
        Map<String, Family> m = new TreeMap<>();
        JsonNode bc = health.path("blockchain");
        m.put("unspent_outputs", new Family("Number of unspent outputs", "gauge", bc.path("unspents").asDouble()));
        m.put("unconfirmed_txns", new Family("Number of unconfirmed transactions", "gauge",
                bc.path("unconfirmed").asDouble()));
        m.put("time_since_last_block_seconds", new Family("Time since the last block created", "gauge",
                sinceLastBlockSeconds));
        m.put("open_connections", new Family("Number of open connections", "gauge",
                health.path("open_connections").asDouble()));
        m.put("outgoing_connections", new Family("Number of outgoing connections", "gauge",
                health.path("outgoing_connections").asDouble()));
        m.put("incoming_connections", new Family("Number of incoming connections", "gauge",
                health.path("incoming_connections").asDouble()));
        m.put("started_at", new Family("Node start time, in unixtime", "gauge", health.path("started_at").asDouble()));
        m.put("last_block_seq", new Family("Last block sequence number", "gauge",
                bc.path("head").path("seq").asDouble()));
        process(m);
        StringBuilder b = new StringBuilder();
        m.forEach((name, f) -> b.append("# HELP ").append(name).append(' ').append(f.help()).append('\n')
                .append("# TYPE ").append(name).append(' ').append(f.type()).append('\n')
                .append(name).append(' ').append(goFloat(f.value())).append('\n'));
        return b.toString();
    }

    private static void process(Map<String, Family> m) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            m.put("process_cpu_seconds_total", new Family("Total user and system CPU time spent in seconds.",
                    "counter", sun.getProcessCpuTime() / 1e9));
        }
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            m.put("process_open_fds", new Family("Number of open file descriptors.", "gauge",
                    unix.getOpenFileDescriptorCount()));
            m.put("process_max_fds", new Family("Maximum number of open file descriptors.", "gauge",
                    unix.getMaxFileDescriptorCount()));
        }
        m.put("process_start_time_seconds", new Family("Start time of the process since unix epoch in seconds.",
                "gauge", ManagementFactory.getRuntimeMXBean().getStartTime() / 1e3));
    }

    /** Go's shortest {@code %g}: exponent form when the decimal exponent is below -4 or at least 6. */
    static String goFloat(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int e = Math.abs(exp);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        return d.toPlainString();
    }
}
