package io.skyx.api.ccxt;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A CCXT script (ops/ccxt/smoke.mjs: the real {@code ccxt} npm package with the SkyX exchange class of
 * ops/ccxt/skyx.js) trades against the app: fetchMarkets, fetchTicker, fetchOrderBook, fetchOHLCV, fetchBalance,
 * createOrder, cancelOrder, cancelAllOrders, fetchOpenOrders, fetchMyTrades and watchOrderBook.
 */
class CcxtIT extends IntegrationTestBase {
    private static final Path DIR = Path.of("..", "ops", "ccxt");

    private static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        byte[] out;
        try (var in = p.getInputStream()) {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
            }
            out = in.readAllBytes();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(p.exitValue()).as(command + " output:\n" + text).isZero();
        return text;
    }

    @Test
    void anOrdinaryCcxtScriptTradesOnSkyx() throws Exception {
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("ccxt"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        String out = run(List.of("node", "smoke.mjs", url("")), 300);
        assertThat(out).contains("ok  createOrder fills an IOC buy against the ask", "ok  watchOrderBook shows the new ask",
                "CCXT smoke: all checks passed");
    }
}
