package io.skyx.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.BtcTestProperties;
import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.btc.regtest.BcoinNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The configured sweep schedule ({@code skyx.custody.cold.sweep-interval}) runs the sweep by itself: the hot
 * wallet's float is above target × 1.5, and with no operator request a sweep named {@code auto-<interval>} sends
 * exactly the excess to cold and the hot wallet ends at its target; later rounds, inside the band, send nothing.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ColdSweepScheduleIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long FLOAT = 1_000_000;
    private static final long TARGET = 300_000;
    private static final DeterministicKey COLD_ACCOUNT = account();

    @LocalServerPort
    int port;

    @Autowired
    BcoinNode bcoin;

    /** A fresh cold account (m/84'/1'/0' of a random seed): its key exists only in this test. */
    private static DeterministicKey account() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        DeterministicKey k = HDKeyDerivation.createMasterPrivateKey(seed);
        for (ChildNumber c : List.of(new ChildNumber(84, true), new ChildNumber(1, true), new ChildNumber(0, true))) {
            k = HDKeyDerivation.deriveChildKey(k, c);
        }
        return k;
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        BtcTestProperties.register(registry, FLOAT, COLD_ACCOUNT, TARGET);
        registry.add("skyx.custody.cold.sweep-interval", () -> "2s");
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestBrowser.json(r.body());
    }

    private static long sats(String btc) {
        return new BigDecimal(btc).movePointRight(8).longValueExact();
    }

    private JsonNode btcView(TestBrowser op) throws Exception {
        for (JsonNode a : ok(op.get("/api/v1/admin/cold")).path("assets")) {
            if (a.path("asset").asString().equals("BTC")) {
                return a;
            }
        }
        throw new AssertionError("no BTC in the cold view");
    }

    private List<JsonNode> sweeps(TestBrowser op) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : btcView(op).path("transfers")) {
            if (t.path("kind").asString().equals("SWEEP")) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void theScheduleSweepsTheExcessWithNoOperatorRequest() throws Exception {
        TestBrowser op = new TestBrowser("http://localhost:" + port).signUp();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sweeps(op).isEmpty() || !sweeps(op).getFirst().path("state").asString().equals("CONFIRMED")) {
            assertThat(System.nanoTime()).as("timed out waiting for a scheduled sweep to confirm: %s",
                    btcView(op)).isLessThan(deadline);
            bcoin.rpc().mine(1);
            Thread.sleep(500);
        }
        JsonNode sweep = sweeps(op).getFirst();
        assertThat(sweep.path("requestId").asString()).startsWith("auto-");
        assertThat(sats(sweep.path("amount").asString()) + sats(sweep.path("fee").asString()))
                .isEqualTo(FLOAT - TARGET);
        assertThat(sats(btcView(op).path("hot").asString())).isEqualTo(TARGET);
        Thread.sleep(5_000);
        assertThat(sweeps(op)).as("inside the band: no second sweep").hasSize(1);
    }
}
