package io.skyx.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.api.testing.TestDatabase;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The local run's datasource rewrites a JDBC batch into one multi-row insert (reWriteBatchedInserts): two trades
 * of one minute in one projected batch must still make one candle row (an upsert meeting the same row twice in
 * one command is refused by PostgreSQL, which stalled every projection behind the trades one).
 */
class TradesProjectionBatchIT {

    @Test
    void twoTradesOfOneMinuteInOneRewrittenBatchMakeOneCandle() {
        TestDatabase.Conn db = TestDatabase.freshDatabase();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        ds.setReWriteBatchedInserts(true);
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        MarketCatalog catalog = new MarketCatalog();
        int market = catalog.market("SKY-BTC", "market").spec().id();
        long ts = 1_800_000_000_000L;
        List<AppliedCommand> batch = List.of(
                trade(1, ts, market, 50, 3, 150), trade(2, ts + 1_000, market, 70, 1, 70),
                trade(3, ts + 2_000, market, 40, 2, 80));
        new TradesProjection(catalog).project(jdbc, batch);

        List<Map<String, Object>> rows = jdbc.queryForList("select open, high, low, close, volume, quote_volume "
                + "from candles");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("open", 50L).containsEntry("high", 70L).containsEntry("low", 40L)
                .containsEntry("close", 40L).containsEntry("volume", 6L).containsEntry("quote_volume", 300L);
        assertThat(jdbc.queryForObject("select count(*) from trades", Long.class)).isEqualTo(3);
    }

    private static AppliedCommand trade(long seq, long ts, int market, long price, long size, long notional) {
        EngineEvent.Trade t = new EngineEvent.Trade(seq, market, seq, 100 + seq, 1, 200 + seq, 2, Side.BID, price, size,
                notional, 0, 0, 2, 0, 0);
        return new AppliedCommand(seq, ts, new Command.Cancel(2, 100 + seq), ResultCode.OK, List.of(t));
    }
}
