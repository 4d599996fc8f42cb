package io.skyx.engine;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random command streams over two markets and a handful of users, mixing every command and order type,
 * withdrawals (reserved, completed, refunded, duplicate and unknown ids), settlement-pool funding and payouts,
 * self-trades, duplicates and bad input. The same seed gives the same stream.
 */
final class RandomCommands {
    static final EngineConfig CONFIG = new EngineConfig(
            List.of(new AssetSpec(1, "SKY", 6), new AssetSpec(2, "BTC", 8), new AssetSpec(3, "ETH", 8)),
            List.of(new MarketSpec(1, "SKY-BTC", 1, 2, 1_000_000L, 1L, 1L, 0L, 1_000, 2_000),
                    new MarketSpec(2, "ETH-BTC", 3, 2, 1_000L, 7L, 2L, 500L, 0, 2_500)));
    static final int USERS = 6;
    private static final OrderType[] TYPES = OrderType.values();
    private static final StpMode[] STP = StpMode.values();

    private final SplittableRandom rnd;
    private final long[] recentIds = new long[64];
    private final long[] recentOwners = new long[64];
    private final long[] recentWithdrawals = new long[16];
    private long nextOrderId = 1;
    private long nextWithdrawalId = 1;
    private long seq;
    private long ts = 1_700_000_000_000L;

    RandomCommands(long seed) {
        rnd = new SplittableRandom(seed);
    }

    long seq() {
        return seq;
    }

    /** Applies the next random command to every engine given (the same command to each). */
    void next(ExchangeEngine... engines) {
        seq += rnd.nextInt(100) == 0 ? 0 : 1 + (rnd.nextInt(50) == 0 ? 3 : 0);
        ts += rnd.nextInt(3);
        long user = 1 + rnd.nextInt(USERS);
        if (rnd.nextInt(200) == 0) {
            user = rnd.nextBoolean() ? 0 : 99;
        }
        int r = rnd.nextInt(1000);
        if (r < 40) {
            int asset = 1 + rnd.nextInt(rnd.nextInt(50) == 0 ? 4 : 3);
            long amount = rnd.nextInt(30) == 0 ? -5 : 1 + rnd.nextLong(asset == 1 ? 200_000_000L : 2_000_000L);
            for (ExchangeEngine e : engines) {
                e.creditDeposit(seq, ts, user, asset, amount);
            }
        } else if (r < 60) {
            funds(r, user, engines);
        } else if (r < 560) {
            place(user, engines);
        } else if (r < 690) {
            int k = pickSlot(engines[0]);
            long id = recentIds[k];
            user = owner(k, user);
            for (ExchangeEngine e : engines) {
                e.cancelOrder(seq, ts, user, id);
            }
        } else if (r < 700) {
            int market = rnd.nextInt(20) == 0 ? 3 : 1 + rnd.nextInt(2);
            for (ExchangeEngine e : engines) {
                e.cancelAll(seq, ts, user, market);
            }
        } else if (r < 900) {
            int k = pickSlot(engines[0]);
            long id = recentIds[k];
            user = owner(k, user);
            int kind = rnd.nextInt(3);
            long price = kind == 1 ? 0 : price(rnd.nextBoolean());
            long size = kind == 0 ? 0 : size();
            if (rnd.nextInt(100) == 0) {
                price = -1;
            }
            for (ExchangeEngine e : engines) {
                e.amendOrder(seq, ts, user, id, price, size);
            }
        } else {
            int k = pickSlot(engines[0]);
            long id = recentIds[k];
            user = owner(k, user);
            long by = rnd.nextInt(40) == 0 ? 0 : 1 + rnd.nextInt(8);
            for (ExchangeEngine e : engines) {
                e.reduceOrder(seq, ts, user, id, by);
            }
        }
    }

    /** Withdrawals and the settlement pool: 20 in 1000 commands. */
    private void funds(int r, long user, ExchangeEngine... engines) {
        int asset = 1 + rnd.nextInt(rnd.nextInt(50) == 0 ? 4 : 3);
        long amount = rnd.nextInt(30) == 0 ? -rnd.nextInt(2) : 1 + rnd.nextLong(asset == 1 ? 100_000_000L : 1_000_000L);
        if (r < 48) {
            long id = rnd.nextInt(20) == 0 ? pickWithdrawal() : rnd.nextInt(100) == 0 ? 0 : nextWithdrawalId++;
            recentWithdrawals[rnd.nextInt(recentWithdrawals.length)] = id;
            for (ExchangeEngine e : engines) {
                e.reserveWithdrawal(seq, ts, id, user, asset, amount);
            }
        } else if (r < 53) {
            long id = pickWithdrawal();
            for (ExchangeEngine e : engines) {
                e.completeWithdrawal(seq, ts, id);
            }
        } else if (r < 57) {
            long id = pickWithdrawal();
            for (ExchangeEngine e : engines) {
                e.refundWithdrawal(seq, ts, id);
            }
        } else if (r < 58) {
            for (ExchangeEngine e : engines) {
                e.fundSettlementPool(seq, ts, asset, amount);
            }
        } else if (r < 59) {
            for (ExchangeEngine e : engines) {
                e.creditSettlementPayout(seq, ts, user, asset, amount);
            }
        } else {
            for (ExchangeEngine e : engines) {
                e.paySettlementOnChain(seq, ts, asset, amount / 2);
            }
        }
    }

    private long pickWithdrawal() {
        long id = recentWithdrawals[rnd.nextInt(recentWithdrawals.length)];
        return id == 0 || rnd.nextInt(15) == 0 ? nextWithdrawalId + 7 : id;
    }

    private void place(long user, ExchangeEngine... engines) {
        int market = rnd.nextInt(100) == 0 ? 7 : 1 + rnd.nextInt(2);
        Side side = rnd.nextBoolean() ? Side.BID : Side.ASK;
        OrderType type = TYPES[weightedType()];
        StpMode stp = rnd.nextInt(3) == 0 ? STP[rnd.nextInt(STP.length)] : StpMode.NONE;
        long orderId = rnd.nextInt(60) == 0 ? pickId() : nextOrderId++;
        long clientId = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(6) : 0;
        long price = price(side == Side.BID);
        long size = size();
        long budget = 0;
        if (type == OrderType.MARKET) {
            price = 0;
            if (side == Side.BID) {
                size = 0;
                budget = 1 + rnd.nextLong(market == 2 ? 60_000 : 8_000);
            }
        } else if (type == OrderType.FOK_BUDGET) {
            budget = size * (price + rnd.nextInt(21) - 10) * (market == 2 ? 7 : 1);
            price = 0;
        }
        if (rnd.nextInt(100) == 0) {
            price = rnd.nextBoolean() ? -price : price + 1;
        }
        if (price > 0 && rnd.nextInt(150) == 0) {
            // far from the action: makes the fast book grow its price window and, past 2^19 ticks of spread,
            // switch that side to its sorted ladder
            price = side == Side.ASK ? price + (1L << rnd.nextInt(24)) : 1 + rnd.nextInt((int) price);
        }
        if (rnd.nextInt(100) == 0) {
            size = rnd.nextBoolean() ? 0 : 1L << 45;
        }
        for (ExchangeEngine e : engines) {
            e.placeOrder(seq, ts, user, market, orderId, clientId, side, type, price, size, budget, stp);
        }
        if (type.rests() && rnd.nextInt(4) != 0) {
            int k = rnd.nextInt(recentIds.length);
            recentIds[k] = orderId;
            recentOwners[k] = user;
        }
    }

    private int weightedType() {
        int t = rnd.nextInt(100);
        return t < 45 ? 0 : t < 57 ? 1 : t < 65 ? 2 : t < 72 ? 3 : t < 85 ? 4 : 5;
    }

    private long price(boolean bid) {
        return 100 + rnd.nextInt(12) - (bid ? 8 : 0);
    }

    private long size() {
        return 1 + (rnd.nextInt(5) == 0 ? rnd.nextInt(40) : rnd.nextInt(6));
    }

    private long pickId() {
        long id = recentIds[rnd.nextInt(recentIds.length)];
        return id == 0 ? nextOrderId + 1 : id;
    }

    /** A slot of a recent resting order, preferring orders still open (a few tries). */
    private int pickSlot(ExchangeEngine e) {
        int k = rnd.nextInt(recentIds.length);
        for (int tries = 0; tries < 4 && e.order(recentIds[k]) == null; tries++) {
            k = rnd.nextInt(recentIds.length);
        }
        return k;
    }

    private long owner(int k, long user) {
        return recentOwners[k] != 0 && rnd.nextInt(10) != 0 ? recentOwners[k] : user;
    }
}
