package io.skyx.api.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the Relays page reads: a relay's reports, claims, payouts and refusals; the operators' settlement runs. */
class RelayActivityIT extends IntegrationTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> anonymous(String method, String path, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (body != null) {
            b.header("Content-Type", "application/octet-stream");
        }
        return http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void showsARelaysRecordsAndPayoutsAndTheSettlementRuns() throws Exception {
        long epoch = System.currentTimeMillis() / 86_400_000L - 3;
        long day = epoch * 86_400;
        KeyPair a = SkywireFixtures.relay("activity-a");
        KeyPair b = SkywireFixtures.relay("activity-b");
        TestBrowser operator = new TestBrowser(url("")).signUp();
        assertThat(operator.send("PUT", "/api/v1/admin/skywire/relays/" + a.pub().hex(),
                "{\"externalIp\":\"198.51.100.1\",\"userId\":\"" + operator.userId() + "\"}").statusCode())
                .isEqualTo(204);
        assertThat(operator.send("PUT", "/api/v1/admin/skywire/relays/" + b.pub().hex(),
                "{\"externalIp\":\"198.51.100.2\"}").statusCode()).isEqualTo(204);
        SignedRecord ra = SkywireFixtures.report(a, b, "stcpr", day, day + 3600, 3_000_000, 2_000_000, 1);
        SignedRecord rb = SkywireFixtures.report(b, a, "stcpr", day, day + 3600, 2_000_000, 3_000_000, 1);
        for (SignedRecord r : List.of(ra, rb, claim(a, epoch, ra), claim(b, epoch, rb))) {
            assertThat(anonymous("POST", "/api/v1/skywire/records", r.encode()).statusCode()).isEqualTo(200);
        }
        SignedRecord forged = SignedRecord.sign(((EpochClaim) claim(a, epoch, ra).parsed()), b.sec());
        assertThat(anonymous("POST", "/api/v1/skywire/records", forged.encode()).statusCode()).isEqualTo(422);
        assertThat(operator.post("/api/v1/admin/settlement/" + epoch, null).statusCode()).isEqualTo(200);

        HttpResponse<String> response = anonymous("GET", "/api/v1/relays/" + a.pub().hex() + "/activity", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode act = TestBrowser.json(response.body());
        assertThat(act.get("relay").asString()).isEqualTo(a.pub().hex());
        assertThat(act.get("reports")).hasSize(1);
        JsonNode report = act.get("reports").get(0);
        assertThat(report.get("id").asString()).isEqualTo(ra.id().hex());
        assertThat(report.get("peer").asString()).isEqualTo(b.pub().hex());
        assertThat(report.get("sent").asLong()).isEqualTo(3_000_000);
        assertThat(report.get("epoch").asLong()).isEqualTo(epoch);
        assertThat(act.get("claims")).hasSize(1);
        assertThat(act.get("claims").get(0).get("reports").asInt()).isEqualTo(1);
        assertThat(act.get("claims").get(0).get("rewardAddress").asString()).isEqualTo(a.address().toString());
        JsonNode payout = act.get("payouts").get(0);
        assertThat(payout.get("method").asString()).isEqualTo("ledger");
        assertThat(payout.get("state").asString()).isEqualTo("done");
        assertThat(payout.get("amount").asString()).matches("\\d+(\\.\\d{1,3})?");
        assertThat(act.get("refusals").get(0).get("reason").asString()).isEqualTo("BAD_SIGNATURE");

        HttpResponse<String> bad = anonymous("GET", "/api/v1/relays/xyz/activity", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestBrowser.json(bad.body()).path("error").path("field").asString()).isEqualTo("key");

        assertThat(anonymous("GET", "/api/v1/admin/settlement", null).statusCode()).as("operators only")
                .isEqualTo(401);
        JsonNode runs = TestBrowser.json(operator.get("/api/v1/admin/settlement").body());
        JsonNode run = null;
        for (JsonNode r : runs) {
            if (r.get("epoch").asLong() == epoch) {
                run = r;
            }
        }
        assertThat(run).as(runs.toString()).isNotNull();
        assertThat(run.get("claims").asLong()).isEqualTo(2);
        assertThat(run.get("payoutsDone").asLong()).isEqualTo(1);
        assertThat(run.get("payoutsPending").asLong()).isEqualTo(1);
        assertThat(run.get("reportHash").asString()).matches("[0-9a-f]{64}");
    }

    private static SignedRecord claim(KeyPair k, long epoch, SignedRecord report) {
        return SignedRecord.sign(new EpochClaim(k.pub(), epoch, k.address(), List.of(report.id())), k.sec());
    }
}
