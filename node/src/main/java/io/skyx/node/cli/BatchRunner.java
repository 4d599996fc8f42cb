package io.skyx.node.cli;

import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * {@code --batch}: one request per input line, one JSON line per request, in input order. Blank lines are skipped
 * (they are not requests). A line that cannot be processed answers {@code {"line":N,"error":"…"}} (N counts input
 * lines from 1) and the run goes on; the exit code is 1 if any line failed. Lines are processed in chunks across
 * {@code threads} worker threads; output order is always input order.
 */
final class BatchRunner {
    /** The per-line operation. */
    interface LineOp {
        String apply(String line) throws CryptoOps.BadLine;
    }

    private static final int CHUNK = 8192;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BatchRunner() {
    }

    /** @return the number of failed lines */
    static long run(LineOp op, InputStream in, OutputStream out, int threads) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long failed = 0;
        long lineNo = 0;
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            while (true) {
                List<String> lines = new ArrayList<>(CHUNK);
                List<Long> numbers = new ArrayList<>(CHUNK);
                String line;
                while (lines.size() < CHUNK && (line = r.readLine()) != null) {
                    lineNo++;
                    if (!line.isBlank()) {
                        lines.add(line);
                        numbers.add(lineNo);
                    }
                }
                if (lines.isEmpty()) {
                    break;
                }
                String[] results = new String[lines.size()];
                boolean[] bad = new boolean[lines.size()];
                try {
                    pool.submit(() -> IntStream.range(0, lines.size()).parallel().forEach(i -> {
                        try {
                            results[i] = op.apply(lines.get(i));
                        } catch (CryptoOps.BadLine | RuntimeException e) {
                            bad[i] = true;
                            results[i] = "{\"line\":" + numbers.get(i) + ",\"error\":"
                                    + JSON.writeValueAsString(String.valueOf(e.getMessage())) + "}";
                        }
                    })).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new UncheckedIOException(new IOException(e.getCause()));
                }
                for (int i = 0; i < results.length; i++) {
                    w.write(results[i]);
                    w.write('\n');
                    failed += bad[i] ? 1 : 0;
                }
                w.flush();
            }
        }
        w.flush();
        return failed;
    }
}
