package io.skyx.ops.load;

import java.io.IOException;
import java.net.URI;

/**
 * The sequencer's group-commit counters from the app's {@code /actuator/prometheus}: commits (count of
 * {@code skyx_sequencer_batch_size}) and commands committed (its sum); and the projections' transactions (count
 * of {@code skyx_projection_chunk_size}) and the journal entries they projected (its sum).
 */
final class AppMetrics {

    /** Commits and committed commands so far; projection transactions and the entries they projected. */
    record Sample(double commits, double commands, double projectionTransactions, double projected) {
        Sample minus(Sample earlier) {
            return new Sample(commits - earlier.commits, commands - earlier.commands,
                    projectionTransactions - earlier.projectionTransactions, projected - earlier.projected);
        }
    }

    private final RawHttp http;

    AppMetrics(URI base) {
        this.http = new RawHttp(base);
    }

    Sample sample() {
        try {
            LoadClient.Answer a = http.send("GET", "/actuator/prometheus", "", new byte[0]);
            if (!a.ok()) {
                return new Sample(0, 0, 0, 0);
            }
            return new Sample(value(a.body(), "skyx_sequencer_batch_size_count"),
                    value(a.body(), "skyx_sequencer_batch_size_sum"), value(a.body(), "skyx_projection_chunk_size_count"),
                    value(a.body(), "skyx_projection_chunk_size_sum"));
        } catch (IOException e) {
            return new Sample(0, 0, 0, 0);
        }
    }

    static double value(String prometheus, String name) {
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
