package io.skyx.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The fast engine: the same rules and the same events as {@link ReferenceEngine}, with no allocation on the
 * command path in steady state (pooled orders and levels, open-addressing maps, array-backed price ladders,
 * intrusive order lists, primitive event delivery). This class holds the order books, the order commands and
 * matching; the accounts, the commands without a book and the shared plumbing are {@link FastLedger}'s.
 */
final class FastEngine extends FastLedger {
    private final FastBook[] bookById = new FastBook[MarketSpec.MAX_ID + 1];
    private final FastBook[] books;
    private final FastOrders orders = new FastOrders();
    private long[] scratch = new long[64];
    private long tradeId;

    FastEngine(EngineConfig config, EventSink sink) {
        super(config, sink);
        books = config.markets().stream().sorted(Comparator.comparingInt(MarketSpec::id))
                .map(m -> new FastBook(m, assetIndex[m.baseAsset()], assetIndex[m.quoteAsset()]))
                .toArray(FastBook[]::new);
        for (FastBook b : books) {
            bookById[b.market.id()] = b;
        }
    }

    FastEngine(EngineConfig config, EventSink sink, EngineState state) {
        this(config, sink);
        restoreLedger(state);
        tradeId = state.lastTradeId();
        for (EngineState.Order s : state.orders()) {
            FastOrder o = orders.newOrder();
            FastBook book = bookById[s.marketId()];
            o.fill(book, account(s.userId()), s.orderId(), s.clientOrderId(), s.side(), s.type(), s.stp(),
                    s.price(), s.size(), s.locked(), s.timestampMs());
            o.remaining = s.remaining();
            o.feeCredit = s.feeCredit();
            orders.register(book, o);
        }
    }

    // ---- order commands ----

    @Override
    public ResultCode placeOrder(long seq, long timestampMs, long userId, int marketId, long orderId,
                                 long clientOrderId, Side side, OrderType type, long price, long size,
                                 long quoteBudget, StpMode stp) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.PLACE, userId, orderId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        FastBook book = marketId >= 0 && marketId <= MarketSpec.MAX_ID ? bookById[marketId] : null;
        MarketSpec m = book == null ? null : book.market;
        ResultCode code = PlaceRules.check(m, userId, orderId, clientOrderId, side, type, price, size, quoteBudget,
                stp);
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.PLACE, userId, orderId, code);
        }
        long lock = PlaceRules.lock(m, side, type, price, size, quoteBudget);
        int lockIdx = book.lockIdx(side);
        FastAccount a = accounts.get(userId);
        if (orders.containsKey(orderId)) {
            code = ResultCode.DUPLICATE_ORDER_ID;
        } else if (clientOrderId != 0 && a != null && a.hasClientId(clientOrderId)) {
            code = ResultCode.DUPLICATE_CLIENT_ORDER_ID;
        } else if (a == null || a.available[lockIdx] < lock) {
            code = ResultCode.INSUFFICIENT_FUNDS;
        } else if (type == OrderType.POST_ONLY && book.crosses(side, price)) {
            code = ResultCode.WOULD_TAKE;
        } else if ((type == OrderType.FOK || type == OrderType.FOK_BUDGET)
                && !book.fillable(userId, side, type, price, size, quoteBudget, stp)) {
            code = ResultCode.FOK_NOT_FILLED;
        }
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.PLACE, userId, orderId, code);
        }
        FastOrder o = orders.newOrder();
        o.fill(book, a, orderId, clientOrderId, side, type, stp, price, size, lock, timestampMs);
        if (type == OrderType.MARKET && side == Side.BID) {
            o.remaining = Long.MAX_VALUE;
        }
        sink.orderAccepted(++eventSeq, seq, ts, marketId, orderId, clientOrderId, userId, side, type, stp, price,
                size, quoteBudget);
        lock(a, lockIdx, lock);
        balanceEvent(a, lockIdx);
        takeAndFinish(book, o, false);
        return ResultCode.OK;
    }

    @Override
    public ResultCode cancelOrder(long seq, long timestampMs, long userId, long orderId) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.CANCEL, userId, orderId,
                    ResultCode.SEQUENCE_NOT_INCREASING);
        }
        FastOrder o = orders.get(orderId);
        ResultCode code = o == null ? ResultCode.UNKNOWN_ORDER
                : o.userId != userId ? ResultCode.NOT_OWNER : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.CANCEL, userId, orderId, code);
        }
        removeResting(o, null);
        return ResultCode.OK;
    }

    @Override
    public ResultCode cancelAll(long seq, long timestampMs, long userId, int marketId) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.CANCEL_ALL, userId, 0,
                    ResultCode.SEQUENCE_NOT_INCREASING);
        }
        FastBook book = marketId >= 0 && marketId <= MarketSpec.MAX_ID ? bookById[marketId] : null;
        ResultCode code = userId <= 0 ? ResultCode.INVALID_ARGUMENT
                : book == null ? ResultCode.UNKNOWN_MARKET : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.CANCEL_ALL, userId, 0, code);
        }
        int n = 0;
        for (FastOrder o : orders.values()) {
            if (o.userId == userId && o.book == book) {
                if (n == scratch.length) {
                    scratch = Arrays.copyOf(scratch, n * 2);
                }
                scratch[n++] = o.orderId;
            }
        }
        Arrays.sort(scratch, 0, n);
        for (int i = 0; i < n; i++) {
            removeResting(orders.get(scratch[i]), null);
        }
        return ResultCode.OK;
    }

    @Override
    public ResultCode amendOrder(long seq, long timestampMs, long userId, long orderId, long newPrice,
                                 long newRemaining) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.AMEND, userId, orderId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        FastOrder o = orders.get(orderId);
        ResultCode code = o == null ? ResultCode.UNKNOWN_ORDER
                : o.userId != userId ? ResultCode.NOT_OWNER
                : PlaceRules.checkAmend(o.book.market, newPrice, newRemaining, o.price, o.remaining);
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.AMEND, userId, orderId, code);
        }
        FastBook book = o.book;
        long price = newPrice == 0 ? o.price : newPrice;
        long remaining = newRemaining == 0 ? o.remaining : newRemaining;
        boolean keep = newPrice == 0 && remaining < o.remaining;
        long required = PlaceRules.restingLock(book.market, o.side, price, remaining, o.feeCredit);
        int idx = book.lockIdx(o.side);
        FastAccount a = o.account;
        if (!keep && required - o.locked > a.available[idx]) {
            code = ResultCode.INSUFFICIENT_FUNDS;
        } else if (!keep && o.type == OrderType.POST_ONLY && book.crosses(o.side, price)) {
            code = ResultCode.WOULD_TAKE;
        }
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.AMEND, userId, orderId, code);
        }
        if (keep) {
            resize(o, remaining, required);
            return ResultCode.OK;
        }
        long oldTotal = book.remove(o);
        o.size += remaining - o.remaining;
        o.remaining = remaining;
        long oldPrice = o.price;
        o.price = price;
        o.timestampMs = timestampMs;
        int marketId = book.market.id();
        sink.orderAmended(++eventSeq, seq, ts, marketId, orderId, userId, price, remaining, false);
        sink.bookDelta(++eventSeq, seq, ts, marketId, o.side, oldPrice, oldTotal);
        lock(a, idx, required - o.locked);
        o.locked = required;
        balanceEvent(a, idx);
        takeAndFinish(book, o, true);
        return ResultCode.OK;
    }

    @Override
    public ResultCode reduceOrder(long seq, long timestampMs, long userId, long orderId, long reduceBy) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.REDUCE, userId, orderId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        FastOrder o = orders.get(orderId);
        ResultCode code = o == null ? ResultCode.UNKNOWN_ORDER
                : o.userId != userId ? ResultCode.NOT_OWNER
                : reduceBy <= 0 ? ResultCode.INVALID_SIZE : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.REDUCE, userId, orderId, code);
        }
        if (reduceBy >= o.remaining) {
            removeResting(o, null);
        } else {
            long remaining = o.remaining - reduceBy;
            resize(o, remaining, PlaceRules.restingLock(o.book.market, o.side, o.price, remaining, o.feeCredit));
        }
        return ResultCode.OK;
    }

    // ---- matching ----

    /** Matches a taker, then rests, expires or retires it. inMaps: it is still in the id maps (an amend). */
    private void takeAndFinish(FastBook book, FastOrder taker, boolean inMaps) {
        MarketSpec m = book.market;
        boolean marketBuy = taker.type == OrderType.MARKET && taker.side == Side.BID;
        boolean limited = taker.type != OrderType.MARKET && taker.type != OrderType.FOK_BUDGET;
        boolean stpStop = false;
        FastSide opposite = book.side(taker.side.opposite());
        while (taker.remaining > 0) {
            FastLevel level = opposite.best();
            if (level == null || limited && !FastBook.crossesLevel(taker.side, taker.price, level.price)) {
                break;
            }
            FastOrder maker = level.head;
            if (maker.userId == taker.userId && taker.stp != StpMode.NONE) {
                if (taker.stp != StpMode.EXPIRE_TAKER) {
                    removeResting(maker, ExpireReason.SELF_TRADE_PREVENTION);
                }
                if (taker.stp != StpMode.EXPIRE_MAKER) {
                    stpStop = true;
                    break;
                }
                continue;
            }
            long q = Math.min(maker.remaining, taker.remaining);
            if (marketBuy) {
                q = Arith.affordableLots(taker.locked, level.price * m.quoteTickUnits(), m.takerFeePpm(),
                        taker.feeCredit, maker.remaining);
                if (q == 0) {
                    break;
                }
            }
            trade(book, level, maker, taker, q, marketBuy);
        }
        int idx = book.lockIdx(taker.side);
        FastAccount a = taker.account;
        int marketId = m.id();
        if (marketBuy || taker.remaining > 0 && (stpStop || !taker.type.rests())) {
            if (taker.locked > 0 || !marketBuy) {
                sink.orderExpired(++eventSeq, seq, ts, marketId, taker.orderId, taker.userId,
                        marketBuy ? 0 : taker.remaining,
                        stpStop ? ExpireReason.SELF_TRADE_PREVENTION : ExpireReason.UNFILLED);
                lock(a, idx, -taker.locked);
                taker.locked = 0;
                balanceEvent(a, idx);
            }
            orders.retire(taker, inMaps);
        } else if (taker.remaining > 0) {
            if (inMaps) {
                book.add(taker);
            } else {
                orders.register(book, taker);
            }
            sink.bookDelta(++eventSeq, seq, ts, marketId, taker.side, taker.price, taker.level.total);
        } else {
            if (taker.locked > 0) {
                lock(a, idx, -taker.locked);
                taker.locked = 0;
                balanceEvent(a, idx);
            }
            orders.retire(taker, inMaps);
        }
    }

    private void trade(FastBook book, FastLevel level, FastOrder maker, FastOrder taker, long q,
                       boolean marketBuy) {
        MarketSpec m = book.market;
        long price = level.price;
        long notional = price * q * m.quoteTickUnits();
        long base = q * m.baseLotUnits();
        long makerFee = charge(maker, notional, m.makerFeePpm());
        long takerFee = charge(taker, notional, m.takerFeePpm());
        boolean takerBuys = taker.side == Side.BID;
        FastOrder buyer = takerBuys ? taker : maker;
        FastOrder seller = takerBuys ? maker : taker;
        long buyerPays = notional + (takerBuys ? takerFee : makerFee);
        long sellerGets = notional - (takerBuys ? makerFee : takerFee);
        int b = book.baseIdx;
        int qi = book.quoteIdx;
        buyer.account.locked[qi] -= buyerPays;
        buyer.locked -= buyerPays;
        buyer.account.available[b] += base;
        seller.account.locked[b] -= base;
        seller.locked -= base;
        seller.account.available[qi] += sellerGets;
        fees[qi] += makerFee + takerFee;
        maker.remaining -= q;
        level.total -= q;
        if (!marketBuy) {
            taker.remaining -= q;
        }
        int marketId = m.id();
        sink.trade(++eventSeq, seq, ts, marketId, ++tradeId, maker.orderId, maker.userId, taker.orderId,
                taker.userId, taker.side, price, q, notional, makerFee, takerFee, assetIds[qi], maker.remaining,
                marketBuy ? 0 : taker.remaining);
        long buyerId = buyer.userId;
        long sellerId = seller.userId;
        post(qi, AccountKind.LOCKED, buyerId, AccountKind.AVAILABLE, sellerId, notional);
        post(b, AccountKind.LOCKED, sellerId, AccountKind.AVAILABLE, buyerId, base);
        post(qi, AccountKind.LOCKED, buyerId, AccountKind.FEES, 0, buyerPays - notional);
        post(qi, AccountKind.AVAILABLE, sellerId, AccountKind.FEES, 0, notional - sellerGets);
        long total = level.total;
        boolean done = maker.remaining == 0;
        if (done) {
            total = orders.unregister(maker);
            lock(maker.account, book.lockIdx(maker.side), -maker.locked);
            maker.locked = 0;
        }
        FastAccount ma = maker.account;
        FastAccount ta = taker.account;
        balanceEvent(ma, b);
        balanceEvent(ma, qi);
        balanceEvent(ta, b);
        balanceEvent(ta, qi);
        sink.bookDelta(++eventSeq, seq, ts, marketId, maker.side, price, total);
        if (done) {
            orders.free(maker);
        }
    }

    private static long charge(FastOrder o, long notional, int ppm) {
        long x = notional * ppm;
        long fee = Arith.fee(x, o.feeCredit);
        o.feeCredit = Arith.creditAfter(x, o.feeCredit, fee);
        return fee;
    }

    private void resize(FastOrder o, long remaining, long required) {
        int idx = o.book.lockIdx(o.side);
        long cut = o.remaining - remaining;
        o.size -= cut;
        o.remaining = remaining;
        o.level.total -= cut;
        int marketId = o.book.market.id();
        sink.orderAmended(++eventSeq, seq, ts, marketId, o.orderId, o.userId, o.price, remaining, true);
        sink.bookDelta(++eventSeq, seq, ts, marketId, o.side, o.price, o.level.total);
        lock(o.account, idx, required - o.locked);
        o.locked = required;
        balanceEvent(o.account, idx);
    }

    /** Removes a resting order: cancelled when reason is null, else expired. */
    private void removeResting(FastOrder o, ExpireReason reason) {
        int marketId = o.book.market.id();
        long total = orders.unregister(o);
        if (reason == null) {
            sink.orderCancelled(++eventSeq, seq, ts, marketId, o.orderId, o.userId, o.remaining);
        } else {
            sink.orderExpired(++eventSeq, seq, ts, marketId, o.orderId, o.userId, o.remaining, reason);
        }
        sink.bookDelta(++eventSeq, seq, ts, marketId, o.side, o.price, total);
        int idx = o.book.lockIdx(o.side);
        lock(o.account, idx, -o.locked);
        o.locked = 0;
        balanceEvent(o.account, idx);
        orders.free(o);
    }

    // ---- queries of the books ----

    @Override
    public L2Book l2Book(int marketId, int depth) {
        FastBook book = marketId >= 0 && marketId <= MarketSpec.MAX_ID ? bookById[marketId] : null;
        return book == null ? null : book.l2(depth);
    }

    @Override
    public OrderView order(long orderId) {
        FastOrder o = orders.get(orderId);
        return o == null ? null : o.view();
    }

    @Override
    public List<OrderView> openOrders(long userId) {
        return orders.open(userId);
    }

    @Override
    public byte[] snapshot() {
        List<EngineState.Order> list = new ArrayList<>();
        for (FastBook b : books) {
            b.export(list);
        }
        return SnapshotCodec.encode(config, new EngineState(lastSeq, eventSeq, tradeId, exportBalances(),
                exportSystem(), exportWithdrawals(), list));
    }

    @Override
    public byte[] stateHash() {
        return SnapshotCodec.sha256(snapshot());
    }
}
