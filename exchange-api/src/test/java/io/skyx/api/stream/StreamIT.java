package io.skyx.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.api.testing.TestSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The WebSocket streams against the running app: book snapshot, deltas and resume; private channels. */
class StreamIT extends IntegrationTestBase {

    private final List<TestBrowser> browsers = new ArrayList<>();

    private TestBrowser browser() throws Exception {
        TestBrowser b = new TestBrowser(url("")).signUp();
        browsers.add(b);
        return b;
    }

    /** Leaves no resting order behind: other IT classes share this app and its book. */
    @AfterEach
    void cancelWhatRests() throws Exception {
        for (TestBrowser b : browsers) {
            b.send("DELETE", "/api/v1/orders?market=SKY-BTC", null);
        }
    }

    private static final String SUB_BOOK = "{\"op\":\"subscribe\",\"channel\":\"book\",\"market\":\"SKY-BTC\"}";

    @Test
    void bookSnapshotThenDeltasAndResumeSinceN() throws Exception {
        TestBrowser trader = browser();
        trader.post("/api/v1/test-funds", null);
        try (TestSocket ws = new TestSocket(port, null)) {
            ws.send(SUB_BOOK);
            JsonNode snap = ws.await(m -> "snapshot".equals(m.path("type").asString()));
            long s = snap.path("seq").asLong();

            long id = TestBrowser.json(trader.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"sell\","
                    + "\"type\":\"limit\",\"price\":\"0.00300001\",\"amount\":\"3\"}").body()).path("id").asLong();
            JsonNode delta = ws.await(m -> "delta".equals(m.path("type").asString()));
            assertThat(delta.path("seq").asLong()).as("the journal seq of the order's command").isEqualTo(id);
            assertThat(delta.path("asks").get(0).get(0).asString()).isEqualTo("0.00300001");
            assertThat(delta.path("asks").get(0).get(1).asString()).isEqualTo("3");

            try (TestSocket resumed = new TestSocket(port, null)) {
                resumed.send("{\"op\":\"subscribe\",\"channel\":\"book\",\"market\":\"SKY-BTC\",\"since\":" + s + "}");
                JsonNode first = resumed.await(m -> "book".equals(m.path("channel").asString()));
                assertThat(first.path("type").asString()).isEqualTo("delta");
                assertThat(first.path("seq").asLong()).isEqualTo(id);
            }
        }
    }

    @Test
    void privateChannelsCarryOnlyTheSessionUsersOwnOrdersAndBalances() throws Exception {
        TestBrowser alice = browser();
        TestBrowser bob = browser();
        alice.post("/api/v1/test-funds", null);
        bob.post("/api/v1/test-funds", null);
        try (TestSocket a = new TestSocket(port, alice.cookieHeader());
             TestSocket b = new TestSocket(port, bob.cookieHeader())) {
            for (TestSocket s : new TestSocket[] {a, b}) {
                s.send("{\"op\":\"subscribe\",\"channel\":\"orders\"}");
                s.send("{\"op\":\"subscribe\",\"channel\":\"balances\"}");
                // the snapshots are read off the hub's thread: wait for them, else one read after the order
                // below already holds its effect and no delta follows
                for (String channel : new String[] {"orders", "balances"}) {
                    s.await(m -> channel.equals(m.path("channel").asString())
                            && "snapshot".equals(m.path("type").asString()));
                }
            }
            String aliceOrder = TestBrowser.json(alice.post("/api/v1/orders", "{\"market\":\"SKY-BTC\","
                    + "\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000003\",\"amount\":\"7\"}").body())
                    .path("id").asString();
            JsonNode order = a.await(m -> "orders".equals(m.path("channel").asString())
                    && "order".equals(m.path("type").asString()));
            assertThat(order.path("id").asString()).isEqualTo(aliceOrder);
            assertThat(order.path("orderType").asString()).isEqualTo("limit");
            assertThat(order.path("seq").asLong()).as("the journal seq: the order's id").isEqualTo(Long.parseLong(aliceOrder));
            JsonNode bal = a.await(m -> "balances".equals(m.path("channel").asString())
                    && "balance".equals(m.path("type").asString()));
            assertThat(bal.path("asset").asString()).isEqualTo("BTC");
            assertThat(bal.path("used").asString()).isEqualTo("0.00000022");

            String bobOrder = TestBrowser.json(bob.post("/api/v1/orders", "{\"market\":\"SKY-BTC\","
                    + "\"side\":\"buy\",\"type\":\"limit\",\"price\":\"0.00000002\",\"amount\":\"1\"}").body())
                    .path("id").asString();
            JsonNode bobsFirst = b.await(m -> "orders".equals(m.path("channel").asString())
                    && "order".equals(m.path("type").asString()));
            assertThat(bobsFirst.path("id").asString()).isEqualTo(bobOrder);
            assertThat(b.inbox()).noneMatch(m -> aliceOrder.equals(m.path("id").asString()));
        }
    }

    @Test
    void privateChannelsRefuseAnAnonymousConnection() throws Exception {
        try (TestSocket ws = new TestSocket(port, null)) {
            ws.send("{\"op\":\"subscribe\",\"channel\":\"balances\"}");
            JsonNode err = ws.await(m -> "error".equals(m.path("type").asString()));
            assertThat(err.path("code").asString()).isEqualTo("UNAUTHENTICATED");
            ws.send("not json");
            assertThat(ws.await(m -> "error".equals(m.path("type").asString())).path("code").asString())
                    .isEqualTo("MALFORMED_JSON");
        }
    }
}
