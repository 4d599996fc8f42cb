package io.skyx.api.sequencer;

import io.skyx.engine.AccountKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which balances a command really moves. Every movement of money is a {@link EngineEvent.Posted} before the
 * {@link EngineEvent.BalanceChanged} that shows it, so a user's available and locked balance of an asset ends a
 * command where it began exactly when that command's postings to and from them sum to zero on each. An IOC order
 * that fills nothing locks and releases the same amount in one command: its balance events show a state that
 * never outlived the command, and a reader that stores or sends balances has nothing to write for them.
 */
public final class BalanceMoves {

    private record Key(long userId, int assetId) {
    }

    private final List<EngineEvent> events;
    private Map<Key, long[]> net;

    private BalanceMoves(List<EngineEvent> events) {
        this.events = events;
    }

    /** One command's events; their postings are summed on the first {@link #moved} question. */
    public static BalanceMoves of(List<EngineEvent> events) {
        return new BalanceMoves(events);
    }

    /** The net postings per user and asset, on available ([0]) and locked ([1]). */
    private Map<Key, long[]> net() {
        if (net == null) {
            net = new HashMap<>();
            for (EngineEvent e : events) {
                if (e instanceof EngineEvent.Posted p) {
                    add(net, p.from(), p.fromUserId(), p.assetId(), -p.amount());
                    add(net, p.to(), p.toUserId(), p.assetId(), p.amount());
                }
            }
        }
        return net;
    }

    private static void add(Map<Key, long[]> net, AccountKind kind, long userId, int assetId, long amount) {
        int slot = kind == AccountKind.AVAILABLE ? 0 : kind == AccountKind.LOCKED ? 1 : -1;
        if (slot >= 0) {
            net.computeIfAbsent(new Key(userId, assetId), k -> new long[2])[slot] += amount;
        }
    }

    /** Whether the command leaves this user's available or locked balance of the asset other than it found it. */
    public boolean moved(long userId, int assetId) {
        long[] n = net().get(new Key(userId, assetId));
        return n != null && (n[0] != 0 || n[1] != 0);
    }
}
