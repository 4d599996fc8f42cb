package io.skyx.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.SkyxApplication;
import io.skyx.api.testing.TestBrowser;
import io.skyx.api.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Resume with "since" across a restart of the app (same database, in-memory window of 3 so that older messages
 * come from {@code stream_messages}): trades, candles, orders and balances deliver exactly the missed messages
 * and then the live ones, no gap, no duplicate; the book, older than the (new, empty) window, gets a snapshot at
 * the stated seq.
 */
class StreamRestartIT {

    private static ConfigurableApplicationContext start(TestDatabase.Conn db) {
        return new SpringApplicationBuilder(SkyxApplication.class).profiles("local").run(
                "--server.port=0", "--skyx.embedded-postgres.enabled=false", "--skyx.kafka.embedded.enabled=false",
                "--skyx.node.enabled=false", "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--skyx.stream.window=3");
    }

    private static int port(ConfigurableApplicationContext app) {
        return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @Test
    void everyChannelResumesWithExactlyTheMissedMessagesAcrossARestart() throws Exception {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        Map<String, long[]> at;
        Map<String, List<JsonNode>> missed = new java.util.HashMap<>();
        long lastBefore;
        TestBrowser alice;
        TestBrowser bob;
        try (ConfigurableApplicationContext app = start(db)) {
            String base = "http://localhost:" + port(app);
            alice = new TestBrowser(base).signUp();
            bob = new TestBrowser(base).signUp();
            alice.post("/api/v1/test-funds", null);
            bob.post("/api/v1/test-funds", null);
            Recorder early = new Recorder(port(app), alice.cookieHeader());
            try (Recorder ref = new Recorder(port(app), alice.cookieHeader())) {
                ref.subscribeAll(null);
                early.subscribeAll(null);
                ref.sync();
                // the private snapshots come after the pong: both clients hold theirs before the first round
                for (Recorder r : List.of(ref, early)) {
                    r.syncUntil("orders", 0);
                    r.syncUntil("balances", 0);
                }
                early.syncAll(StreamResumeIT.round(alice, bob, 0));
                at = early.positions();
                early.close();
                lastBefore = 0;
                for (int i = 1; i < 7; i++) {
                    lastBefore = StreamResumeIT.round(alice, bob, i);
                }
                ref.syncAll(lastBefore);
                for (String ch : Recorder.CHANNELS) {
                    missed.put(ch, ref.after(ch, at.get(ch)));
                }
            }
        }
        try (ConfigurableApplicationContext app = start(db)) {
            String base = "http://localhost:" + port(app);
            TestBrowser alice2 = new TestBrowser(base).logIn(alice);
            TestBrowser bob2 = new TestBrowser(base).logIn(bob);
            try (Recorder ref = new Recorder(port(app), alice2.cookieHeader());
                 Recorder resumed = new Recorder(port(app), alice2.cookieHeader())) {
                ref.subscribeAll(null);
                ref.syncUntil("orders", 0);
                ref.syncUntil("balances", 0);
                resumed.subscribeAll(at);
                resumed.sync();
                long last = StreamResumeIT.round(alice2, bob2, 7);
                ref.syncAll(last);
                resumed.syncAll(last);
                for (String ch : List.of("trades", "candles", "orders", "balances")) {
                    List<JsonNode> expected = new ArrayList<>(missed.get(ch));
                    assertThat(expected).as(ch + " missed before the restart").isNotEmpty();
                    long before = lastBefore;
                    List<JsonNode> live = ref.on(ch).stream()
                            .filter(m -> !"snapshot".equals(m.path("type").asString())).toList();
                    assertThat(live).as(ch + " after the restart").isNotEmpty()
                            .allMatch(m -> m.path("seq").asLong() > before);
                    expected.addAll(live);
                    assertThat(resumed.on(ch)).as(ch).containsExactlyElementsOf(expected);
                }
                JsonNode snap = resumed.on("book").getFirst();
                assertThat(snap.path("type").asString()).isEqualTo("snapshot");
                assertThat(snap.path("seq").asLong()).isGreaterThanOrEqualTo(lastBefore);
                assertThat(resumed.on("book").subList(1, resumed.on("book").size()))
                        .isNotEmpty().allMatch(m -> "delta".equals(m.path("type").asString())
                                && m.path("seq").asLong() > snap.path("seq").asLong());
                JsonNode rest = TestBrowser.json(alice2.get("/api/v1/markets/SKY-BTC/orderbook?limit=1000").body());
                java.util.TreeMap<String, String> asks = StreamResumeIT.levels(snap.path("asks"));
                java.util.TreeMap<String, String> bids = StreamResumeIT.levels(snap.path("bids"));
                for (JsonNode d : resumed.on("book").subList(1, resumed.on("book").size())) {
                    StreamResumeIT.apply(asks, d.path("asks"));
                    StreamResumeIT.apply(bids, d.path("bids"));
                }
                assertThat(asks).isEqualTo(StreamResumeIT.levels(rest.path("asks")));
                assertThat(bids).isEqualTo(StreamResumeIT.levels(rest.path("bids")));
            }
        }
    }
}
