package io.skyx.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GET /candles folds the stored 1-minute candles into 5m ... 1d buckets aligned to UTC: open of the first minute,
 * close of the last, extreme high and low, summed volume. The minutes are written straight into the projection
 * table on a day in 2001, far from the trades other tests make, and only that day is compared.
 */
class CandleTimeframesIT extends IntegrationTestBase {

    /** 2001-09-09 00:00 UTC: a whole number of days since the epoch. */
    private static final long DAY = 999_993_600L;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MarketCatalog catalog;

    @BeforeEach
    void minutes() {
        // open_time, open, high, low, close, volume (ticks and lots)
        long[][] rows = {{DAY, 100, 120, 90, 110, 1}, {DAY + 60, 110, 150, 105, 140, 2},
            {DAY + 240, 140, 141, 80, 85, 3}, {DAY + 300, 85, 90, 85, 88, 4}};
        for (long[] r : rows) {
            jdbc.update("insert into candles (market, timeframe, open_time, open, high, low, close, volume, "
                    + "quote_volume) values ('SKY-BTC', '1m', ?, ?, ?, ?, ?, ?, 0) on conflict do nothing",
                    r[0], r[1], r[2], r[3], r[4], r[5]);
        }
    }

    @Test
    void foldsMinutesIntoLongerTimeframes() throws Exception {
        Market m = catalog.market("SKY-BTC", "market");
        assertThat(day("1m")).containsExactly(candle(m, DAY, 100, 120, 90, 110, 1),
                candle(m, DAY + 60, 110, 150, 105, 140, 2), candle(m, DAY + 240, 140, 141, 80, 85, 3),
                candle(m, DAY + 300, 85, 90, 85, 88, 4));
        assertThat(day("5m")).containsExactly(candle(m, DAY, 100, 150, 80, 85, 6),
                candle(m, DAY + 300, 85, 90, 85, 88, 4));
        for (String tf : List.of("15m", "1h", "4h", "1d")) {
            assertThat(day(tf)).as(tf).containsExactly(candle(m, DAY, 100, 150, 80, 88, 10));
        }
    }

    @Test
    void tickerHasEveryFieldEvenWhenNull() throws Exception {
        JsonNode t = TestBrowser.json(new TestBrowser(url("")).get("/api/v1/markets/SKY-BTC/ticker").body());
        for (String field : List.of("market", "last", "bid", "ask", "high", "low", "baseVolume", "quoteVolume",
                "timestamp")) {
            assertThat(t.has(field)).as(field).isTrue();
        }
    }

    private List<String> day(String timeframe) throws Exception {
        HttpResponse<String> res = new TestBrowser(url(""))
                .get("/api/v1/markets/SKY-BTC/candles?timeframe=" + timeframe + "&limit=1000");
        assertThat(res.statusCode()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode c : TestBrowser.json(res.body())) {
            long time = c.path("time").asLong();
            if (time >= DAY && time < DAY + 86_400) {
                out.add(time + " " + c.path("open").asString() + " " + c.path("high").asString() + " "
                        + c.path("low").asString() + " " + c.path("close").asString() + " "
                        + c.path("volume").asString());
            }
        }
        return out;
    }

    private static String candle(Market m, long time, long open, long high, long low, long close, long volume) {
        return time + " " + m.formatPrice(open) + " " + m.formatPrice(high) + " " + m.formatPrice(low) + " "
                + m.formatPrice(close) + " " + m.formatSize(volume);
    }
}
