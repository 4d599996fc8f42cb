package io.skyx.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Balances of the reference engine: user -&gt; asset -&gt; {available, locked, withdrawing}; system accounts
 * asset -&gt; kind -&gt; amount; pending withdrawals by id.
 */
final class RefAccounts {
    private static final int AVAILABLE = 0;
    private static final int LOCKED = 1;
    private static final int WITHDRAWING = 2;

    private final TreeMap<Long, TreeMap<Integer, long[]>> users = new TreeMap<>();
    private final TreeMap<Integer, TreeMap<AccountKind, Long>> system = new TreeMap<>();
    final TreeMap<Long, WithdrawalView> withdrawals = new TreeMap<>();

    private long[] cell(long userId, int assetId) {
        return users.computeIfAbsent(userId, u -> new TreeMap<>()).computeIfAbsent(assetId, a -> new long[3]);
    }

    private long[] peek(long userId, int assetId) {
        TreeMap<Integer, long[]> u = users.get(userId);
        long[] c = u == null ? null : u.get(assetId);
        return c == null ? new long[3] : c;
    }

    long available(long userId, int assetId) {
        return peek(userId, assetId)[AVAILABLE];
    }

    long locked(long userId, int assetId) {
        return peek(userId, assetId)[LOCKED];
    }

    BalanceView view(long userId, int assetId) {
        long[] c = peek(userId, assetId);
        return new BalanceView(assetId, c[AVAILABLE], c[LOCKED], c[WITHDRAWING]);
    }

    long system(AccountKind kind, int assetId) {
        if (!kind.system()) {
            throw new IllegalArgumentException("not a system account: " + kind);
        }
        TreeMap<AccountKind, Long> s = system.get(assetId);
        return s == null ? 0 : s.getOrDefault(kind, 0L);
    }

    void setUser(EngineState.Balance b) {
        long[] c = cell(b.userId(), b.assetId());
        c[AVAILABLE] = b.available();
        c[LOCKED] = b.locked();
        c[WITHDRAWING] = b.withdrawing();
    }

    private void addSystem(AccountKind kind, int assetId, long amount) {
        system.computeIfAbsent(assetId, a -> new TreeMap<>()).merge(kind, amount, Long::sum);
    }

    private void add(AccountKind kind, long userId, int assetId, long amount) {
        switch (kind) {
            case AVAILABLE -> cell(userId, assetId)[AVAILABLE] += amount;
            case LOCKED -> cell(userId, assetId)[LOCKED] += amount;
            case WITHDRAWING -> cell(userId, assetId)[WITHDRAWING] += amount;
            default -> addSystem(kind, assetId, amount);
        }
    }

    /** The one way money moves: from -= amount, to += amount. */
    void move(int assetId, AccountKind from, long fromUser, AccountKind to, long toUser, long amount) {
        add(from, fromUser, assetId, -amount);
        add(to, toUser, assetId, amount);
    }

    void restoreSystem(EngineState.SystemBalance s) {
        addSystem(s.kind(), s.assetId(), s.amount());
    }

    List<BalanceView> balances(long userId) {
        List<BalanceView> out = new ArrayList<>();
        TreeMap<Integer, long[]> u = users.get(userId);
        if (u != null) {
            u.forEach((a, c) -> {
                if (c[AVAILABLE] != 0 || c[LOCKED] != 0 || c[WITHDRAWING] != 0) {
                    out.add(new BalanceView(a, c[AVAILABLE], c[LOCKED], c[WITHDRAWING]));
                }
            });
        }
        return out;
    }

    List<EngineState.Balance> exportBalances() {
        List<EngineState.Balance> out = new ArrayList<>();
        for (Map.Entry<Long, TreeMap<Integer, long[]>> u : users.entrySet()) {
            u.getValue().forEach((a, c) -> {
                if (c[AVAILABLE] != 0 || c[LOCKED] != 0 || c[WITHDRAWING] != 0) {
                    out.add(new EngineState.Balance(u.getKey(), a, c[AVAILABLE], c[LOCKED], c[WITHDRAWING]));
                }
            });
        }
        return out;
    }

    List<EngineState.SystemBalance> exportSystem() {
        List<EngineState.SystemBalance> out = new ArrayList<>();
        system.forEach((a, kinds) -> kinds.entrySet().stream()
                .sorted((x, y) -> Integer.compare(x.getKey().code(), y.getKey().code()))
                .filter(e -> e.getValue() != 0)
                .forEach(e -> out.add(new EngineState.SystemBalance(a, e.getKey(), e.getValue()))));
        return out;
    }
}
