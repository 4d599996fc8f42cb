package io.skyx.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test sink that rebuilds, from events alone, the L3 book, the L2 book and a double-entry ledger (from the
 * {@code posted} events only), and checks trade-level rules as events arrive. {@link #endCommand(ExchangeEngine)} checks the rebuilt state against the
 * engine after each command. Failures throw AssertionError with a description.
 */
final class InvariantSink implements EventSink {
    private final EngineConfig config;
    private final Map<Long, Ord> l3 = new HashMap<>();
    private final Map<String, Long> l2 = new TreeMap<>();
    /** "kind/user/asset" -&gt; balance, rebuilt from postings only. */
    private final Map<String, Long> ledger = new HashMap<>();
    private final Map<Integer, Long> tradeFees = new HashMap<>();
    private final Map<String, long[]> lastBalance = new HashMap<>();
    private Ord pending;
    private long pendingFilled;
    private boolean pendingEnded;
    long trades;
    long stpExpiries;

    InvariantSink(EngineConfig config) {
        this.config = config;
    }

    private static final class Ord {
        long id;
        long user;
        int market;
        Side side;
        OrderType type;
        StpMode stp;
        long price;
        long remaining;
        long size;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static String key(AccountKind kind, long user, int asset) {
        return kind + "/" + user + "/" + asset;
    }

    private long ledger(AccountKind kind, long user, int asset) {
        return ledger.getOrDefault(key(kind, user, asset), 0L);
    }

    @Override
    public void posted(long eventSeq, long commandSeq, long ts, int assetId, AccountKind from, long fromUserId,
                       AccountKind to, long toUserId, long amount) {
        check(amount > 0, "posting of a non-positive amount " + amount);
        check(from.system() == (fromUserId == 0) && to.system() == (toUserId == 0), "posting's user ids");
        check(config.asset(assetId) != null, "posting of an unknown asset");
        ledger.merge(key(from, fromUserId, assetId), -amount, Math::addExact);
        ledger.merge(key(to, toUserId, assetId), amount, Math::addExact);
    }

    @Override
    public void orderAccepted(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long clientOrderId,
                              long userId, Side side, OrderType type, StpMode stp, long price, long size,
                              long quoteBudget) {
        Ord o = new Ord();
        o.id = orderId;
        o.user = userId;
        o.market = marketId;
        o.side = side;
        o.type = type;
        o.stp = stp;
        o.price = price;
        o.size = size;
        o.remaining = type == OrderType.MARKET && side == Side.BID ? Long.MAX_VALUE : size;
        pending = o;
        pendingFilled = 0;
        pendingEnded = false;
    }

    @Override
    public void trade(long eventSeq, long commandSeq, long ts, int marketId, long tradeId, long makerOrderId,
                      long makerUserId, long takerOrderId, long takerUserId, Side takerSide, long price, long size,
                      long notional, long makerFee, long takerFee, int feeAssetId, long makerRemaining,
                      long takerRemaining) {
        trades++;
        MarketSpec m = config.market(marketId);
        Ord maker = l3.get(makerOrderId);
        check(maker != null, "trade with an unknown maker " + makerOrderId);
        check(pending != null && pending.id == takerOrderId, "trade without its taker");
        check(maker.price == price, "fill not at the maker's price: " + price + " vs " + maker.price);
        check(maker.side != takerSide && maker.user == makerUserId && pending.user == takerUserId, "trade parties");
        check(pending.type != OrderType.POST_ONLY, "a post-only order took liquidity");
        check(pending.stp == StpMode.NONE || makerUserId != takerUserId, "self-trade despite " + pending.stp);
        if (pending.type != OrderType.MARKET && pending.type != OrderType.FOK_BUDGET) {
            check(takerSide == Side.BID ? price <= pending.price : price >= pending.price, "fill beyond the limit");
        }
        check(notional == price * size * m.quoteTickUnits(), "notional");
        check(size >= 1 && maker.remaining - size == makerRemaining, "maker remaining");
        maker.remaining = makerRemaining;
        if (makerRemaining == 0) {
            l3.remove(makerOrderId);
        }
        if (pending.remaining != Long.MAX_VALUE) {
            check(pending.remaining - size == takerRemaining, "taker remaining");
            pending.remaining = takerRemaining;
        }
        pendingFilled += size;
        long base = size * m.baseLotUnits();
        long buyer = takerSide == Side.BID ? takerUserId : makerUserId;
        long seller = takerSide == Side.BID ? makerUserId : takerUserId;
        long buyerFee = takerSide == Side.BID ? takerFee : makerFee;
        long sellerFee = takerSide == Side.BID ? makerFee : takerFee;
        check(makerFee >= 0 && takerFee >= 0 && sellerFee <= notional, "fee range");
        check(feeAssetId == m.quoteAsset(), "fee asset");
        check(base > 0 && buyer > 0 && seller > 0 && buyerFee >= 0, "trade amounts");
        tradeFees.merge(m.quoteAsset(), makerFee + takerFee, Long::sum);
    }

    @Override
    public void orderCancelled(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                               long remaining) {
        Ord o = l3.remove(orderId);
        check(o != null && o.remaining == remaining, "cancel of an order not on the rebuilt book: " + orderId);
    }

    @Override
    public void orderExpired(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long remaining, ExpireReason reason) {
        if (reason == ExpireReason.SELF_TRADE_PREVENTION) {
            stpExpiries++;
        }
        if (pending != null && pending.id == orderId && !l3.containsKey(orderId)) {
            pendingEnded = true;
            return;
        }
        Ord o = l3.remove(orderId);
        check(o != null && o.remaining == remaining, "expiry of an order not on the rebuilt book: " + orderId);
        check(reason == ExpireReason.SELF_TRADE_PREVENTION, "a resting order expired other than by STP");
    }

    @Override
    public void orderAmended(long eventSeq, long commandSeq, long ts, int marketId, long orderId, long userId,
                             long newPrice, long newRemaining, boolean keptPriority) {
        Ord o = l3.get(orderId);
        check(o != null, "amend of an order not on the rebuilt book");
        if (keptPriority) {
            check(newPrice == o.price && newRemaining < o.remaining, "kept priority without reducing");
            o.remaining = newRemaining;
        } else {
            l3.remove(orderId);
            o.price = newPrice;
            o.remaining = newRemaining;
            pending = o;
            pendingFilled = 0;
            pendingEnded = false;
        }
    }

    @Override
    public void bookDelta(long eventSeq, long commandSeq, long ts, int marketId, Side side, long price,
                          long newLevelSize) {
        String key = marketId + "/" + side + "/" + price;
        if (newLevelSize == 0) {
            l2.remove(key);
        } else {
            l2.put(key, newLevelSize);
        }
    }

    @Override
    public void balanceChanged(long eventSeq, long commandSeq, long ts, long userId, int assetId, long available,
                               long locked) {
        check(available >= 0 && locked >= 0, "negative balance " + userId + "/" + assetId);
        lastBalance.put(userId + "/" + assetId, new long[] {available, locked});
    }

    /**
     * Per asset all accounts sum to zero; the ledger rebuilt from postings equals every user's and system
     * balance of the engine; -RESERVE equals what users hold (available + locked + withdrawing) plus FEES and
     * SETTLEMENT_POOL; the fee account equals the fees of the trade events; balance events agree.
     */
    private void checkLedger(ExchangeEngine e) {
        for (AssetSpec a : config.assets()) {
            long sum = 0;
            long users = 0;
            for (Map.Entry<String, Long> en : ledger.entrySet()) {
                String[] k = en.getKey().split("/");
                if (Integer.parseInt(k[2]) == a.id()) {
                    sum = Math.addExact(sum, en.getValue());
                    users += AccountKind.valueOf(k[0]).system() ? 0 : en.getValue();
                }
            }
            check(sum == 0, "ledger of asset " + a.id() + " does not sum to zero: " + sum);
            long fees = e.systemBalance(AccountKind.FEES, a.id());
            long reserve = e.systemBalance(AccountKind.RESERVE, a.id());
            long pool = e.systemBalance(AccountKind.SETTLEMENT_POOL, a.id());
            check(ledger(AccountKind.FEES, 0, a.id()) == fees, "fee account vs postings");
            check(ledger(AccountKind.RESERVE, 0, a.id()) == reserve, "reserve vs postings");
            check(ledger(AccountKind.SETTLEMENT_POOL, 0, a.id()) == pool, "pool vs postings");
            check(tradeFees.getOrDefault(a.id(), 0L) == fees, "fee account vs the fees of trade events");
            check(reserve <= 0 && fees >= 0 && pool >= 0, "system balance signs");
            long owed = 0;
            for (long user = 0; user <= 99; user++) {
                BalanceView v = e.balance(user, a.id());
                check(v.available() == ledger(AccountKind.AVAILABLE, user, a.id())
                        && v.locked() == ledger(AccountKind.LOCKED, user, a.id())
                        && v.withdrawing() == ledger(AccountKind.WITHDRAWING, user, a.id()),
                        "engine balance " + user + "/" + a.id() + " " + v + " differs from the postings");
                owed += v.available() + v.locked() + v.withdrawing();
            }
            check(owed == users, "users' balances outside the ids checked");
            check(-reserve == owed + fees + pool, "-RESERVE differs from users + FEES + SETTLEMENT_POOL");
        }
        for (Map.Entry<String, long[]> en : lastBalance.entrySet()) {
            String[] k = en.getKey().split("/");
            long user = Long.parseLong(k[0]);
            int asset = Integer.parseInt(k[1]);
            check(ledger(AccountKind.AVAILABLE, user, asset) == en.getValue()[0]
                    && ledger(AccountKind.LOCKED, user, asset) == en.getValue()[1], "ledger vs balance event");
        }
    }

    /** Finishes a command: rests the taker if it should, then compares everything with the engine. */
    void endCommand(ExchangeEngine e) {
        if (pending != null) {
            if ((pending.type == OrderType.FOK || pending.type == OrderType.FOK_BUDGET)) {
                check(pendingFilled == pending.size, "FOK filled " + pendingFilled + " of " + pending.size);
            }
            if (!pendingEnded && pending.type.rests() && pending.remaining > 0) {
                l3.put(pending.id, pending);
            }
            pending = null;
        }
        for (MarketSpec m : config.markets()) {
            L2Book b = e.l2Book(m.id(), Integer.MAX_VALUE);
            check(b.bidPrices().length == 0 || b.askPrices().length == 0
                    || b.bidPrices()[0] < b.askPrices()[0], "crossed book at rest: " + b);
            Map<String, Long> fromL3 = new TreeMap<>();
            for (Ord o : l3.values()) {
                if (o.market == m.id()) {
                    fromL3.merge(m.id() + "/" + o.side + "/" + o.price, o.remaining, Long::sum);
                }
            }
            Map<String, Long> fromEngine = new TreeMap<>();
            long[] bp = b.bidPrices();
            long[] bs = b.bidSizes();
            for (int i = 0; i < bp.length; i++) {
                fromEngine.put(m.id() + "/BID/" + bp[i], bs[i]);
            }
            long[] ap = b.askPrices();
            long[] as = b.askSizes();
            for (int i = 0; i < ap.length; i++) {
                fromEngine.put(m.id() + "/ASK/" + ap[i], as[i]);
            }
            Map<String, Long> fromDeltas = new TreeMap<>(l2);
            fromDeltas.keySet().removeIf(k -> !k.startsWith(m.id() + "/"));
            check(fromEngine.equals(fromL3), "L3 rebuilt from events differs from the book");
            check(fromEngine.equals(fromDeltas), "L2 rebuilt from deltas differs from the book");
        }
        checkLedger(e);
        for (long user : List.of(1L, 2L, 3L, 4L, 5L, 6L)) {
            Map<Integer, Long> locks = new HashMap<>();
            for (OrderView o : e.openOrders(user)) {
                Ord r = l3.get(o.orderId());
                check(r != null && r.remaining == o.remaining() && r.price == o.price(), "open order " + o);
                MarketSpec m = config.market(o.marketId());
                locks.merge(o.side() == Side.BID ? m.quoteAsset() : m.baseAsset(), o.locked(), Long::sum);
            }
            for (AssetSpec a : config.assets()) {
                check(e.balance(user, a.id()).locked() == locks.getOrDefault(a.id(), 0L),
                        "user " + user + " locks differ from the sum of the orders' locks");
            }
        }
    }
}
