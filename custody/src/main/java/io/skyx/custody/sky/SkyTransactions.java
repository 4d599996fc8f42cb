package io.skyx.custody.sky;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.Fees;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.UxOut;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and signs a Skycoin transaction from owned unspent outputs (field-notes §5):
 * <ul>
 * <li>outputs are multiples of 0.001 SKY (1000 droplets; inputs that are not are never spent, so the change is one
 *     too); payments to the same address are merged into one output (Skycoin refuses duplicate outputs);</li>
 * <li>inputs are taken largest first until they cover the coins and leave at least one coin hour per
 *     destination after the burn ({@code ceil(inputHours / burnFactor)}, the node's soft rule);</li>
 * <li>of the hours left after the burn, {@code sharePercent} go to the destinations (all of them when there is no
 *     change), split in proportion to their coins with at least one each; the rest go back with the change.</li>
 * </ul>
 */
public final class SkyTransactions {

    /** On chain, user amounts are multiples of 1000 droplets (MaxDropletPrecision = 3). */
    public static final long DROPLET_STEP = 1000;
    /** Skycoin's MaxTransactionSize. */
    static final long MAX_SIZE = 32768;

    private SkyTransactions() {
    }

    /** An output this wallet can spend and the key that signs for it. */
    public record Spendable(UxOut out, SecKey key) {
    }

    /** The outcome of {@link #build}. */
    public sealed interface Result {
    }

    /** The outcome of {@link #plan}. */
    public sealed interface PlanResult {
    }

    /** A signed transaction. */
    public record Built(Transaction transaction) implements Result {
    }

    /** An unsigned transaction and the outputs it spends, in input order (for an offline signer). */
    public record Plan(List<UxOut> spent, Transaction unsigned) implements PlanResult {
    }

    /** Not enough: {@code spendable} coins available, {@code needed} asked; {@code reason} when it is coin hours. */
    public record Insufficient(long spendable, long needed, String reason) implements Result, PlanResult {
    }

    /**
     * Pays {@code payments} (address → droplets, each a positive multiple of 1000) from {@code candidates}, with the
     * change to {@code change}, evaluating coin hours at the head block time {@code headTime}, and signs it.
     */
    public static Result build(List<Spendable> candidates, Map<Address, Long> payments, Address change, long headTime,
                               int burnFactor, int sharePercent) {
        Map<SHA256, SecKey> keys = new HashMap<>();
        candidates.forEach(c -> keys.put(c.out().id(), c.key()));
        PlanResult r = plan(candidates.stream().map(Spendable::out).toList(), payments, change, headTime, burnFactor,
                sharePercent);
        return switch (r) {
            case Insufficient i -> i;
            case Plan p -> new Built(p.unsigned().sign(p.spent().stream().map(u -> keys.get(u.id())).toList()));
        };
    }

    /** What {@link #build} does, without signing: the inputs' keys are elsewhere (the offline cold wallet). */
    public static PlanResult plan(List<UxOut> candidates, Map<Address, Long> payments, Address change, long headTime,
                                  int burnFactor, int sharePercent) {
        Map<Address, Long> dests = new LinkedHashMap<>(payments);
        long needed = 0;
        for (Map.Entry<Address, Long> e : dests.entrySet()) {
            if (e.getValue() <= 0 || e.getValue() % DROPLET_STEP != 0) {
                throw new IllegalArgumentException("a SKY output must be a positive multiple of 1000 droplets: "
                        + e.getValue());
            }
            needed = Math.addExact(needed, e.getValue());
        }
        List<UxOut> usable = new ArrayList<>();
        long spendable = 0;
        for (UxOut u : candidates) {
            if (u.body().coins() % DROPLET_STEP == 0 && u.coinHours(headTime).ok()) {
                usable.add(u);
                spendable += u.body().coins();
            }
        }
        usable.sort(Comparator.comparingLong((UxOut u) -> u.body().coins()).reversed());
        List<UxOut> picked = new ArrayList<>();
        long coins = 0;
        long hours = 0;
        for (UxOut u : usable) {
            if (coins >= needed && distributable(hours, burnFactor) >= dests.size()) {
                break;
            }
            picked.add(u);
            coins += u.body().coins();
            hours = Math.addExact(hours, u.coinHours(headTime).hours());
        }
        if (coins < needed) {
            return new Insufficient(spendable, needed, null);
        }
        long free = distributable(hours, burnFactor);
        if (free < dests.size()) {
            return new Insufficient(spendable, needed, "coin hours: " + free + " spendable after the burn, "
                    + dests.size() + " needed (one per output)");
        }
        long changeCoins = coins - needed;
        long toDest = changeCoins == 0 ? free : Math.max(dests.size(), mulDiv(free, sharePercent, 100));
        List<TransactionOutput> outs = new ArrayList<>();
        long given = 0;
        for (Map.Entry<Address, Long> e : dests.entrySet()) {
            long h = Math.max(1, mulDiv(toDest, e.getValue(), needed));
            given += h;
            outs.add(new TransactionOutput(e.getKey(), e.getValue(), h));
        }
        if (given > free) {
            return new Insufficient(spendable, needed, "coin hours: " + free + " spendable after the burn, " + given
                    + " needed");
        }
        if (changeCoins > 0) {
            outs.add(new TransactionOutput(change, changeCoins, free - given));
        }
        Transaction t = Transaction.unsigned(picked.stream().map(UxOut::id).toList(), outs);
        if (t.size() > MAX_SIZE) {
            return new Insufficient(spendable, needed, "the transaction would need " + picked.size()
                    + " inputs and exceed " + MAX_SIZE + " bytes; consolidate the hot wallet");
        }
        return new Plan(List.copyOf(picked), t);
    }

    /** The hours that may go to outputs: the input hours less the burn the node requires. */
    static long distributable(long inputHours, int burnFactor) {
        return inputHours - Fees.requiredFee(inputHours, burnFactor);
    }

    private static long mulDiv(long a, long b, long c) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }
}
