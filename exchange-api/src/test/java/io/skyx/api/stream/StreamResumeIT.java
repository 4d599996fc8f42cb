package io.skyx.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Resume with "since" on every channel (from the in-memory window), REST snapshot + deltas = the final book,
 * bad "since" refused without a change, a repeated subscribe resends nothing. Seed: {@code -Dskyx.seed=N}.
 */
class StreamResumeIT extends IntegrationTestBase {

    private final List<TestBrowser> browsers = new ArrayList<>();

    private TestBrowser funded() throws Exception {
        TestBrowser b = new TestBrowser(url("")).signUp();
        browsers.add(b);
        assertThat(b.post("/api/v1/test-funds", null).statusCode()).isEqualTo(200);
        return b;
    }

    @AfterEach
    void cancelWhatRests() throws Exception {
        for (TestBrowser b : browsers) {
            b.send("DELETE", "/api/v1/orders?market=SKY-BTC", null);
        }
    }

    static long order(TestBrowser b, String side, String price, String amount) throws Exception {
        HttpResponse<String> r = b.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"" + side
                + "\",\"type\":\"limit\",\"price\":\"" + price + "\",\"amount\":\"" + amount + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestBrowser.json(r.body()).path("id").asLong();
    }

    /** One round: alice rests a sell, bob takes part of it (trade, candle, orders, balances, book). */
    static long round(TestBrowser alice, TestBrowser bob, int i) throws Exception {
        String price = "0.0000" + (1100 + i % 50);
        order(alice, "sell", price, "3");
        return order(bob, "buy", price, "1");
    }

    @Test
    void aClientThatMissedKMessagesResumesOnEveryChannelWithExactlyTheMissedOnes() throws Exception {
        TestBrowser alice = funded();
        TestBrowser bob = funded();
        Recorder early = new Recorder(port, alice.cookieHeader());
        try (Recorder ref = new Recorder(port, alice.cookieHeader())) {
            ref.subscribeAll(null);
            early.subscribeAll(null);
            ref.sync();
            early.sync();
            // the private snapshots come from a reader thread, after the pong: both must be taken before the
            // rounds, or the reference's snapshot can be later than the early client's last message
            for (Recorder rec : List.of(ref, early)) {
                rec.syncUntil("orders", 0);
                rec.syncUntil("balances", 0);
            }
            long r = 0;
            for (int i = 0; i < 2; i++) {
                r = round(alice, bob, i);
            }
            early.syncAll(r);
            Map<String, long[]> at = early.positions();
            early.close();
            for (int i = 2; i < 7; i++) {
                round(alice, bob, i);
            }
            try (Recorder resumed = new Recorder(port, alice.cookieHeader())) {
                resumed.subscribeAll(at);
                resumed.sync();
                long last = round(alice, bob, 7);
                ref.syncAll(last);
                resumed.syncAll(last);
                for (String ch : Recorder.CHANNELS) {
                    List<JsonNode> missed = ref.after(ch, at.get(ch));
                    assertThat(missed).as(ch + ": messages after the disconnect").isNotEmpty();
                    assertThat(resumed.on(ch)).as(ch + ": exactly the missed messages, then live ones")
                            .containsExactlyElementsOf(missed);
                }
            }
        }
    }

    @Test
    void restBookSnapshotPlusStreamDeltasEqualsTheFinalBook() throws Exception {
        long seed = Long.getLong("skyx.seed", System.nanoTime());
        System.out.println("StreamResumeIT seed: " + seed + " (rerun with -Dskyx.seed=" + seed + ")");
        Random rnd = new Random(seed);
        TestBrowser alice = funded();
        TestBrowser bob = funded();
        order(alice, "sell", "0.00002000", "2");
        JsonNode rest = TestBrowser.json(alice.get("/api/v1/markets/SKY-BTC/orderbook?limit=1000").body());
        long s = rest.path("seq").asLong();
        assertThat(rest.path("sequence").asLong()).isEqualTo(s);
        try (Recorder ws = new Recorder(port, null)) {
            ws.send("{\"op\":\"subscribe\",\"channel\":\"book\",\"market\":\"SKY-BTC\",\"since\":" + s + "}");
            long last = 0;
            for (int i = 0; i < 30; i++) {
                TestBrowser who = rnd.nextBoolean() ? alice : bob;
                String side = rnd.nextBoolean() ? "buy" : "sell";
                long ticks = side.equals("buy") ? 900 + rnd.nextInt(150) : 1000 + rnd.nextInt(150);
                last = order(who, side, String.format("0.0000%04d", ticks), Integer.toString(1 + rnd.nextInt(4)));
            }
            JsonNode end = TestBrowser.json(alice.get("/api/v1/markets/SKY-BTC/orderbook?limit=1000").body());
            assertThat(end.path("seq").asLong()).isGreaterThanOrEqualTo(last);
            List<JsonNode> book = ws.syncUntil("book", last);
            TreeMap<String, String> bids = levels(rest.path("bids"));
            TreeMap<String, String> asks = levels(rest.path("asks"));
            long prev = s;
            for (JsonNode m : book) {
                assertThat(m.path("type").asString()).isEqualTo("delta");
                assertThat(m.path("seq").asLong()).isGreaterThan(prev);
                prev = m.path("seq").asLong();
                apply(bids, m.path("bids"));
                apply(asks, m.path("asks"));
            }
            assertThat(bids).isEqualTo(levels(end.path("bids")));
            assertThat(asks).isEqualTo(levels(end.path("asks")));
        }
    }

    @Test
    void restOpenOrdersAndBalancesJoinThePrivateStreamsAtTheirSeq() throws Exception {
        TestBrowser alice = funded();
        HttpResponse<String> orders = alice.get("/api/v1/orders?status=open&market=SKY-BTC");
        HttpResponse<String> balances = alice.get("/api/v1/balances");
        long os = Long.parseLong(orders.headers().firstValue("X-Skyx-Seq").orElseThrow());
        long bs = Long.parseLong(balances.headers().firstValue("X-Skyx-Seq").orElseThrow());
        assertThat(os).isPositive();
        long placed = order(alice, "buy", "0.00000500", "4");
        try (Recorder ws = new Recorder(port, alice.cookieHeader())) {
            ws.send("{\"op\":\"subscribe\",\"channel\":\"orders\",\"since\":" + os + "}");
            ws.send("{\"op\":\"subscribe\",\"channel\":\"balances\",\"since\":" + bs + "}");
            ws.syncUntil("balances", placed);
            JsonNode o = ws.on("orders").getFirst();
            assertThat(o.path("type").asString()).isEqualTo("order");
            assertThat(o.path("orderType").asString()).isEqualTo("limit");
            assertThat(o.path("seq").asLong()).isEqualTo(placed);
            assertThat(o.path("id").asString()).isEqualTo(Long.toString(placed));
            JsonNode b = ws.on("balances").getLast();
            assertThat(b.path("asset").asString()).isEqualTo("BTC");
            assertThat(b.path("used").asString()).isEqualTo(TestBrowser.json(alice.get("/api/v1/balances").body())
                    .path("BTC").path("used").asString());
        }
    }

    @Test
    void badSinceIsRefusedAndChangesNoSubscription() throws Exception {
        TestBrowser alice = funded();
        try (Recorder ws = new Recorder(port, alice.cookieHeader())) {
            for (String bad : List.of("99999999999999999999999", "-1", "\"5\"", "1.5", "true")) {
                ws.send("{\"op\":\"subscribe\",\"channel\":\"book\",\"market\":\"SKY-BTC\",\"since\":" + bad + "}");
                ws.send("{\"op\":\"subscribe\",\"channel\":\"orders\",\"since\":" + bad + "}");
            }
            ws.send("{\"op\":\"subscribe\",\"channel\":\"trades\",\"market\":\"SKY-BTC\",\"since\":1,\"idx\":-2}");
            order(alice, "buy", "0.00000600", "1");
            List<JsonNode> got = ws.sync();
            assertThat(got).hasSize(11).allMatch(m -> "error".equals(m.path("type").asString())
                    && "BAD_REQUEST".equals(m.path("code").asString()));
            ws.send("{\"op\":\"subscribe\",\"channel\":\"book\",\"market\":\"SKY-BTC\"}");
            ws.send("{\"op\":\"subscribe\",\"channel\":\"book\",\"market\":\"SKY-BTC\"}");
            ws.send("{\"op\":\"subscribe\",\"channel\":\"orders\"}");
            ws.send("{\"op\":\"subscribe\",\"channel\":\"orders\"}");
            ws.syncUntil("orders", 0);
            ws.sync();
            assertThat(ws.on("book")).as("one snapshot: the subscription was not half-made, the repeat resent nothing")
                    .hasSize(1).allMatch(m -> "snapshot".equals(m.path("type").asString()));
            assertThat(ws.on("orders")).hasSize(1).allMatch(m -> "snapshot".equals(m.path("type").asString())
                    && m.path("orders").size() == 1);
        }
    }

    static TreeMap<String, String> levels(JsonNode side) {
        TreeMap<String, String> out = new TreeMap<>();
        side.forEach(l -> out.put(l.get(0).asString(), l.get(1).asString()));
        return out;
    }

    static void apply(TreeMap<String, String> side, JsonNode changes) {
        changes.forEach(l -> {
            if ("0".equals(l.get(1).asString())) {
                side.remove(l.get(0).asString());
            } else {
                side.put(l.get(0).asString(), l.get(1).asString());
            }
        });
    }
}
