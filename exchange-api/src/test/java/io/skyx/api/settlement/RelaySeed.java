package io.skyx.api.settlement;

import io.skyx.api.testing.TestBrowser;
import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Relay data for the tests that read it back (the API in {@code RelayActivityIT}, the Relays page in the browser
 * test): two relays with external IPs, one paid by ledger credit to the operator's account; each reports its side
 * of one transport and claims it; one forged claim is refused; the operator settles the epoch.
 */
public final class RelaySeed {

    /** What was seeded: relay A (ledger payout), relay B (on chain, pending), the epoch, A's report and claim. */
    public record Seeded(KeyPair a, KeyPair b, long epoch, SignedRecord reportA, SignedRecord claimA) {
        public String aHex() {
            return a.pub().hex();
        }
    }

    private RelaySeed() {
    }

    /** Seeds and settles {@code epoch} through the app's REST API; {@code operator} is a signed-in operator. */
    public static Seeded seed(String baseUrl, TestBrowser operator, String name, long epoch)
            throws IOException, InterruptedException {
        long day = epoch * 86_400;
        KeyPair a = SkywireFixtures.relay(name + "-a");
        KeyPair b = SkywireFixtures.relay(name + "-b");
        expect(operator.send("PUT", "/api/v1/admin/skywire/relays/" + a.pub().hex(),
                "{\"externalIp\":\"198.51.100.1\",\"userId\":\"" + operator.userId() + "\"}"), 204);
        expect(operator.send("PUT", "/api/v1/admin/skywire/relays/" + b.pub().hex(),
                "{\"externalIp\":\"198.51.100.2\"}"), 204);
        SignedRecord ra = SkywireFixtures.report(a, b, "stcpr", day, day + 3600, 3_000_000, 2_000_000, 1);
        SignedRecord rb = SkywireFixtures.report(b, a, "stcpr", day, day + 3600, 2_000_000, 3_000_000, 1);
        SignedRecord claimA = claim(a, epoch, ra);
        HttpClient http = HttpClient.newHttpClient();
        for (SignedRecord r : List.of(ra, rb, claimA, claim(b, epoch, rb))) {
            expect(submit(http, baseUrl, r.encode()), 200);
        }
        SignedRecord forged = SignedRecord.sign(((EpochClaim) claimA.parsed()), b.sec());
        expect(submit(http, baseUrl, forged.encode()), 422);
        expect(operator.post("/api/v1/admin/settlement/" + epoch, null), 200);
        return new Seeded(a, b, epoch, ra, claimA);
    }

    private static SignedRecord claim(KeyPair k, long epoch, SignedRecord report) {
        return SignedRecord.sign(new EpochClaim(k.pub(), epoch, k.address(), List.of(report.id())), k.sec());
    }

    private static HttpResponse<String> submit(HttpClient http, String baseUrl, byte[] wire)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/skywire/records"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(wire)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + " for " + r.uri() + ", got " + r.statusCode() + ": "
                    + r.body());
        }
    }
}
