package io.skyx.api.marketdata;

import io.skyx.api.market.Market;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Projections;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.web.Acks;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.engine.L2Book;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public market data (no login): fetchMarkets, fetchOrderBook, fetchTrades, fetchOHLCV, fetchTicker. */
@RestController
@Tag(name = "market data")
class MarketDataController {

    /** fetchMarkets entry. */
    record MarketJson(String id, String symbol, String base, String quote, String amountStep, String priceStep,
                      String minAmount, String makerFee, String takerFee) {
    }

    /**
     * fetchOrderBook: levels as [price, amount]; {@code seq} (and its older name {@code sequence}) is the journal
     * sequence number the book is the state of, the book stream's seq.
     */
    record OrderBookJson(String market, long seq, long sequence, List<List<String>> bids, List<List<String>> asks,
                         Instant timestamp) {
    }

    private final MarketCatalog catalog;
    private final Sequencer sequencer;
    private final MarketDataQueries queries;
    private final Projections projections;

    MarketDataController(MarketCatalog catalog, Sequencer sequencer, MarketDataQueries queries,
                         Projections projections) {
        this.projections = projections;
        this.catalog = catalog;
        this.sequencer = sequencer;
        this.queries = queries;
    }

    @GetMapping("/api/v1/markets")
    @Operation(summary = "fetchMarkets")
    List<MarketJson> markets() {
        return catalog.markets().stream().map(m -> new MarketJson(m.id(), m.symbol(), m.base().code(),
                m.quote().code(), m.amountStep(), m.priceStep(), m.formatSize(m.spec().minSize()),
                Market.feeRate(m.spec().makerFeePpm()), Market.feeRate(m.spec().takerFeePpm()))).toList();
    }

    @GetMapping("/api/v1/markets/{id}/orderbook")
    @Operation(summary = "fetchOrderBook: bids high to low, asks low to high")
    OrderBookJson orderBook(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        Market m = catalog.market(id, "market");
        Sequencer.BookView v = Acks.await(sequencer.book(m.spec().id(), Acks.limit(limit, 50, 1000)));
        L2Book b = v.book();
        return new OrderBookJson(m.id(), v.sequence(), v.sequence(), levels(m, b.bidPrices(), b.bidSizes()),
                levels(m, b.askPrices(), b.askSizes()), Instant.ofEpochMilli(v.timestampMs()));
    }

    @GetMapping("/api/v1/markets/{id}/trades")
    @Operation(summary = "fetchTrades, newest first; side is the taker's")
    List<MarketDataQueries.TradeJson> trades(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        Market m = catalog.market(id, "market");
        int n = Acks.limit(limit, 50, 1000);
        Acks.await(projections.caughtUp());
        return queries.trades(m, n);
    }

    @GetMapping("/api/v1/markets/{id}/candles")
    @Operation(summary = "fetchOHLCV, oldest first; timeframe 1m (default), 5m, 15m, 1h, 4h or 1d, aligned to UTC")
    List<MarketDataQueries.CandleJson> candles(@PathVariable String id,
                                               @RequestParam(required = false) String timeframe,
                                               @RequestParam(required = false) Integer limit) {
        Market m = catalog.market(id, "market");
        String tf = timeframe == null ? TradesProjection.TIMEFRAME : timeframe;
        if (!MarketDataQueries.TIMEFRAMES.containsKey(tf)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "'timeframe' must be one of 1m, 5m, 15m, 1h, 4h, 1d",
                    "timeframe");
        }
        int n = Acks.limit(limit, 100, 1000);
        Acks.await(projections.caughtUp());
        return queries.candles(m, tf, n);
    }

    @GetMapping("/api/v1/markets/{id}/ticker")
    @Operation(summary = "fetchTicker: last price, best bid/ask, 24 h high, low and volumes")
    MarketDataQueries.TickerJson ticker(@PathVariable String id) {
        Market m = catalog.market(id, "market");
        L2Book b = Acks.await(sequencer.book(m.spec().id(), 1)).book();
        long[] bids = b.bidPrices();
        long[] asks = b.askPrices();
        Acks.await(projections.caughtUp());
        return queries.ticker(m, bids.length == 0 ? null : m.formatPrice(bids[0]),
                asks.length == 0 ? null : m.formatPrice(asks[0]), Instant.now());
    }

    static List<List<String>> levels(Market m, long[] prices, long[] sizes) {
        List<List<String>> out = new ArrayList<>(prices.length);
        for (int i = 0; i < prices.length; i++) {
            out.add(List.of(m.formatPrice(prices[i]), m.formatSize(sizes[i])));
        }
        return out;
    }
}
