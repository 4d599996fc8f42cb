package io.skyx.api.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Projection;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sequencer's unavailability reads as 503 UNAVAILABLE wherever it surfaces, not as 500: here the read models
 * fall behind the journal (a projection that stalls), so every read that must see acknowledged writes, and the
 * operators' liabilities snapshot (which waits inside {@code LiabilitySnapshots.take}), time out; each answers 503
 * UNAVAILABLE in the error shape and stores nothing. Once the projection goes on, the same requests succeed.
 */
@Import(UnavailableIT.Config.class)
@TestPropertySource(properties = "skyx.projection.read-wait-ms=400")
class UnavailableIT extends IntegrationTestBase {

    /** A projection that, while {@link #stall} is set, holds its batch (at most 60 s) until released. */
    static final class Stalling implements Projection {
        volatile CountDownLatch stall;

        @Override
        public String name() {
            return "test_stall";
        }

        @Override
        public void project(JdbcTemplate jdbc, List<AppliedCommand> batch) {
            CountDownLatch l = stall;
            if (l != null) {
                try {
                    l.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void reset(JdbcTemplate jdbc) {
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        Stalling stalling() {
            return new Stalling();
        }
    }

    @Autowired
    Stalling stalling;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsAndTheLiabilitiesSnapshotAnswer503WhileTheReadModelsAreBehind() throws Exception {
        TestBrowser operator = new TestBrowser(url("")).signUp();
        assertThat(operator.post("/api/v1/test-funds", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ok = operator.post("/api/v1/admin/reserves/snapshots", null);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        Integer snapshots = jdbc.queryForObject("select count(*) from reserve_snapshots", Integer.class);

        CountDownLatch release = new CountDownLatch(1);
        stalling.stall = release;
        try {
            // acknowledged (journaled) but not projected: the faucet's own read-back waits and gives up
            unavailable(operator.post("/api/v1/test-funds", null));
            unavailable(operator.post("/api/v1/admin/reserves/snapshots", null));
            unavailable(operator.get("/api/v1/balances"));
            unavailable(operator.get("/api/v1/orders?status=open"));
            assertThat(jdbc.queryForObject("select count(*) from reserve_snapshots", Integer.class))
                    .as("a refused snapshot stores nothing").isEqualTo(snapshots);
        } finally {
            stalling.stall = null;
            release.countDown();
        }
        HttpResponse<String> again = operator.post("/api/v1/admin/reserves/snapshots", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(TestBrowser.json(again.body()).get(0).path("snapshot").asLong()).isGreaterThan(0);
    }

    private static void unavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(503);
        JsonNode error = TestBrowser.json(r.body()).path("error");
        assertThat(error.path("code").asString()).as(r.body()).isEqualTo("UNAVAILABLE");
        assertThat(error.path("message").asString()).as(r.body()).contains("retry");
    }
}
