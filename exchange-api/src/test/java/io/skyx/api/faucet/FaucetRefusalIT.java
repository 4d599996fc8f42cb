package io.skyx.api.faucet;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issues 9 and 11: the faucet never credits directly. Here (the shared IT context) neither the SKY node nor the
 * BTC regtest node runs, so every asset lacks on-chain custody: the faucet refuses with 409
 * {@code FAUCET_UNAVAILABLE} and changes nothing (journal, balances, faucet payments).
 */
class FaucetRefusalIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAssetWithoutOnChainCustodyIsRefusedAndNothingIsCredited() throws Exception {
        TestBrowser user = new TestBrowser(url("")).signUp();
        long seq = journalSeq();
        String balances = user.get("/api/v1/balances").body();

        refused(user.post("/api/v1/faucet", null), null);
        refused(user.post("/api/v1/faucet?asset=SKY", null), "asset");
        refused(user.send("POST", "/api/v1/faucet?asset=BTC", "{}"), "asset");
        HttpResponse<String> unknown = user.post("/api/v1/faucet?asset=DOGE", null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(error(unknown).path("code").asString()).isEqualTo("BAD_REQUEST");

        assertThat(journalSeq()).as("nothing journaled").isEqualTo(seq);
        assertThat(user.get("/api/v1/balances").body()).as("nothing credited").isEqualTo(balances);
        assertThat(jdbc.queryForObject("select count(*) from faucet_payments", Long.class)).as("nothing paid")
                .isZero();
    }

    private static void refused(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        JsonNode e = error(r);
        assertThat(e.path("code").asString()).isEqualTo("FAUCET_UNAVAILABLE");
        assertThat(e.path("message").asString()).contains("only on chain").contains("nothing was paid");
        if (field != null) {
            assertThat(e.path("field").asString()).isEqualTo(field);
        }
    }

    private static JsonNode error(HttpResponse<String> r) {
        return TestBrowser.json(r.body()).path("error");
    }

    private long journalSeq() {
        Long s = jdbc.queryForObject("select coalesce(max(seq), 0) from journal", Long.class);
        return s == null ? 0 : s;
    }
}
