package io.skyx.node.pool;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Transaction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The unconfirmed transaction pool: admits transactions that pass the hard and soft rules against the current
 * head, re-validates them whenever a block arrives (dropping the ones the block confirmed and the ones it made
 * invalid), evicts the oldest beyond a size limit, and hands out block candidates ordered as Skycoin's block
 * publisher orders them.
 */
public final class UnconfirmedPool {

    /** The outcome of checking a transaction against the current head. */
    public record Check(boolean valid, String reason, long fee) {
        public static Check ok(long fee) {
            return new Check(true, "", fee);
        }

        public static Check invalid(String reason) {
            return new Check(false, reason, 0);
        }
    }

    /** The outcome of offering a transaction. */
    public enum Admission { ADDED, ALREADY_KNOWN, REJECTED }

    /** Admission plus the reason for a rejection. */
    public record Offer(Admission admission, String reason) {
    }

    private final Map<SHA256, PoolEntry> entries = new LinkedHashMap<>();
    private final Function<Transaction, Check> checker;
    private final Clock clock;
    private final int maxEntries;

    /**
     * @param checker    hard + soft rules against the current head (fee at head time)
     * @param clock      for the received/checked stamps
     * @param maxEntries the pool holds at most this many transactions, evicting the oldest
     */
    public UnconfirmedPool(Function<Transaction, Check> checker, Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("pool size must be positive");
        }
        this.checker = checker;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** Offers a transaction; invalid ones change nothing. */
    public synchronized Offer offer(Transaction t) {
        return offer(t, null);
    }

    /**
     * Offers a transaction first received at {@code received} (a restart re-offering a persisted transaction
     * keeps its original time); null means now.
     */
    public synchronized Offer offer(Transaction t, Instant received) {
        SHA256 id = t.txid();
        if (entries.containsKey(id)) {
            return new Offer(Admission.ALREADY_KNOWN, "");
        }
        Check c = checker.apply(t);
        if (!c.valid()) {
            return new Offer(Admission.REJECTED, c.reason());
        }
        if (spendsPooledInput(t)) {
            return new Offer(Admission.REJECTED, "an input is already spent by a pooled transaction");
        }
        Instant now = clock.instant();
        entries.put(id, new PoolEntry(t, received == null ? now : received, now, Optional.empty(), true, c.fee()));
        while (entries.size() > maxEntries) {
            entries.remove(entries.keySet().iterator().next());
        }
        return new Offer(Admission.ADDED, "");
    }

    private boolean spendsPooledInput(Transaction t) {
        for (PoolEntry e : entries.values()) {
            for (SHA256 in : e.transaction().inputs()) {
                if (t.inputs().contains(in)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * After a new block: drops transactions it confirmed and re-checks the rest, dropping those that became
     * invalid (for example, their inputs were spent by another transaction).
     */
    public synchronized void onBlock(Set<SHA256> confirmedTxids) {
        entries.keySet().removeAll(confirmedTxids);
        Instant now = clock.instant();
        List<SHA256> drop = new ArrayList<>();
        for (Map.Entry<SHA256, PoolEntry> e : entries.entrySet()) {
            Check c = checker.apply(e.getValue().transaction());
            if (!c.valid()) {
                drop.add(e.getKey());
            } else {
                PoolEntry p = e.getValue();
                e.setValue(new PoolEntry(p.transaction(), p.received(), now, p.announced(), true, c.fee()));
            }
        }
        drop.forEach(entries::remove);
    }

    /** Records that these transactions were announced to peers now. */
    public synchronized void markAnnounced(List<SHA256> txids) {
        Instant now = clock.instant();
        for (SHA256 id : txids) {
            entries.computeIfPresent(id, (k, p) -> new PoolEntry(p.transaction(), p.received(), p.checked(),
                    Optional.of(now), p.valid(), p.fee()));
        }
    }

    public synchronized Optional<PoolEntry> get(SHA256 txid) {
        return Optional.ofNullable(entries.get(txid));
    }

    public synchronized boolean contains(SHA256 txid) {
        return entries.containsKey(txid);
    }

    /** @return all entries, oldest first */
    public synchronized List<PoolEntry> all() {
        return List.copyOf(entries.values());
    }

    public synchronized int size() {
        return entries.size();
    }

    /**
     * @return transactions for the next block: ordered by fee per KB descending, then txid ascending, taken while
     *         their total size stays within {@code maxBlockBytes}, with no two spending the same input
     */
    public synchronized List<Transaction> blockCandidates(long maxBlockBytes) {
        List<PoolEntry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing(PoolEntry::feePerKb).reversed()
                .thenComparing(e -> e.transaction().txid().toString()));
        List<Transaction> out = new ArrayList<>();
        java.util.Set<SHA256> spent = new java.util.HashSet<>();
        long total = 0;
        for (PoolEntry e : sorted) {
            Transaction t = e.transaction();
            if (total + t.size() > maxBlockBytes) {
                break;
            }
            if (t.inputs().stream().anyMatch(spent::contains)) {
                continue;
            }
            spent.addAll(t.inputs());
            out.add(t);
            total += t.size();
        }
        return out;
    }
}
