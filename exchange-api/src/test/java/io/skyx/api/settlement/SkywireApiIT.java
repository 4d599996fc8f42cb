package io.skyx.api.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.SkyChainTestBase;
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

/** The relay and operator API in the running app: signed submissions, refusals, settling, receipts, reports. */
class SkywireApiIT extends SkyChainTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> submit(byte[] wire) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/skywire/records")))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(wire)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void relaysSubmitSignedRecordsAndReadTheirReceiptsAfterTheOperatorSettles() throws Exception {
        long epoch = System.currentTimeMillis() / 86_400_000L - 1;
        long day = epoch * 86_400;
        KeyPair a = SkywireFixtures.relay("api-a");
        KeyPair b = SkywireFixtures.relay("api-b");
        TestBrowser admin = new TestBrowser(url("")).signUp();
        assertThat(admin.send("PUT", "/api/v1/admin/skywire/relays/" + a.pub().hex(),
                "{\"externalIp\":\"203.0.113.1\"}").statusCode()).isEqualTo(204);
        assertThat(admin.send("PUT", "/api/v1/admin/skywire/relays/" + b.pub().hex(),
                "{\"externalIp\":\"203.0.113.2\",\"userId\":\"" + admin.userId() + "\"}").statusCode()).isEqualTo(204);

        SignedRecord ra = SkywireFixtures.report(a, b, "stcpr", day, day + 3600, 5_000_000, 1_000_000, 1);
        SignedRecord rb = SkywireFixtures.report(b, a, "stcpr", day, day + 3600, 1_000_000, 4_000_000, 1);
        HttpResponse<String> ok = submit(ra.encode());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(TestBrowser.json(ok.body()).get("id").asString()).isEqualTo(ra.id().hex());
        assertThat(TestBrowser.json(submit(ra.encode()).body()).get("status").asString()).isEqualTo("duplicate");
        assertThat(submit(rb.encode()).statusCode()).isEqualTo(200);
        SignedRecord forged = SignedRecord.sign(((EpochClaim) claim(a, epoch, ra).parsed()), b.sec());
        HttpResponse<String> refused = submit(forged.encode());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(TestBrowser.json(refused.body()).get("error").get("code").asString()).isEqualTo("BAD_SIGNATURE");
        assertThat(submit(new byte[] {1, 2, 3}).statusCode()).isEqualTo(422);
        assertThat(submit(claim(a, epoch, ra).encode()).statusCode()).isEqualTo(200);
        assertThat(submit(claim(b, epoch, rb).encode()).statusCode()).isEqualTo(200);

        assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/admin/settlement/" + epoch)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("no session: refused (CSRF or authentication)").isIn(401, 403);
        assertThat(admin.post("/api/v1/admin/settlement/" + (epoch + 1), null).statusCode()).isEqualTo(400);
        HttpResponse<String> settled = admin.post("/api/v1/admin/settlement/" + epoch, null);
        assertThat(settled.statusCode()).isEqualTo(200);
        JsonNode response = TestBrowser.json(settled.body());
        JsonNode summary = response.get("settlement");
        assertThat(response.get("payouts").get("credited").asInt()).isEqualTo(1);
        assertThat(response.get("payouts").get("pendingOnChain").asInt()).isEqualTo(1);
        assertThat(summary.get("alreadySettled").asBoolean()).isFalse();
        JsonNode againResponse = TestBrowser.json(admin.post("/api/v1/admin/settlement/" + epoch, null).body());
        assertThat(againResponse.get("payouts").get("credited").asInt()).isZero();
        JsonNode again = againResponse.get("settlement");
        assertThat(again.get("alreadySettled").asBoolean()).isTrue();
        assertThat(again.get("reportHash").asString()).isEqualTo(summary.get("reportHash").asString());

        JsonNode bReceipt = TestBrowser.json(http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/relays/"
                + b.pub().hex() + "/receipts"))).GET().build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
        long bPayout = bReceipt.get("payout_droplets").asLong();
        assertThat(bPayout).isPositive();
        assertThat(bReceipt.get("payout_method").asString()).isEqualTo("ledger");
        String sky = TestBrowser.json(admin.get("/api/v1/balances").body()).path("SKY").path("total").asString();
        assertThat(new java.math.BigDecimal(sky).movePointRight(6).longValueExact()).as("credited once, not twice")
                .isEqualTo(bPayout);
        JsonNode receipts = TestBrowser.json(http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/relays/"
                + a.pub().hex() + "/receipts"))).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(receipts).hasSize(1);
        JsonNode r = receipts.get(0);
        assertThat(r.get("bytes").asLong()).isEqualTo(4_000_000);
        assertThat(r.get("reasons").get(0).asString()).isEqualTo("CAPPED_BY_PEER");
        assertThat(r.get("payout_droplets").asLong() % 1000).isZero();
        assertThat(r.get("report_hash").asString()).isEqualTo(summary.get("reportHash").asString());
        HttpResponse<String> csv = admin.get("/api/v1/admin/settlement/" + epoch + "/report?format=csv");
        assertThat(csv.body()).startsWith("relay,claim_id,reward_address,ip,bytes,weight,payout_droplets")
                .contains(a.pub().hex(), b.pub().hex());
        assertThat(submit(SkywireFixtures.report(a, b, "stcpr", day + 3600, day + 7200, 6_000_000, 1_000_000, 2)
                .encode()).body()).contains("EPOCH_SETTLED");
    }

    private static SignedRecord claim(KeyPair k, long epoch, SignedRecord report) {
        return SignedRecord.sign(new EpochClaim(k.pub(), epoch, k.address(), List.of(report.id())), k.sec());
    }
}
