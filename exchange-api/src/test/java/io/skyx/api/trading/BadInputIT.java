package io.skyx.api.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets a 4xx in the one error shape and changes nothing: the journal's sequence number and the
 * user's balances are the same before and after.
 */
class BadInputIT extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private TestBrowser user;

    @BeforeEach
    void fundedUser() throws Exception {
        user = new TestBrowser(url("")).signUp();
        assertThat(user.post("/api/v1/test-funds", null).statusCode()).isEqualTo(200);
    }

    private long journalSeq() {
        Long s = jdbc.queryForObject("select coalesce(max(seq), 0) from journal", Long.class);
        return s == null ? 0 : s;
    }

    private void assertRefused(HttpResponse<String> r, int status, String code, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode err = TestBrowser.json(r.body()).path("error");
        assertThat(err.path("code").asString()).as(r.body()).isEqualTo(code);
        assertThat(err.path("message").asString()).isNotBlank();
        if (field != null) {
            assertThat(err.path("field").asString()).isEqualTo(field);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            malformed JSON         | {"market":"SKY-BTC",                                                            | 400 | MALFORMED_JSON |
            not an object          | [1,2,3]                                                                          | 400 | MALFORMED_JSON |
            empty object           | {}                                                                               | 400 | MISSING_FIELD  | market
            missing price          | {"market":"SKY-BTC","side":"buy","type":"limit","amount":"1"}                    | 400 | MISSING_FIELD  | price
            missing amount         | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001"}            | 400 | MISSING_FIELD  | amount
            negative amount        | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"-1"} | 400 | INVALID_AMOUNT | amount
            zero amount            | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"0"}  | 400 | INVALID_AMOUNT | amount
            overflowing amount     | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"99999999999999999999"} | 400 | INVALID_AMOUNT | amount
            too large in lots      | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"9000000000000"} | 400 | INVALID_AMOUNT | amount
            over-precise amount    | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"1.0000001"} | 400 | INVALID_AMOUNT | amount
            not a lot multiple     | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"1.5"} | 400 | INVALID_AMOUNT | amount
            exponent amount        | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"1e3"} | 400 | INVALID_AMOUNT | amount
            over-precise price     | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.000000001","amount":"1"} | 400 | INVALID_PRICE  | price
            negative price         | {"market":"SKY-BTC","side":"buy","type":"limit","price":"-0.00000001","amount":"1"} | 400 | INVALID_PRICE  | price
            zero price             | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0","amount":"1"}        | 400 | INVALID_PRICE  | price
            unknown market         | {"market":"DOGE-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"1"} | 404 | UNKNOWN_MARKET | market
            bad side               | {"market":"SKY-BTC","side":"long","type":"limit","price":"0.00000001","amount":"1"} | 400 | BAD_REQUEST    | side
            bad time in force      | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"1","timeInForce":"GTX"} | 400 | BAD_REQUEST | timeInForce
            bad client order id    | {"market":"SKY-BTC","side":"buy","type":"limit","price":"0.00000001","amount":"1","clientOrderId":"a b"} | 400 | BAD_REQUEST | clientOrderId
            market buy with amount | {"market":"SKY-BTC","side":"buy","type":"market","amount":"1"}                   | 400 | BAD_REQUEST    | amount
            """)
    void badOrdersAreRefusedAndChangeNothing(String name, String body, int status, String code, String field)
            throws Exception {
        long seq = journalSeq();
        String balances = user.get("/api/v1/balances").body();
        assertRefused(user.post("/api/v1/orders", body), status, code, field);
        assertThat(journalSeq()).as("journal sequence").isEqualTo(seq);
        assertThat(user.get("/api/v1/balances").body()).isEqualTo(balances);
        assertThat(TestBrowser.json(user.get("/api/v1/orders").body()).size()).isZero();
    }

    @Test
    void oversizeBodiesAreRefusedWith413() throws Exception {
        long seq = journalSeq();
        String big = "{\"market\":\"SKY-BTC\",\"pad\":\"" + "x".repeat(20_000) + "\"}";
        assertRefused(user.post("/api/v1/orders", big), 413, "PAYLOAD_TOO_LARGE", null);
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = user.sendBody("POST", "/api/v1/orders",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertRefused(chunked, 413, "PAYLOAD_TOO_LARGE", null);
        assertThat(journalSeq()).isEqualTo(seq);
    }

    @Test
    void anOrderBeyondTheBalanceIsRefusedAndMovesNoMoney() throws Exception {
        String balances = user.get("/api/v1/balances").body();
        HttpResponse<String> r = user.post("/api/v1/orders", "{\"market\":\"SKY-BTC\",\"side\":\"buy\","
                + "\"type\":\"limit\",\"price\":\"1\",\"amount\":\"1000\"}");
        assertRefused(r, 422, "INSUFFICIENT_FUNDS", "amount");
        assertThat(user.get("/api/v1/balances").body()).isEqualTo(balances);
    }

    @Test
    void unknownOrdersMarketsAndBadParametersGetTheErrorShape() throws Exception {
        assertRefused(user.send("DELETE", "/api/v1/orders/123456789", null), 404, "UNKNOWN_ORDER", "id");
        assertRefused(user.send("DELETE", "/api/v1/orders/abc", null), 404, "UNKNOWN_ORDER", "id");
        assertRefused(user.get("/api/v1/orders/-1"), 404, "UNKNOWN_ORDER", "id");
        assertRefused(user.get("/api/v1/markets/NOPE-BTC/orderbook"), 404, "UNKNOWN_MARKET", "market");
        assertRefused(user.get("/api/v1/markets/SKY-BTC/trades?limit=0"), 400, "BAD_REQUEST", "limit");
        assertRefused(user.get("/api/v1/markets/SKY-BTC/trades?limit=x"), 400, "BAD_REQUEST", "limit");
        assertRefused(user.get("/api/v1/markets/SKY-BTC/candles?timeframe=7m"), 400, "BAD_REQUEST", "timeframe");
        assertRefused(user.get("/api/v1/ledger?asset=DOGE"), 400, "BAD_REQUEST", "asset");
        assertRefused(user.send("DELETE", "/api/v1/orders", null), 400, "MISSING_FIELD", "market");
        assertRefused(user.get("/api/v1/orders?status=maybe"), 400, "BAD_REQUEST", "status");
        assertRefused(user.get("/api/v1/no-such-thing"), 404, "NOT_FOUND", null);
    }
}
