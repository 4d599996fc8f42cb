package io.skyx.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference engine: short and plainly correct (TreeMaps of price levels holding lists of orders), used as
 * the test oracle of the fast engine. Order commands and matching live here; the accounts, the commands without a
 * book and the shared plumbing in {@link RefLedger}; the book and the accounts in small helpers. It shares no
 * arithmetic with the fast engine: checks, locks, fees and market-buy sizing are {@link RefRules}.
 */
final class ReferenceEngine extends RefLedger {
    private final Map<Integer, RefBook> books = new TreeMap<>();
    private final Map<Long, RefOrder> orders = new HashMap<>();
    private final Map<List<Long>, RefOrder> byClientId = new HashMap<>();
    private long tradeId;

    ReferenceEngine(EngineConfig config, EventSink sink) {
        super(config, sink);
        for (MarketSpec m : config.markets()) {
            books.put(m.id(), new RefBook(m));
        }
    }

    ReferenceEngine(EngineConfig config, EventSink sink, EngineState state) {
        this(config, sink);
        restoreLedger(state);
        tradeId = state.lastTradeId();
        for (EngineState.Order s : state.orders()) {
            RefOrder o = new RefOrder(s.orderId(), s.clientOrderId(), s.userId(), s.marketId(), s.side(), s.type(),
                    s.stp(), s.price(), s.size(), s.locked(), s.timestampMs());
            o.remaining = s.remaining();
            o.basis = BigInteger.valueOf(s.feeCredit()).negate();
            register(books.get(s.marketId()), o);
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
        RefBook book = books.get(marketId);
        MarketSpec m = book == null ? null : book.market;
        ResultCode code = RefRules.checkPlace(m, userId, orderId, clientOrderId, side, type, price, size,
                quoteBudget, stp);
        long lock = code == ResultCode.OK ? RefRules.lock(m, side, type, price, size, quoteBudget) : 0;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.PLACE, userId, orderId, code);
        }
        if (orders.containsKey(orderId)) {
            code = ResultCode.DUPLICATE_ORDER_ID;
        } else if (clientOrderId != 0 && byClientId.containsKey(List.of(userId, clientOrderId))) {
            code = ResultCode.DUPLICATE_CLIENT_ORDER_ID;
        } else if (accounts.available(userId, lockAsset(m, side)) < lock) {
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
        RefOrder o = new RefOrder(orderId, clientOrderId, userId, marketId, side, type, stp, price, size, lock,
                timestampMs);
        if (type == OrderType.MARKET && side == Side.BID) {
            o.remaining = Long.MAX_VALUE;
        }
        sink.orderAccepted(++eventSeq, seq, ts, marketId, orderId, clientOrderId, userId, side, type, stp, price,
                size, quoteBudget);
        lock(userId, lockAsset(m, side), lock);
        balanceEvent(userId, lockAsset(m, side));
        takeAndFinish(book, o);
        return ResultCode.OK;
    }

    @Override
    public ResultCode cancelOrder(long seq, long timestampMs, long userId, long orderId) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.CANCEL, userId, orderId,
                    ResultCode.SEQUENCE_NOT_INCREASING);
        }
        RefOrder o = orders.get(orderId);
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
        ResultCode code = userId <= 0 ? ResultCode.INVALID_ARGUMENT
                : !books.containsKey(marketId) ? ResultCode.UNKNOWN_MARKET : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.CANCEL_ALL, userId, 0, code);
        }
        List<RefOrder> mine = new ArrayList<>();
        for (RefOrder o : orders.values()) {
            if (o.userId == userId && o.marketId == marketId) {
                mine.add(o);
            }
        }
        mine.sort(Comparator.comparingLong(o -> o.orderId));
        for (RefOrder o : mine) {
            removeResting(o, null);
        }
        return ResultCode.OK;
    }

    @Override
    public ResultCode amendOrder(long seq, long timestampMs, long userId, long orderId, long newPrice,
                                 long newRemaining) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.AMEND, userId, orderId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        RefOrder o = orders.get(orderId);
        ResultCode code = o == null ? ResultCode.UNKNOWN_ORDER
                : o.userId != userId ? ResultCode.NOT_OWNER
                : RefRules.checkAmend(books.get(o.marketId).market, newPrice, newRemaining, o.price, o.remaining);
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.AMEND, userId, orderId, code);
        }
        RefBook book = books.get(o.marketId);
        long price = newPrice == 0 ? o.price : newPrice;
        long remaining = newRemaining == 0 ? o.remaining : newRemaining;
        boolean keep = newPrice == 0 && remaining < o.remaining;
        long required = RefRules.restingLock(book.market, o.side, price, remaining, o.basis);
        int asset = lockAsset(book.market, o.side);
        if (!keep && required - o.locked > accounts.available(userId, asset)) {
            code = ResultCode.INSUFFICIENT_FUNDS;
        } else if (!keep && o.type == OrderType.POST_ONLY && book.crosses(o.side, price)) {
            code = ResultCode.WOULD_TAKE;
        }
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.AMEND, userId, orderId, code);
        }
        if (keep) {
            resize(book, o, remaining, required);
            return ResultCode.OK;
        }
        unregister(book, o);
        o.size += remaining - o.remaining;
        o.remaining = remaining;
        long oldPrice = o.price;
        o.price = price;
        o.timestampMs = timestampMs;
        sink.orderAmended(++eventSeq, seq, ts, o.marketId, orderId, userId, price, remaining, false);
        sink.bookDelta(++eventSeq, seq, ts, o.marketId, o.side, oldPrice, book.levelSize(o.side, oldPrice));
        lock(userId, asset, required - o.locked);
        o.locked = required;
        balanceEvent(userId, asset);
        takeAndFinish(book, o);
        return ResultCode.OK;
    }

    @Override
    public ResultCode reduceOrder(long seq, long timestampMs, long userId, long orderId, long reduceBy) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.REDUCE, userId, orderId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        RefOrder o = orders.get(orderId);
        ResultCode code = o == null ? ResultCode.UNKNOWN_ORDER
                : o.userId != userId ? ResultCode.NOT_OWNER
                : reduceBy <= 0 ? ResultCode.INVALID_SIZE : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.REDUCE, userId, orderId, code);
        }
        if (reduceBy >= o.remaining) {
            removeResting(o, null);
        } else {
            RefBook book = books.get(o.marketId);
            long remaining = o.remaining - reduceBy;
            resize(book, o, remaining, RefRules.restingLock(book.market, o.side, o.price, remaining, o.basis));
        }
        return ResultCode.OK;
    }

    // ---- matching ----

    private void takeAndFinish(RefBook book, RefOrder taker) {
        MarketSpec m = book.market;
        boolean marketBuy = taker.type == OrderType.MARKET && taker.side == Side.BID;
        boolean limited = taker.type != OrderType.MARKET && taker.type != OrderType.FOK_BUDGET;
        boolean stpStop = false;
        while (taker.remaining > 0) {
            RefOrder maker = book.best(taker.side.opposite());
            if (maker == null || limited && !book.crossesLevel(taker.side, taker.price, maker.price)) {
                break;
            }
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
                q = RefRules.affordableLots(m, maker.price, taker.locked, taker.basis, maker.remaining);
                if (q == 0) {
                    break;
                }
            }
            trade(book, maker, taker, q, marketBuy);
        }
        int asset = lockAsset(m, taker.side);
        if (marketBuy || taker.remaining > 0 && (stpStop || !taker.type.rests())) {
            if (taker.locked > 0 || !marketBuy) {
                sink.orderExpired(++eventSeq, seq, ts, taker.marketId, taker.orderId, taker.userId,
                        marketBuy ? 0 : taker.remaining,
                        stpStop ? ExpireReason.SELF_TRADE_PREVENTION : ExpireReason.UNFILLED);
                lock(taker.userId, asset, -taker.locked);
                taker.locked = 0;
                balanceEvent(taker.userId, asset);
            }
        } else if (taker.remaining > 0) {
            register(book, taker);
            sink.bookDelta(++eventSeq, seq, ts, taker.marketId, taker.side, taker.price,
                    book.levelSize(taker.side, taker.price));
        } else if (taker.locked > 0) {
            lock(taker.userId, asset, -taker.locked);
            taker.locked = 0;
            balanceEvent(taker.userId, asset);
        }
    }

    private void trade(RefBook book, RefOrder maker, RefOrder taker, long q, boolean marketBuy) {
        MarketSpec m = book.market;
        long notional = RefRules.notional(m, maker.price, q);
        long base = RefRules.big(q).multiply(RefRules.big(m.baseLotUnits())).longValueExact();
        long makerFee = charge(maker, notional, m.makerFeePpm());
        long takerFee = charge(taker, notional, m.takerFeePpm());
        RefOrder buyer = taker.side == Side.BID ? taker : maker;
        RefOrder seller = taker.side == Side.BID ? maker : taker;
        long buyerFee = buyer == taker ? takerFee : makerFee;
        long sellerFee = seller == taker ? takerFee : makerFee;
        maker.remaining -= q;
        if (!marketBuy) {
            taker.remaining -= q;
        }
        sink.trade(++eventSeq, seq, ts, m.id(), ++tradeId, maker.orderId, maker.userId, taker.orderId,
                taker.userId, taker.side, maker.price, q, notional, makerFee, takerFee, m.quoteAsset(),
                maker.remaining, marketBuy ? 0 : taker.remaining);
        int quote = m.quoteAsset();
        move(quote, AccountKind.LOCKED, buyer.userId, AccountKind.AVAILABLE, seller.userId, notional);
        move(m.baseAsset(), AccountKind.LOCKED, seller.userId, AccountKind.AVAILABLE, buyer.userId, base);
        move(quote, AccountKind.LOCKED, buyer.userId, AccountKind.FEES, 0, buyerFee);
        move(quote, AccountKind.AVAILABLE, seller.userId, AccountKind.FEES, 0, sellerFee);
        buyer.locked -= notional + buyerFee;
        seller.locked -= base;
        if (maker.remaining == 0) {
            unregister(book, maker);
            lock(maker.userId, lockAsset(m, maker.side), -maker.locked);
            maker.locked = 0;
        }
        balanceEvent(maker.userId, m.baseAsset());
        balanceEvent(maker.userId, m.quoteAsset());
        balanceEvent(taker.userId, m.baseAsset());
        balanceEvent(taker.userId, m.quoteAsset());
        sink.bookDelta(++eventSeq, seq, ts, m.id(), maker.side, maker.price, book.levelSize(maker.side, maker.price));
    }

    private static long charge(RefOrder o, long notional, int ppm) {
        long fee = RefRules.fee(o.basis, notional, ppm);
        o.basis = RefRules.basisAfter(o.basis, notional, ppm, fee);
        return fee;
    }

    private void resize(RefBook book, RefOrder o, long remaining, long required) {
        int asset = lockAsset(book.market, o.side);
        o.size -= o.remaining - remaining;
        o.remaining = remaining;
        sink.orderAmended(++eventSeq, seq, ts, o.marketId, o.orderId, o.userId, o.price, remaining, true);
        sink.bookDelta(++eventSeq, seq, ts, o.marketId, o.side, o.price, book.levelSize(o.side, o.price));
        lock(o.userId, asset, required - o.locked);
        o.locked = required;
        balanceEvent(o.userId, asset);
    }

    /** Removes a resting order: cancelled when reason is null, else expired. */
    private void removeResting(RefOrder o, ExpireReason reason) {
        RefBook book = books.get(o.marketId);
        unregister(book, o);
        if (reason == null) {
            sink.orderCancelled(++eventSeq, seq, ts, o.marketId, o.orderId, o.userId, o.remaining);
        } else {
            sink.orderExpired(++eventSeq, seq, ts, o.marketId, o.orderId, o.userId, o.remaining, reason);
        }
        sink.bookDelta(++eventSeq, seq, ts, o.marketId, o.side, o.price, book.levelSize(o.side, o.price));
        int asset = lockAsset(book.market, o.side);
        lock(o.userId, asset, -o.locked);
        o.locked = 0;
        balanceEvent(o.userId, asset);
    }

    private void register(RefBook book, RefOrder o) {
        book.add(o);
        orders.put(o.orderId, o);
        if (o.clientOrderId != 0) {
            byClientId.put(List.of(o.userId, o.clientOrderId), o);
        }
    }

    private void unregister(RefBook book, RefOrder o) {
        book.remove(o);
        orders.remove(o.orderId);
        if (o.clientOrderId != 0) {
            byClientId.remove(List.of(o.userId, o.clientOrderId));
        }
    }

    private static int lockAsset(MarketSpec m, Side side) {
        return side == Side.BID ? m.quoteAsset() : m.baseAsset();
    }

    // ---- queries of the books ----

    @Override
    public L2Book l2Book(int marketId, int depth) {
        RefBook book = books.get(marketId);
        return book == null ? null : book.l2(depth);
    }

    @Override
    public OrderView order(long orderId) {
        RefOrder o = orders.get(orderId);
        return o == null ? null : o.view();
    }

    @Override
    public List<OrderView> openOrders(long userId) {
        return orders.values().stream().filter(o -> o.userId == userId)
                .sorted(Comparator.comparingLong(o -> o.orderId)).map(RefOrder::view).toList();
    }

    @Override
    public byte[] snapshot() {
        List<EngineState.Order> list = new ArrayList<>();
        for (RefBook book : books.values()) {
            book.export(list);
        }
        return SnapshotCodec.encode(config, new EngineState(lastSeq, eventSeq, tradeId, accounts.exportBalances(),
                accounts.exportSystem(), List.copyOf(accounts.withdrawals.values()), list));
    }

    @Override
    public byte[] stateHash() {
        return SnapshotCodec.sha256(snapshot());
    }
}
