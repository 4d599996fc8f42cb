package io.skyx.api.ledger;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.EngineEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns applied commands into balanced double-entry postings: each user balance change becomes entries on the
 * user's {@code available} and {@code locked} accounts (against the last known balance), fees are credited to the
 * {@code fees} account, and deposits/withdrawals are mirrored on the {@code reserve} account. The entries of
 * every command sum to zero per asset, or posting fails and nothing is returned.
 */
final class LedgerPosting {

    /** An account of a user and an asset. */
    record Key(long userId, int assetId) {
    }

    /** One ledger entry; {@code userId} is null for the fees and reserve accounts. */
    record Entry(long seq, Long userId, String account, int assetId, long amount, String type, long ref,
                 long tsMs) {
    }

    /** The postings of a batch and the accounts it left changed (latest balance and the command that set it). */
    record Posted(List<Entry> entries, Map<Key, long[]> accounts, Map<Key, Long> accountSeqs) {
    }

    private final Map<Key, long[]> balances = new HashMap<>();

    /** Forgets every known balance. */
    void clear() {
        balances.clear();
    }

    /** Sets the last known balance of an account (as stored). */
    void know(long userId, int assetId, long available, long locked) {
        balances.put(new Key(userId, assetId), new long[] {available, locked});
    }

    /** The last known {available, locked} of an account (zeros when unknown). */
    long[] balance(long userId, int assetId) {
        long[] b = balances.get(new Key(userId, assetId));
        return b == null ? new long[2] : b.clone();
    }

    /** Posts a batch; on an unbalanced command throws IllegalStateException and keeps the known balances. */
    Posted post(List<AppliedCommand> batch) {
        Map<Key, long[]> working = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        Map<Key, long[]> touched = new LinkedHashMap<>();
        Map<Key, Long> touchedSeq = new HashMap<>();
        for (AppliedCommand a : batch) {
            int first = entries.size();
            String type = "order";
            long ref = a.seq();
            for (EngineEvent e : a.events()) {
                switch (e) {
                    case EngineEvent.Deposited d -> {
                        type = "deposit";
                        ref = a.seq();
                        entries.add(new Entry(a.seq(), null, "reserve", d.assetId(), -d.amount(), type, ref,
                                a.tsMs()));
                    }
                    case EngineEvent.Withdrawn w -> {
                        type = "withdrawal";
                        ref = a.seq();
                        entries.add(new Entry(a.seq(), null, "reserve", w.assetId(), w.amount(), type, ref,
                                a.tsMs()));
                    }
                    case EngineEvent.Trade t -> {
                        type = "trade";
                        ref = t.tradeId();
                        long fees = Math.addExact(t.makerFee(), t.takerFee());
                        if (fees != 0) {
                            entries.add(new Entry(a.seq(), null, "fees", t.feeAssetId(), fees, "fee", ref, a.tsMs()));
                        }
                    }
                    case EngineEvent.OrderAccepted o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderCancelled o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderExpired o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderAmended o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.BalanceChanged b -> {
                        Key k = new Key(b.userId(), b.assetId());
                        long[] prev = working.computeIfAbsent(k, x -> balance(x.userId(), x.assetId()));
                        long dAvail = Math.subtractExact(b.available(), prev[0]);
                        long dLocked = Math.subtractExact(b.locked(), prev[1]);
                        if (dAvail != 0) {
                            entries.add(new Entry(a.seq(), b.userId(), "available", b.assetId(), dAvail, type, ref,
                                    a.tsMs()));
                        }
                        if (dLocked != 0) {
                            entries.add(new Entry(a.seq(), b.userId(), "locked", b.assetId(), dLocked, type, ref,
                                    a.tsMs()));
                        }
                        prev[0] = b.available();
                        prev[1] = b.locked();
                        touched.put(k, prev);
                        touchedSeq.put(k, a.seq());
                    }
                    case EngineEvent.Rejected r -> {
                        // a refused command moves nothing
                    }
                    case EngineEvent.BookDelta d -> {
                        // the book is not money
                    }
                    case EngineEvent.Posted p -> {
                        // this ledger is still derived from the events above (postings: issue 8, core)
                    }
                }
            }
            checkBalanced(a.seq(), entries.subList(first, entries.size()));
        }
        touched.forEach((k, v) -> balances.put(k, v.clone()));
        return new Posted(entries, touched, touchedSeq);
    }

    private static void checkBalanced(long seq, List<Entry> entries) {
        Map<Integer, Long> sums = new HashMap<>();
        for (Entry e : entries) {
            sums.merge(e.assetId(), e.amount(), Math::addExact);
        }
        sums.forEach((asset, sum) -> {
            if (sum != 0) {
                throw new IllegalStateException("ledger entries of command " + seq + " do not balance for asset "
                        + asset + ": " + sum);
            }
        });
    }
}
