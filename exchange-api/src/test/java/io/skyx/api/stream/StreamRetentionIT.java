package io.skyx.api.stream;

import static io.skyx.api.stream.StreamResumeIT.round;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * stream_messages keeps a bounded window (here: the last 6 commands, pruned when the test says so; an in-memory
 * window of 1 message, so resumes read the store). After pruning, nothing at or before the cut is stored; a
 * client resuming after the cut gets exactly the missed messages (no gap, no duplicate); a client resuming from
 * before it gets, per channel, a snapshot equal to the REST state (orders, balances, book) or RESUME_TOO_FAR
 * saying the messages are no longer kept (trades, candles), never a silent gap.
 */
@TestPropertySource(properties = {"skyx.stream.retention.keep-commands=6", "skyx.stream.retention.every=0",
    "skyx.stream.window=1"})
class StreamRetentionIT extends IntegrationTestBase {

    @Autowired
    StreamRetention retention;
    @Autowired
    JdbcTemplate jdbc;

    private TestBrowser funded() throws Exception {
        TestBrowser b = new TestBrowser(url("")).signUp();
        assertThat(b.post("/api/v1/test-funds", null).statusCode()).isEqualTo(200);
        return b;
    }

    @Test
    void aResumeBeforeTheRetainedWindowGetsASnapshotOrAClearErrorAndAfterItExactlyTheMissedMessages()
            throws Exception {
        TestBrowser alice = funded();
        TestBrowser bob = funded();
        Recorder early = new Recorder(port, alice.cookieHeader());
        try (Recorder ref = new Recorder(port, alice.cookieHeader())) {
            ref.subscribeAll(null);
            early.subscribeAll(null);
            ref.sync();
            early.sync();
            long last = 0;
            for (int i = 0; i < 2; i++) {
                last = round(alice, bob, i);
            }
            early.syncAll(last);
            Map<String, long[]> old = early.positions();
            early.close();
            for (int i = 2; i < 6; i++) {
                last = round(alice, bob, i);
            }
            ref.syncAll(last);
            Map<String, long[]> mid = ref.positions();
            for (int i = 6; i < 8; i++) {
                last = round(alice, bob, i);
            }
            ref.syncAll(last);

            long pruned = retention.prune();
            assertThat(pruned).as("6 commands kept").isEqualTo(last - 6);
            for (String ch : List.of("trades", "candles", "orders", "balances")) {
                assertThat(old.get(ch)[0]).as(ch + ": the early client is before the cut").isLessThan(pruned);
                assertThat(mid.get(ch)[0]).as(ch + ": the mid client is after the cut").isGreaterThan(pruned);
            }
            assertThat(jdbc.queryForObject("select count(*) from stream_messages where seq <= ?", Long.class, pruned))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from stream_messages where seq > ?", Long.class, pruned))
                    .isPositive();
            assertThat(retention.prune()).as("a second run with nothing new deletes nothing more").isEqualTo(pruned);

            try (Recorder after = new Recorder(port, alice.cookieHeader());
                 Recorder before = new Recorder(port, alice.cookieHeader())) {
                after.subscribeAll(mid);
                before.subscribeAll(old);
                after.sync();
                before.sync();
                long end = round(alice, bob, 8);
                ref.syncAll(end);
                after.syncAll(end);
                for (String ch : List.of("trades", "candles", "orders", "balances")) {
                    assertThat(after.on(ch)).as(ch + ": exactly the missed messages, then live ones")
                            .containsExactlyElementsOf(ref.after(ch, mid.get(ch)));
                }
                for (String ch : List.of("trades", "candles")) {
                    syncUntilError(before, ch);
                    JsonNode first = before.on(ch).getFirst();
                    assertThat(first.path("type").asString()).as(first.toString()).isEqualTo("error");
                    assertThat(first.path("code").asString()).isEqualTo("RESUME_TOO_FAR");
                    assertThat(first.path("market").asString()).isEqualTo(Recorder.MARKET);
                    assertThat(first.path("message").asString())
                            .contains("up to seq " + pruned + " are no longer kept");
                    assertThat(before.on(ch).subList(1, before.on(ch).size()))
                            .as(ch + ": then live, nothing from before the cut")
                            .allMatch(m -> m.path("seq").asLong() > pruned);
                }
                before.syncAll(end);
                JsonNode orders = before.on("orders").getFirst();
                assertThat(orders.path("type").asString()).isEqualTo("snapshot");
                assertThat(orders.path("seq").asLong()).isGreaterThan(pruned);
                TreeSet<String> restOpen = new TreeSet<>();
                TestBrowser.json(alice.get("/api/v1/orders?status=open&market=SKY-BTC").body())
                        .forEach(o -> restOpen.add(o.path("id").asString()));
                TreeSet<String> open = new TreeSet<>();
                orders.path("orders").forEach(o -> open.add(o.path("id").asString()));
                List<JsonNode> later = before.on("orders").subList(1, before.on("orders").size());
                assertThat(later).as("order updates follow the snapshot")
                        .allMatch(m -> m.path("seq").asLong() > orders.path("seq").asLong());
                for (JsonNode m : later) {
                    if ("open".equals(m.path("status").asString())) {
                        open.add(m.path("id").asString());
                    } else {
                        open.remove(m.path("id").asString());
                    }
                }
                assertThat(open).as("the snapshot's open orders + the updates after it = REST's open orders")
                        .isEqualTo(restOpen);
                JsonNode balances = before.on("balances").getFirst();
                assertThat(balances.path("type").asString()).isEqualTo("snapshot");
                assertThat(balances.path("seq").asLong()).isGreaterThan(pruned);
                assertThat(before.on("book").getFirst().path("type").asString()).isEqualTo("snapshot");
            }
        }
    }

    private static void syncUntilError(Recorder r, String channel) throws InterruptedException {
        for (int i = 0; i < 100 && r.on(channel).isEmpty(); i++) {
            r.sync();
        }
        assertThat(r.on(channel)).as("an answer on " + channel).isNotEmpty();
    }
}
