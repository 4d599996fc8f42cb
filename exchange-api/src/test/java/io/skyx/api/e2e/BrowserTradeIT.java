package io.skyx.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.node.reserves.InclusionProof;
import io.skyx.node.reserves.ProofJson;
import io.skyx.node.reserves.SnapshotRef;
import io.skyx.node.reserves.Value128;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Browser end-to-end tests: the whole app on a random port (local profile, so the faucet is on), driven by the
 * scripts in {@code web-ui/e2e/} through playwright-core and Debian's {@code /usr/bin/chromium}. {@code trade.mjs}: two
 * users sign up in the page, take test funds, place crossing orders, and the page must show the trade and the exact
 * balances. {@code ui.mjs}: the page's own behaviour (clean anonymous load, refused log-in keeps the input, errors
 * beside their field, candle intervals, keyboard, cancel-all, phone layout, log-out) and the time to interactive.
 * {@code reserves.mjs}: a user verifies their proof on the proof-of-reserves page and downloads it; the CLI
 * verifier must agree with the browser on that file and on a tampered copy. All fail on any console error or warning. Screenshots go to {@code exchange-api/target/e2e}.
 * <p>The property below gives this class a Spring context of its own, and so a fresh database with an empty book:
 * orders left by other integration tests cannot meet the test's orders.
 */
@TestPropertySource(properties = "skyx.test.context=browser-e2e")
class BrowserTradeIT extends IntegrationTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path E2E = Path.of("web-ui", "e2e");
    private static final long TIMEOUT_SECONDS = 240;

    @Test
    void twoUsersTradeInTheBrowserAndSeeExactBalances() throws Exception {
        runScript("trade.mjs");
    }

    @Test
    void pageBehavesOnDesktopAndPhoneWithoutConsoleNoise() throws Exception {
        runScript("ui.mjs");
    }

    @Test
    void proofVerifiedInTheBrowserAgreesWithTheCommandLineVerifier() throws Exception {
        Path out = runScript("reserves.mjs");
        JsonNode result = TestBrowser.json(Files.readString(out.resolve("reserves-result.json")));
        Path cli = Files.list(projectRoot().resolve("node").resolve("target"))
                .filter(p -> p.getFileName().toString().matches("skyx-node-.*-cli\\.jar")).findFirst()
                .orElseThrow(() -> new AssertionError("node/target/skyx-node-*-cli.jar is missing: package node first"));
        List<String> common = List.of("--root", result.path("root").asString(), "--total",
                result.path("total").asString(), "--asset", "SKY", "--snapshot", result.path("snapshot").asString(),
                "--account", result.path("account").asString());
        String ok = verifyReserves(cli, result.path("proof").asString(), common, "--balance", "1000000000");
        assertTrue(ok.startsWith("OK SKY snapshot " + result.path("snapshot").asString()), ok);
        assertEquals("OK", result.path("browser").asString());
        String refused = verifyReserves(cli, result.path("tampered").asString(), common);
        assertEquals("FAILED " + result.path("browserTampered").asString(), refused.split(":")[0],
                "the browser and the CLI refuse the tampered file with the same code");
        // and the server's own verifier (the library both ports follow) agrees
        InclusionProof proof = ProofJson.read(Files.readString(Path.of(result.path("proof").asString())));
        proof.verify(new SnapshotRef("SKY", result.path("snapshot").asLong()), result.path("account").asString(),
                1_000_000_000L, result.path("root").asString(), Value128.parse(result.path("total").asString()));
    }

    /** Runs {@code skycoin verify-reserves} from the node module's jar; returns its first output line. */
    private static String verifyReserves(Path cli, String proof, List<String> common, String... more) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-jar", cli.toString(), "verify-reserves",
                "--proof", proof));
        cmd.addAll(common);
        cmd.addAll(List.of(more));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "verify-reserves did not finish");
        System.out.println("skycoin verify-reserves: " + out);
        return out.lines().findFirst().orElse("");
    }

    private Path runScript(String name) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "/usr/bin/chromium not found: skipping the browser test (apt-get install chromium; CI installs it)");
        Path root = projectRoot();
        Path webUi = root.resolve("web-ui");
        assertTrue(Files.isDirectory(webUi.resolve("node_modules").resolve("playwright-core")),
                "web-ui/node_modules/playwright-core is missing: build web-ui first (its Maven build runs npm ci)");
        Path screenshots = root.resolve("exchange-api").resolve("target").resolve("e2e");

        Process node = new ProcessBuilder(List.of("node", root.resolve(E2E).resolve(name).toString(), url(""),
                screenshots.toString()))
                .directory(webUi.toFile())
                .redirectErrorStream(true)
                .start();
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

    /** The project root: the nearest directory upwards from the working directory that holds the e2e script. */
    private static Path projectRoot() {
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
