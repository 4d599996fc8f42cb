package io.skyx.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The fast engine: the same rules and the same events as {@link ReferenceEngine}, with no allocation on the
 * command path in steady state (pooled orders and levels, open-addressing maps, array-backed price ladders,
 * intrusive order lists, primitive event delivery).
 */
final class FastEngine implements ExchangeEngine {
    /** System account kinds in ascending code order (the snapshot's order). */
    static final AccountKind[] SYSTEM_KINDS = {AccountKind.FEES, AccountKind.RESERVE, AccountKind.SETTLEMENT_POOL};
    private final EngineConfig config;
    private final EventSink sink;
    private final int[] assetIndex = new int[AssetSpec.MAX_ID + 1];
    private final int[] assetIds;
    private final FastBook[] bookById = new FastBook[MarketSpec.MAX_ID + 1];
    private final FastBook[] books;
    private final Long2ObjectHashMap<FastAccount> accounts = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<FastOrder> orders = new Long2ObjectHashMap<>();
    private final long[] fees;
    private final long[] reserve;
    private final long[] settlementPool;
    private final Long2ObjectHashMap<WithdrawalView> withdrawals = new Long2ObjectHashMap<>();
    private FastOrder[] pool = new FastOrder[1024];
    private int pooled;
    private long[] scratch = new long[64];
    private long lastSeq;
    private long eventSeq;
    private long tradeId;
    private long seq;
    private long ts;

    FastEngine(EngineConfig config, EventSink sink) {
        this.config = config;
        this.sink = sink;
        Arrays.fill(assetIndex, -1);
        assetIds = config.assets().stream().mapToInt(AssetSpec::id).sorted().toArray();
        for (int i = 0; i < assetIds.length; i++) {
            assetIndex[assetIds[i]] = i;
        }
        fees = new long[assetIds.length];
        reserve = new long[assetIds.length];
        settlementPool = new long[assetIds.length];
        books = config.markets().stream().sorted(Comparator.comparingInt(MarketSpec::id))
                .map(m -> new FastBook(m, assetIndex[m.baseAsset()], assetIndex[m.quoteAsset()]))
                .toArray(FastBook[]::new);
        for (FastBook b : books) {
            bookById[b.market.id()] = b;
        }
    }

    FastEngine(EngineConfig config, EventSink sink, EngineState state) {
        this(config, sink);
        lastSeq = state.lastSeq();
        eventSeq = state.lastEventSeq();
        tradeId = state.lastTradeId();
        for (EngineState.Balance b : state.balances()) {
            FastAccount a = account(b.userId());
            int i = assetIndex[b.assetId()];
            a.available[i] = b.available();
            a.locked[i] = b.locked();
            a.withdrawing[i] = b.withdrawing();
        }
        for (EngineState.SystemBalance sb : state.system()) {
            systemArray(sb.kind())[assetIndex[sb.assetId()]] = sb.amount();
        }
        for (WithdrawalView w : state.withdrawals()) {
            withdrawals.put(w.withdrawalId(), w);
        }
        for (EngineState.Order s : state.orders()) {
            FastOrder o = newOrder();
            FastBook book = bookById[s.marketId()];
            fill(o, book, account(s.userId()), s.orderId(), s.clientOrderId(), s.side(), s.type(), s.stp(),
                    s.price(), s.size(), s.locked(), s.timestampMs());
            o.remaining = s.remaining();
            o.feeCredit = s.feeCredit();
            register(book, o);
        }
    }

    // ---- commands ----

    @Override
    public ResultCode creditDeposit(long seq, long timestampMs, long userId, int assetId, long amount) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.DEPOSIT, userId, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        ResultCode code = userId <= 0 ? ResultCode.INVALID_ARGUMENT
                : i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 || amount > EngineLimits.MAX_BALANCE + reserve[i]
                ? ResultCode.INVALID_AMOUNT : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.DEPOSIT, userId, 0, code);
        }
        FastAccount a = account(userId);
        sink.deposited(++eventSeq, seq, ts, userId, assetId, amount);
        reserve[i] -= amount;
        a.available[i] += amount;
        post(i, AccountKind.RESERVE, 0, AccountKind.AVAILABLE, userId, amount);
        balanceEvent(a, i);
        return ResultCode.OK;
    }

    @Override
    public ResultCode reserveWithdrawal(long seq, long timestampMs, long withdrawalId, long userId, int assetId,
                                        long amount) {
        CommandType t = CommandType.RESERVE_WITHDRAWAL;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, userId, withdrawalId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        FastAccount a = accounts.get(userId);
        ResultCode code = userId <= 0 || withdrawalId <= 0 ? ResultCode.INVALID_ARGUMENT
                : i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : withdrawals.containsKey(withdrawalId) ? ResultCode.DUPLICATE_WITHDRAWAL_ID
                : a == null || a.available[i] < amount ? ResultCode.INSUFFICIENT_FUNDS : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, userId, withdrawalId, code);
        }
        withdrawals.put(withdrawalId, new WithdrawalView(withdrawalId, userId, assetId, amount));
        a.available[i] -= amount;
        a.withdrawing[i] += amount;
        post(i, AccountKind.AVAILABLE, userId, AccountKind.WITHDRAWING, userId, amount);
        balanceEvent(a, i);
        return ResultCode.OK;
    }

    @Override
    public ResultCode completeWithdrawal(long seq, long timestampMs, long withdrawalId) {
        return endWithdrawal(seq, timestampMs, withdrawalId, CommandType.COMPLETE_WITHDRAWAL);
    }

    @Override
    public ResultCode refundWithdrawal(long seq, long timestampMs, long withdrawalId) {
        return endWithdrawal(seq, timestampMs, withdrawalId, CommandType.REFUND_WITHDRAWAL);
    }

    private ResultCode endWithdrawal(long seq, long timestampMs, long withdrawalId, CommandType t) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, withdrawalId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        WithdrawalView w = withdrawals.remove(withdrawalId);
        if (w == null) {
            return reject(seq, timestampMs, t, 0, withdrawalId, ResultCode.UNKNOWN_WITHDRAWAL);
        }
        int i = assetIndex[w.assetId()];
        FastAccount a = accounts.get(w.userId());
        a.withdrawing[i] -= w.amount();
        if (t == CommandType.COMPLETE_WITHDRAWAL) {
            reserve[i] += w.amount();
            post(i, AccountKind.WITHDRAWING, w.userId(), AccountKind.RESERVE, 0, w.amount());
        } else {
            a.available[i] += w.amount();
            post(i, AccountKind.WITHDRAWING, w.userId(), AccountKind.AVAILABLE, w.userId(), w.amount());
            balanceEvent(a, i);
        }
        return ResultCode.OK;
    }

    @Override
    public ResultCode fundSettlementPool(long seq, long timestampMs, int assetId, long amount) {
        CommandType t = CommandType.FUND_SETTLEMENT_POOL;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        ResultCode code = i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 || amount > EngineLimits.MAX_BALANCE + reserve[i]
                ? ResultCode.INVALID_AMOUNT : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, 0, 0, code);
        }
        reserve[i] -= amount;
        settlementPool[i] += amount;
        post(i, AccountKind.RESERVE, 0, AccountKind.SETTLEMENT_POOL, 0, amount);
        return ResultCode.OK;
    }

    @Override
    public ResultCode creditSettlementPayout(long seq, long timestampMs, long userId, int assetId, long amount) {
        CommandType t = CommandType.CREDIT_SETTLEMENT_PAYOUT;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, userId, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        ResultCode code = userId <= 0 ? ResultCode.INVALID_ARGUMENT
                : i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : settlementPool[i] < amount ? ResultCode.INSUFFICIENT_POOL : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, userId, 0, code);
        }
        FastAccount a = account(userId);
        settlementPool[i] -= amount;
        a.available[i] += amount;
        post(i, AccountKind.SETTLEMENT_POOL, 0, AccountKind.AVAILABLE, userId, amount);
        balanceEvent(a, i);
        return ResultCode.OK;
    }

    @Override
    public ResultCode paySettlementOnChain(long seq, long timestampMs, int assetId, long amount) {
        CommandType t = CommandType.PAY_SETTLEMENT_ON_CHAIN;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        ResultCode code = i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : settlementPool[i] < amount ? ResultCode.INSUFFICIENT_POOL : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, 0, 0, code);
        }
        settlementPool[i] -= amount;
        reserve[i] += amount;
        post(i, AccountKind.SETTLEMENT_POOL, 0, AccountKind.RESERVE, 0, amount);
        return ResultCode.OK;
    }

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
        FastOrder o = newOrder();
        fill(o, book, a, orderId, clientOrderId, side, type, stp, price, size, lock, timestampMs);
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
        lock(a, idx, required - o.locked);
        o.locked = required;
        int marketId = book.market.id();
        sink.orderAmended(++eventSeq, seq, ts, marketId, orderId, userId, price, remaining, false);
        sink.bookDelta(++eventSeq, seq, ts, marketId, o.side, oldPrice, oldTotal);
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
            retire(taker, inMaps);
        } else if (taker.remaining > 0) {
            if (inMaps) {
                book.add(taker);
            } else {
                register(book, taker);
            }
            sink.bookDelta(++eventSeq, seq, ts, marketId, taker.side, taker.price, taker.level.total);
        } else {
            if (taker.locked > 0) {
                lock(a, idx, -taker.locked);
                taker.locked = 0;
                balanceEvent(a, idx);
            }
            retire(taker, inMaps);
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
            total = unregister(maker);
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
            free(maker);
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
        lock(o.account, idx, required - o.locked);
        o.locked = required;
        int marketId = o.book.market.id();
        sink.orderAmended(++eventSeq, seq, ts, marketId, o.orderId, o.userId, o.price, remaining, true);
        sink.bookDelta(++eventSeq, seq, ts, marketId, o.side, o.price, o.level.total);
        balanceEvent(o.account, idx);
    }

    /** Removes a resting order: cancelled when reason is null, else expired. */
    private void removeResting(FastOrder o, ExpireReason reason) {
        int marketId = o.book.market.id();
        long total = unregister(o);
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
        free(o);
    }

    private void register(FastBook book, FastOrder o) {
        book.add(o);
        orders.put(o.orderId, o);
        if (o.clientOrderId != 0) {
            o.account.putClientId(o);
        }
    }

    private long unregister(FastOrder o) {
        long total = o.book.remove(o);
        orders.remove(o.orderId);
        if (o.clientOrderId != 0) {
            o.account.removeClientId(o.clientOrderId);
        }
        return total;
    }

    private void retire(FastOrder o, boolean inMaps) {
        if (inMaps) {
            orders.remove(o.orderId);
            if (o.clientOrderId != 0) {
                o.account.removeClientId(o.clientOrderId);
            }
        }
        free(o);
    }

    // ---- plumbing ----

    private FastOrder newOrder() {
        return pooled > 0 ? pool[--pooled] : new FastOrder();
    }

    private void free(FastOrder o) {
        o.clear();
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = o;
    }

    private static void fill(FastOrder o, FastBook book, FastAccount a, long orderId, long clientOrderId, Side side,
                             OrderType type, StpMode stp, long price, long size, long locked, long timestampMs) {
        o.orderId = orderId;
        o.clientOrderId = clientOrderId;
        o.userId = a.userId;
        o.account = a;
        o.book = book;
        o.side = side;
        o.type = type;
        o.stp = stp;
        o.price = price;
        o.size = size;
        o.remaining = size;
        o.locked = locked;
        o.feeCredit = 0;
        o.timestampMs = timestampMs;
    }

    private FastAccount account(long userId) {
        FastAccount a = accounts.get(userId);
        if (a == null) {
            a = new FastAccount(userId, assetIds.length);
            accounts.put(userId, a);
        }
        return a;
    }

    private int assetIdx(int assetId) {
        return assetId >= 0 && assetId <= AssetSpec.MAX_ID ? assetIndex[assetId] : -1;
    }

    private boolean begin(long seq, long timestampMs) {
        if (seq <= lastSeq) {
            return false;
        }
        lastSeq = seq;
        this.seq = seq;
        this.ts = timestampMs;
        return true;
    }

    private ResultCode reject(long seq, long timestampMs, CommandType type, long userId, long orderId,
                              ResultCode code) {
        sink.rejected(++eventSeq, seq, timestampMs, type, userId, orderId, code);
        return code;
    }

    /** Moves amount from a's available to locked (negative: back) and posts it. */
    private void lock(FastAccount a, int idx, long amount) {
        a.available[idx] -= amount;
        a.locked[idx] += amount;
        if (amount > 0) {
            post(idx, AccountKind.AVAILABLE, a.userId, AccountKind.LOCKED, a.userId, amount);
        } else {
            post(idx, AccountKind.LOCKED, a.userId, AccountKind.AVAILABLE, a.userId, -amount);
        }
    }

    private void post(int idx, AccountKind from, long fromUser, AccountKind to, long toUser, long amount) {
        if (amount != 0) {
            sink.posted(++eventSeq, seq, ts, assetIds[idx], from, fromUser, to, toUser, amount);
        }
    }

    private long[] systemArray(AccountKind kind) {
        return switch (kind) {
            case FEES -> fees;
            case RESERVE -> reserve;
            case SETTLEMENT_POOL -> settlementPool;
            default -> throw new IllegalArgumentException("not a system account: " + kind);
        };
    }

    private void balanceEvent(FastAccount a, int idx) {
        sink.balanceChanged(++eventSeq, seq, ts, a.userId, assetIds[idx], a.available[idx], a.locked[idx]);
    }

    // ---- queries ----

    @Override
    public EngineConfig config() {
        return config;
    }

    @Override
    public long lastSequence() {
        return lastSeq;
    }

    @Override
    public long lastEventSequence() {
        return eventSeq;
    }

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
        List<OrderView> out = new ArrayList<>();
        for (FastOrder o : orders.values()) {
            if (o.userId == userId) {
                out.add(o.view());
            }
        }
        out.sort(Comparator.comparingLong(OrderView::orderId));
        return out;
    }

    @Override
    public BalanceView balance(long userId, int assetId) {
        FastAccount a = accounts.get(userId);
        int i = assetIdx(assetId);
        return a == null || i < 0 ? new BalanceView(assetId, 0, 0, 0)
                : new BalanceView(assetId, a.available[i], a.locked[i], a.withdrawing[i]);
    }

    @Override
    public List<BalanceView> balances(long userId) {
        List<BalanceView> out = new ArrayList<>();
        FastAccount a = accounts.get(userId);
        for (int i = 0; a != null && i < assetIds.length; i++) {
            if (!a.empty(i)) {
                out.add(new BalanceView(assetIds[i], a.available[i], a.locked[i], a.withdrawing[i]));
            }
        }
        return out;
    }

    @Override
    public long systemBalance(AccountKind kind, int assetId) {
        long[] values = systemArray(kind);
        int i = assetIdx(assetId);
        return i < 0 ? 0 : values[i];
    }

    @Override
    public WithdrawalView pendingWithdrawal(long withdrawalId) {
        return withdrawals.get(withdrawalId);
    }

    @Override
    public byte[] snapshot() {
        List<FastAccount> accts = new ArrayList<>(accounts.values());
        accts.sort(Comparator.comparingLong(a -> a.userId));
        List<EngineState.Balance> balances = new ArrayList<>();
        for (FastAccount a : accts) {
            for (int i = 0; i < assetIds.length; i++) {
                if (!a.empty(i)) {
                    balances.add(new EngineState.Balance(a.userId, assetIds[i], a.available[i], a.locked[i],
                            a.withdrawing[i]));
                }
            }
        }
        List<EngineState.SystemBalance> system = new ArrayList<>();
        for (int i = 0; i < assetIds.length; i++) {
            for (AccountKind k : SYSTEM_KINDS) {
                long v = systemArray(k)[i];
                if (v != 0) {
                    system.add(new EngineState.SystemBalance(assetIds[i], k, v));
                }
            }
        }
        List<WithdrawalView> pending = new ArrayList<>(withdrawals.values());
        pending.sort(Comparator.comparingLong(WithdrawalView::withdrawalId));
        List<EngineState.Order> list = new ArrayList<>();
        for (FastBook b : books) {
            b.export(list);
        }
        return SnapshotCodec.encode(config, new EngineState(lastSeq, eventSeq, tradeId, balances, system, pending,
                list));
    }

    @Override
    public byte[] stateHash() {
        return SnapshotCodec.sha256(snapshot());
    }
}
