package io.skyx.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the browser scripts in {@code web-ui/e2e/} (playwright-core with Debian's {@code /usr/bin/chromium})
 * against an app, with the screenshot directory {@code exchange-api/target/e2e}, and fails with the script's
 * output unless it exits 0 having printed {@code PASS:}. Skipped when Chromium is not installed. Returns the
 * screenshot directory, where scripts also leave their result files.
 */
final class BrowserScripts {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path E2E = Path.of("web-ui", "e2e");
    private static final long TIMEOUT_SECONDS = 300;

    private BrowserScripts() {
    }

    static Path run(String name, String baseUrl, String... extraArgs) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "/usr/bin/chromium not found: skipping the browser test (apt-get install chromium; CI installs it)");
        Path root = projectRoot();
        Path webUi = root.resolve("web-ui");
        assertTrue(Files.isDirectory(webUi.resolve("node_modules").resolve("playwright-core")),
                "web-ui/node_modules/playwright-core is missing: build web-ui first (its Maven build runs npm ci)");
        Path screenshots = root.resolve("exchange-api").resolve("target").resolve("e2e");
        Files.createDirectories(screenshots);

        List<String> command = new ArrayList<>(List.of("node", root.resolve(E2E).resolve(name).toString(), baseUrl,
                screenshots.toString()));
        command.addAll(List.of(extraArgs));
        Process node = new ProcessBuilder(command).directory(webUi.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = Thread.ofVirtual().start(() -> copy(node.getInputStream(), output));
        boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        String log = output.toString(StandardCharsets.UTF_8);
        System.out.println("---- web-ui/e2e/" + name + " ----\n" + log);
        if (!finished) {
            fail("the browser test did not finish within " + TIMEOUT_SECONDS + " s; its output:\n" + log);
        }
        assertEquals(0, node.exitValue(),
                () -> "the browser test failed (screenshots in " + screenshots + "):\n" + log);
        assertTrue(log.contains("PASS:"), () -> "the browser script exited 0 without reporting PASS:\n" + log);
        return screenshots;
    }

    /** The project root: the nearest directory upwards from the working directory that holds the e2e scripts. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(E2E).resolve("trade.mjs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find " + E2E + " above " + Path.of("").toAbsolutePath());
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
