package io.skyx.api.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.SkyChainTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the Relays page reads: a relay's reports, claims, payouts and refusals; the operators' settlement runs. */
class RelayActivityIT extends SkyChainTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void showsARelaysRecordsAndPayoutsAndTheSettlementRuns() throws Exception {
        long epoch = System.currentTimeMillis() / 86_400_000L - 3;
        TestBrowser operator = new TestBrowser(url("")).signUp();
        RelaySeed.Seeded s = RelaySeed.seed(url(""), operator, "activity", epoch);

        HttpResponse<String> response = anonymousGet("/api/v1/relays/" + s.aHex() + "/activity");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode act = TestBrowser.json(response.body());
        assertThat(act.get("relay").asString()).isEqualTo(s.aHex());
        assertThat(act.get("reports")).hasSize(1);
        JsonNode report = act.get("reports").get(0);
        assertThat(report.get("id").asString()).isEqualTo(s.reportA().id().hex());
        assertThat(report.get("peer").asString()).isEqualTo(s.b().pub().hex());
        assertThat(report.get("sent").asLong()).isEqualTo(3_000_000);
        assertThat(report.get("epoch").asLong()).isEqualTo(epoch);
        assertThat(act.get("claims")).hasSize(1);
        assertThat(act.get("claims").get(0).get("reports").asInt()).isEqualTo(1);
        assertThat(act.get("claims").get(0).get("rewardAddress").asString()).isEqualTo(s.a().address().toString());
        JsonNode payout = act.get("payouts").get(0);
        assertThat(payout.get("method").asString()).isEqualTo("ledger");
        assertThat(payout.get("state").asString()).isEqualTo("done");
        assertThat(payout.get("amount").asString()).matches("\\d+(\\.\\d{1,3})?");
        assertThat(act.get("refusals").get(0).get("reason").asString()).isEqualTo("BAD_SIGNATURE");

        HttpResponse<String> bad = anonymousGet("/api/v1/relays/xyz/activity");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestBrowser.json(bad.body()).path("error").path("field").asString()).isEqualTo("key");

        assertThat(anonymousGet("/api/v1/admin/settlement").statusCode()).as("operators only").isEqualTo(401);
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
        assertThat(run.get("payoutsPending").asLong()).as("B's is batched on chain (SKY custody runs)").isZero();
        assertThat(run.has("fundingWait")).as("the pool is funded").isFalse();
        assertThat(run.get("reportHash").asString()).matches("[0-9a-f]{64}");
    }
}
