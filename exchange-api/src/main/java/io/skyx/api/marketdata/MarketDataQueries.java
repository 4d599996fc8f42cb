package io.skyx.api.marketdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.skyx.api.market.Market;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Public market data read from the projections: the facade of the market-data feature. */
@Service
public class MarketDataQueries {

    /** A public trade (fetchTrades). */
    public record TradeJson(String id, String price, String amount, String side, Instant timestamp) {
    }

    /** An OHLCV candle (fetchOHLCV); time in epoch seconds. */
    public record CandleJson(long time, String open, String high, String low, String close, String volume) {
    }

    /** 24-hour statistics (fetchTicker); every field is present, null before the first trade. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TickerJson(String market, String last, String bid, String ask, String high, String low,
                             String baseVolume, String quoteVolume, Instant timestamp) {
    }

    /** The candle timeframes served and their length in seconds. */
    public static final Map<String, Long> TIMEFRAMES = Map.of("1m", 60L, "5m", 300L, "15m", 900L, "1h", 3_600L,
            "4h", 14_400L, "1d", 86_400L);

    private final JdbcTemplate jdbc;

    MarketDataQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest trades, newest first. */
    public List<TradeJson> trades(Market m, int limit) {
        return jdbc.query("select id, price, amount, taker_side, created_at from trades where market = ? "
                + "order by id desc limit ?", (rs, i) -> new TradeJson(Long.toString(rs.getLong(1)),
                m.formatPrice(rs.getLong(2)), m.formatSize(rs.getLong(3)), rs.getString(4),
                rs.getTimestamp(5).toInstant()), m.id(), limit);
    }

    /**
     * The newest candles of one of {@link #TIMEFRAMES}, oldest first, aligned to the epoch (UTC): folded from the
     * stored 1-minute rows, so every timeframe agrees with the trades.
     */
    public List<CandleJson> candles(Market m, String timeframe, int limit) {
        Long seconds = TIMEFRAMES.get(timeframe);
        if (seconds == null) {
            throw new IllegalArgumentException("unknown timeframe " + timeframe);
        }
        List<CandleJson> c = jdbc.query("select open_time / ? * ? as bucket, (array_agg(open order by open_time))[1], "
                + "max(high), min(low), (array_agg(close order by open_time desc))[1], sum(volume) from candles "
                + "where market = ? and timeframe = ? group by bucket order by bucket desc limit ?",
                (rs, i) -> new CandleJson(rs.getLong(1), m.formatPrice(rs.getLong(2)), m.formatPrice(rs.getLong(3)),
                        m.formatPrice(rs.getLong(4)), m.formatPrice(rs.getLong(5)), m.formatSize(rs.getLong(6))),
                seconds, seconds, m.id(), TradesProjection.TIMEFRAME, limit);
        return c.reversed();
    }

    /** Last price and 24-hour high, low and volumes as of {@code now}; bid/ask are given by the caller. */
    public TickerJson ticker(Market m, String bid, String ask, Instant now) {
        Instant since = now.minusSeconds(86_400);
        return jdbc.query("select (select price from trades where market = ? order by id desc limit 1), "
                + "max(price), min(price), coalesce(sum(amount), 0), coalesce(sum(notional), 0) "
                + "from trades where market = ? and created_at >= ?", rs -> {
                    rs.next();
                    long last = rs.getLong(1);
                    boolean hasLast = !rs.wasNull();
                    long high = rs.getLong(2);
                    boolean any = !rs.wasNull();
                    long low = rs.getLong(3);
                    return new TickerJson(m.id(), hasLast ? m.formatPrice(last) : null, bid, ask,
                            any ? m.formatPrice(high) : null, any ? m.formatPrice(low) : null,
                            m.formatSize(rs.getLong(4)), m.quote().format(rs.getLong(5)), now);
                }, m.id(), m.id(), java.sql.Timestamp.from(since));
    }
}
