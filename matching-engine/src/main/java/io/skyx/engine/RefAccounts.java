package io.skyx.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Balances of the reference engine: user -> asset -> {available, locked}; fee account and supply per asset. */
final class RefAccounts {
    private final TreeMap<Long, TreeMap<Integer, long[]>> users = new TreeMap<>();
    private final TreeMap<Integer, Long> fees = new TreeMap<>();
    private final TreeMap<Integer, Long> supply = new TreeMap<>();

    private long[] cell(long userId, int assetId) {
        return users.computeIfAbsent(userId, u -> new TreeMap<>()).computeIfAbsent(assetId, a -> new long[2]);
    }

    private long[] peek(long userId, int assetId) {
        TreeMap<Integer, long[]> u = users.get(userId);
        long[] c = u == null ? null : u.get(assetId);
        return c == null ? new long[2] : c;
    }

    long available(long userId, int assetId) {
        return peek(userId, assetId)[0];
    }

    long locked(long userId, int assetId) {
        return peek(userId, assetId)[1];
    }

    long supply(int assetId) {
        return supply.getOrDefault(assetId, 0L);
    }

    long fee(int assetId) {
        return fees.getOrDefault(assetId, 0L);
    }

    void set(long userId, int assetId, long available, long locked) {
        long[] c = cell(userId, assetId);
        c[0] = available;
        c[1] = locked;
        supply.merge(assetId, available + locked, Long::sum);
    }

    /** Deposit (amount &gt; 0), withdrawal (amount &lt; 0) or trade proceeds into available. */
    void credit(long userId, int assetId, long amount) {
        cell(userId, assetId)[0] += amount;
    }

    /** Moves amount from available to locked (negative: back). */
    void lock(long userId, int assetId, long amount) {
        long[] c = cell(userId, assetId);
        c[0] -= amount;
        c[1] += amount;
    }

    /** Takes amount out of locked (spent by a trade). */
    void spendLocked(long userId, int assetId, long amount) {
        cell(userId, assetId)[1] -= amount;
    }

    void addFee(int assetId, long amount) {
        fees.merge(assetId, amount, Long::sum);
    }

    void addSupply(int assetId, long amount) {
        supply.merge(assetId, amount, Long::sum);
    }

    List<BalanceView> balances(long userId) {
        List<BalanceView> out = new ArrayList<>();
        TreeMap<Integer, long[]> u = users.get(userId);
        if (u != null) {
            u.forEach((a, c) -> {
                if (c[0] != 0 || c[1] != 0) {
                    out.add(new BalanceView(a, c[0], c[1]));
                }
            });
        }
        return out;
    }

    List<EngineState.Balance> exportBalances() {
        List<EngineState.Balance> out = new ArrayList<>();
        for (Map.Entry<Long, TreeMap<Integer, long[]>> u : users.entrySet()) {
            u.getValue().forEach((a, c) -> {
                if (c[0] != 0 || c[1] != 0) {
                    out.add(new EngineState.Balance(u.getKey(), a, c[0], c[1]));
                }
            });
        }
        return out;
    }

    List<EngineState.Fee> exportFees() {
        List<EngineState.Fee> out = new ArrayList<>();
        fees.forEach((a, v) -> {
            if (v != 0) {
                out.add(new EngineState.Fee(a, v));
            }
        });
        return out;
    }
}
