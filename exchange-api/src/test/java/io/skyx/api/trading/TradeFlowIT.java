package io.skyx.api.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The first trade end to end over HTTP against a real PostgreSQL: two users sign up, take faucet funds, place
 * crossing orders, trade; balances, orders, trades and the ledger are exact to the satoshi and droplet. It has
 * a context (and so a database and a book) of its own, so that no other test's resting orders can match.
 */
@TestPropertySource(properties = "skyx.test.isolated-book=trade-flow")
class TradeFlowIT extends IntegrationTestBase {

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

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoUsersTradeAndBalancesAndLedgerAreExact() throws Exception {
        TestBrowser alice = browser();
        TestBrowser bob = browser();
        for (TestBrowser b : new TestBrowser[] {alice, bob}) {
            HttpResponse<String> f = b.post("/api/v1/test-funds", null);
            assertThat(f.statusCode()).as(f.body()).isEqualTo(200);
            assertThat(TestBrowser.json(f.body()).path("SKY").path("free").asString()).isEqualTo("1000");
            assertThat(TestBrowser.json(f.body()).path("BTC").path("free").asString()).isEqualTo("0.01");
        }

        // alice sells 120 SKY at 0.00000050 BTC, then bob buys 100 SKY at 0.00000051 (crosses at the maker's 50 sat)
        HttpResponse<String> sell = alice.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"sell\","
                + "\"type\":\"limit\",\"price\":\"0.0000005\",\"amount\":\"120\",\"clientOrderId\":\"a-1\"}");
        assertThat(sell.statusCode()).as(sell.body()).isEqualTo(201);
        JsonNode sellOrder = TestBrowser.json(sell.body());
        assertThat(sellOrder.path("status").asString()).isEqualTo("open");
        assertThat(sellOrder.path("price").asString()).isEqualTo("0.0000005");

        HttpResponse<String> buy = bob.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"buy\","
                + "\"type\":\"limit\",\"price\":\"0.00000051\",\"amount\":\"100\"}");
        assertThat(buy.statusCode()).as(buy.body()).isEqualTo(201);
        JsonNode buyOrder = TestBrowser.json(buy.body());
        assertThat(buyOrder.path("status").asString()).isEqualTo("closed");
        assertThat(buyOrder.path("filled").asString()).isEqualTo("100");
        assertThat(buyOrder.path("cost").asString()).isEqualTo("0.00005");

        // notional 100 x 50 sat = 5000 sat; maker fee 0.1 % = 5 sat, taker fee 0.2 % = 10 sat
        JsonNode ab = TestBrowser.json(alice.get("/api/v1/balances").body());
        assertThat(ab.path("SKY").path("free").asString()).isEqualTo("880");
        assertThat(ab.path("SKY").path("used").asString()).isEqualTo("20");
        assertThat(ab.path("SKY").path("total").asString()).isEqualTo("900");
        assertThat(ab.path("BTC").path("total").asString()).isEqualTo("0.01004995");
        JsonNode bb = TestBrowser.json(bob.get("/api/v1/balances").body());
        assertThat(bb.path("SKY").path("total").asString()).isEqualTo("1100");
        assertThat(bb.path("BTC").path("free").asString()).isEqualTo("0.0099499");
        assertThat(bb.path("BTC").path("used").asString()).isEqualTo("0");

        JsonNode aliceOrder = TestBrowser.json(alice.get("/api/v1/orders/" + sellOrder.path("id").asString()).body());
        assertThat(aliceOrder.path("filled").asString()).isEqualTo("100");
        assertThat(aliceOrder.path("remaining").asString()).isEqualTo("20");

        JsonNode myTrades = TestBrowser.json(bob.get("/api/v1/my-trades?market=SKY-BTC").body());
        assertThat(myTrades.size()).isEqualTo(1);
        assertThat(myTrades.get(0).path("role").asString()).isEqualTo("taker");
        assertThat(myTrades.get(0).path("fee").asString()).isEqualTo("0.0000001");
        assertThat(myTrades.get(0).path("price").asString()).isEqualTo("0.0000005");

        JsonNode trades = TestBrowser.json(alice.get("/api/v1/markets/SKY-BTC/trades").body());
        assertThat(trades.get(0).path("amount").asString()).isEqualTo("100");
        assertThat(trades.get(0).path("side").asString()).isEqualTo("buy");

        JsonNode book = TestBrowser.json(alice.get("/api/v1/markets/SKY-BTC/orderbook").body());
        assertThat(book.path("asks").get(0).get(0).asString()).isEqualTo("0.0000005");
        assertThat(book.path("asks").get(0).get(1).asString()).isEqualTo("20");

        // the ledger: bob's BTC entries add up to his balance; every asset's entries sum to zero overall
        JsonNode ledger = TestBrowser.json(bob.get("/api/v1/ledger?asset=BTC").body());
        assertThat(ledger.get(0).path("type").asString()).isEqualTo("trade");
        assertThat(ledger.get(0).path("amount").asString()).isEqualTo("-0.0000501");
        assertThat(ledger.get(0).path("balance").asString()).isEqualTo("0.0099499");
        assertThat(ledger.get(1).path("type").asString()).isEqualTo("deposit");
        for (String asset : new String[] {"SKY", "BTC"}) {
            assertThat(jdbc.queryForObject("select sum(amount) from ledger_entries where asset = ?", Long.class,
                    asset)).as(asset).isZero();
        }
        assertThat(jdbc.queryForObject("select sum(amount) from ledger_entries where account = 'fees' "
                + "and asset = 'BTC' and seq >= ?", Long.class, Long.parseLong(sellOrder.path("id").asString())))
                .isEqualTo(15L);
    }

    @Test
    void aRepeatedClientOrderIdReturnsTheOriginalOrder() throws Exception {
        TestBrowser u = browser();
        u.post("/api/v1/test-funds", null);
        String body = "{\"market\":\"SKY-BTC\",\"side\":\"sell\",\"type\":\"limit\",\"price\":\"0.001\","
                + "\"amount\":\"5\",\"clientOrderId\":\"once\"}";
        HttpResponse<String> first = u.post("/api/v1/orders", body);
        HttpResponse<String> again = u.post("/api/v1/orders", body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(TestBrowser.json(again.body()).path("id").asString())
                .isEqualTo(TestBrowser.json(first.body()).path("id").asString());
        assertThat(TestBrowser.json(u.get("/api/v1/balances").body()).path("SKY").path("used").asString())
                .isEqualTo("5");
    }

    @Test
    void aUserCannotSeeOrCancelAnotherUsersOrders() throws Exception {
        TestBrowser alice = browser();
        TestBrowser bob = browser();
        alice.post("/api/v1/test-funds", null);
        String id = TestBrowser.json(alice.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"sell\","
                + "\"type\":\"limit\",\"price\":\"0.002\",\"amount\":\"4\"}").body()).path("id").asString();
        assertThat(bob.get("/api/v1/orders/" + id).statusCode()).isEqualTo(404);
        assertThat(bob.send("DELETE", "/api/v1/orders/" + id, null).statusCode()).isEqualTo(404);
        assertThat(bob.send("DELETE", "/api/v1/orders?market=SKY-BTC", null).body()).isEqualTo("[]");
        assertThat(TestBrowser.json(bob.get("/api/v1/orders").body()).size()).isZero();
        assertThat(TestBrowser.json(bob.get("/api/v1/ledger").body()).size()).isZero();
        assertThat(TestBrowser.json(alice.get("/api/v1/orders/" + id).body()).path("status").asString())
                .isEqualTo("open");
        assertThat(new TestBrowser(url("")).get("/api/v1/orders/" + id).statusCode()).isEqualTo(401);
    }

    @Test
    void cancelAndCancelAllReleaseTheLock() throws Exception {
        TestBrowser u = browser();
        u.post("/api/v1/test-funds", null);
        String id = TestBrowser.json(u.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"buy\","
                + "\"type\":\"limit\",\"price\":\"0.00000001\",\"amount\":\"10\"}").body()).path("id").asString();
        u.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"price\":\"0.00000002\",\"amount\":\"10\"}");
        HttpResponse<String> c = u.send("DELETE", "/api/v1/orders/" + id, null);
        assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
        assertThat(TestBrowser.json(c.body()).path("status").asString()).isEqualTo("canceled");
        HttpResponse<String> all = u.send("DELETE", "/api/v1/orders?market=SKY-BTC", null);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(TestBrowser.json(all.body()).size()).isEqualTo(1);
        JsonNode bal = TestBrowser.json(u.get("/api/v1/balances").body());
        assertThat(bal.path("BTC").path("used").asString()).isEqualTo("0");
        assertThat(bal.path("BTC").path("free").asString()).isEqualTo("0.01");
        assertThat(TestBrowser.json(u.get("/api/v1/orders?status=open").body()).size()).isZero();
    }
}
