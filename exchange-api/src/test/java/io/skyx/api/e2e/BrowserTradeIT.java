package io.skyx.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.node.reserves.InclusionProof;
import io.skyx.node.reserves.ProofJson;
import io.skyx.node.reserves.SnapshotRef;
import io.skyx.node.reserves.Value128;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Browser end-to-end tests: the whole app on a random port (local profile, so the faucet is on), driven by the
 * scripts in {@code web-ui/e2e/} ({@link BrowserScripts}). {@code trade.mjs}: two users sign up in the page, take
 * test funds, place crossing orders, and the page must show the trade and the exact balances. {@code ui.mjs}: the
 * page's own behaviour (clean anonymous load, refused log-in keeps the input, errors beside their field, candle
 * intervals, keyboard, cancel-all, phone layout, log-out) and the time to interactive. {@code resume.mjs}: the
 * page's WebSocket is cut while users trade, and after the resume every trade is shown once and the book equals
 * REST. {@code reserves.mjs}: a user verifies their proof on the proof-of-reserves page and downloads it; the CLI
 * verifier must agree with the browser on that file and on a tampered copy.
 * All fail on any console error or warning. Screenshots go to {@code exchange-api/target/e2e}.
 * <p>The property below gives this class a Spring context of its own, and so a fresh database with an empty book:
 * orders left by other integration tests cannot meet the test's orders.
 */
@TestPropertySource(properties = "skyx.test.context=browser-e2e")
class BrowserTradeIT extends IntegrationTestBase {

    @Test
    void twoUsersTradeInTheBrowserAndSeeExactBalances() throws Exception {
        BrowserScripts.run("trade.mjs", url(""));
    }

    @Test
    void pageBehavesOnDesktopAndPhoneWithoutConsoleNoise() throws Exception {
        BrowserScripts.run("ui.mjs", url(""));
    }

    @Test
    void aCutStreamResumesWithoutLosingOrDuplicatingATrade() throws Exception {
        BrowserScripts.run("resume.mjs", url(""));
    }

    @Test
    void proofVerifiedInTheBrowserAgreesWithTheCommandLineVerifier() throws Exception {
        Path out = BrowserScripts.run("reserves.mjs", url(""));
        JsonNode result = TestBrowser.json(Files.readString(out.resolve("reserves-result.json")));
        Path cli = Files.list(BrowserScripts.projectRoot().resolve("node").resolve("target"))
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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
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
}

