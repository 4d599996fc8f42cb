package io.skyx.api.reserves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.node.reserves.InclusionProof;
import io.skyx.node.reserves.ProofError;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ProofJson;
import io.skyx.node.reserves.SnapshotRef;
import io.skyx.node.reserves.Value128;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Liabilities snapshots end to end: funded users, an operator's snapshot, the public roots, each user's proof
 * verified against the published root with the same verifier users run, and the history's append-only rule.
 */
class ReservesIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyUserProvesTheirBalanceAgainstThePublishedRoot() throws Exception {
        TestBrowser alice = new TestBrowser(url("")).signUp();
        TestBrowser bob = new TestBrowser(url("")).signUp();
        assertThat(alice.post("/api/v1/test-funds", null).statusCode()).isEqualTo(200);

        HttpResponse<String> taken = alice.post("/api/v1/admin/reserves/snapshots", null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        JsonNode roots = TestBrowser.json(taken.body());
        assertThat(roots.size()).isEqualTo(2);
        long snapshot = roots.get(0).path("snapshot").asLong();
        assertThat(jdbc.queryForObject("select count(*) from operator_audit where action = 'reserves.snapshot'"
                + " and detail = ?", Integer.class, "snapshot " + snapshot)).as("the operator action is audited").isEqualTo(1);

        HttpResponse<String> publicList = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/reserves"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(publicList.statusCode()).isEqualTo(200);
        JsonNode sky = null;
        for (JsonNode s : TestBrowser.json(publicList.body()).path("snapshots")) {
            if (s.path("snapshot").asLong() == snapshot && s.path("asset").asString().equals("SKY")) {
                sky = s;
            }
        }
        assertThat(sky).as(publicList.body()).isNotNull();
        String root = sky.path("root").asString();
        Value128 total = Value128.parse(sky.path("total").asString());
        Long leafSum = jdbc.queryForObject("select sum(units) from reserve_snapshot_leaves where snapshot = ? and asset = 'SKY'",
                Long.class, snapshot);
        assertThat(total.amount().longValueExact()).isEqualTo(leafSum);

        // alice's proof: her 1000 SKY faucet credit, in droplets, under the root everyone sees
        HttpResponse<String> proof = alice.get("/api/v1/reserves/proof?asset=SKY&snapshot=" + snapshot);
        assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
        InclusionProof p = ProofJson.read(proof.body());
        String aliceAccount = alice.userId();
        p.verify(new SnapshotRef("SKY", snapshot), aliceAccount, 1_000_000_000L, root, total);

        // bob gets his own leaf (zero balance), never alice's; alice's proof does not pass as bob's
        HttpResponse<String> bobProof = bob.get("/api/v1/reserves/proof?asset=SKY&snapshot=" + snapshot);
        if (bobProof.statusCode() == 200) {
            InclusionProof bp = ProofJson.read(bobProof.body());
            assertThat(bp.account()).isEqualTo(bob.userId());
        } else {
            assertThat(bobProof.statusCode()).as(bobProof.body()).isEqualTo(404);
        }
        assertThatThrownBy(() -> p.verify(new SnapshotRef("SKY", snapshot), bob.userId(),
                root, total)).isInstanceOfSatisfying(ProofException.class,
                e -> assertThat(e.error()).isEqualTo(ProofError.WRONG_ACCOUNT));

        // anonymous: no proof; bad input: a clear error
        HttpResponse<String> anon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/v1/reserves/proof?asset=SKY&snapshot=1"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anon.statusCode()).isEqualTo(401);
        assertThat(alice.get("/api/v1/reserves/proof?asset=DOGE&snapshot=1").statusCode()).isEqualTo(400);
        assertThat(alice.get("/api/v1/reserves/proof?asset=SKY&snapshot=0").statusCode()).isEqualTo(400);
        assertThat(alice.get("/api/v1/reserves/proof?asset=SKY&snapshot=99999").statusCode()).isEqualTo(404);

        // the published history is append-only
        assertThatThrownBy(() -> jdbc.update("update reserve_snapshots set root_hash = ? where snapshot = ?",
                "00".repeat(32), snapshot)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from reserve_snapshot_leaves where snapshot = ?", snapshot))
                .hasMessageContaining("append-only");

        // a later snapshot gets a new number and new salts; the old proof still verifies against the old root
        HttpResponse<String> again = alice.post("/api/v1/admin/reserves/snapshots", null);
        long next = TestBrowser.json(again.body()).get(0).path("snapshot").asLong();
        assertThat(next).isEqualTo(snapshot + 1);
        InclusionProof p2 = ProofJson.read(alice.get("/api/v1/reserves/proof?asset=SKY&snapshot=" + next).body());
        assertThat(p2.salt()).isNotEqualTo(p.salt());
        ProofJson.read(alice.get("/api/v1/reserves/proof?asset=SKY&snapshot=" + snapshot).body())
                .verify(new SnapshotRef("SKY", snapshot), aliceAccount, 1_000_000_000L, root, total);
    }
}
