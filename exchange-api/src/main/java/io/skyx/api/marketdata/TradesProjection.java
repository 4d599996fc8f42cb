package io.skyx.api.marketdata;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.api.sequencer.Projection;
import io.skyx.engine.Side;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The trades and 1-minute candles tables, projected from trade events. */
@Component
@Order(3)
class TradesProjection implements Projection {

    static final String TIMEFRAME = "1m";
    static final long TIMEFRAME_SECONDS = 60;

    private final MarketCatalog catalog;

    TradesProjection(MarketCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "trades";
    }

    @Override
    public void reset(JdbcTemplate jdbc) {
        jdbc.update("delete from trades");
        jdbc.update("delete from candles");
    }

    /** Only trades write rows here: most batches (orders that rest, cancels, deposits) have none. */
    @Override
    public boolean writes(List<AppliedCommand> batch) {
        for (AppliedCommand a : batch) {
            for (EngineEvent e : a.events()) {
                if (e instanceof EngineEvent.Trade) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void project(JdbcTemplate jdbc, List<AppliedCommand> batch) {
        List<Object[]> trades = new ArrayList<>();
        // one row per candle: with reWriteBatchedInserts the batch is one multi-row insert, and PostgreSQL refuses
        // an ON CONFLICT DO UPDATE that meets the same row twice in one command
        Map<String, Object[]> candles = new LinkedHashMap<>();
        for (AppliedCommand a : batch) {
            for (EngineEvent e : a.events()) {
                if (e instanceof EngineEvent.Trade t) {
                    String market = catalog.market(t.marketId()).id();
                    trades.add(new Object[] {t.tradeId(), a.seq(), market, t.price(), t.size(), t.notional(),
                        t.takerSide() == Side.BID ? "buy" : "sell", t.makerOrderId(), t.makerUserId(),
                        t.takerOrderId(), t.takerUserId(), t.makerFee(), t.takerFee(),
                        catalog.asset(t.feeAssetId()).code(), Timestamp.from(Instant.ofEpochMilli(a.tsMs()))});
                    long open = a.tsMs() / 1000 / TIMEFRAME_SECONDS * TIMEFRAME_SECONDS;
                    candles.merge(market + "@" + open, new Object[] {market, TIMEFRAME, open, t.price(), t.price(),
                        t.price(), t.price(), t.size(), t.notional()}, TradesProjection::sameCandle);
                }
            }
        }
        if (trades.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into trades (id, seq, market, price, amount, notional, taker_side, maker_order_id, "
                + "maker_user_id, taker_order_id, taker_user_id, maker_fee, taker_fee, fee_asset, created_at) "
                + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", trades);
        jdbc.batchUpdate("insert into candles (market, timeframe, open_time, open, high, low, close, volume, "
                + "quote_volume) values (?,?,?,?,?,?,?,?,?) on conflict (market, timeframe, open_time) do update set "
                + "high = greatest(candles.high, excluded.high), low = least(candles.low, excluded.low), "
                + "close = excluded.close, volume = candles.volume + excluded.volume, "
                + "quote_volume = candles.quote_volume + excluded.quote_volume", new ArrayList<>(candles.values()));
    }

    /** Two trades of one candle in one batch, in order: the first's open, the later's close, high, low, sums. */
    private static Object[] sameCandle(Object[] earlier, Object[] later) {
        return new Object[] {earlier[0], earlier[1], earlier[2], earlier[3],
            Math.max((long) earlier[4], (long) later[4]), Math.min((long) earlier[5], (long) later[5]), later[6],
            (long) earlier[7] + (long) later[7], (long) earlier[8] + (long) later[8]};
    }
}
