package io.skyx.node.spend;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Fees;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.UxOut;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Skycoin's {@code transaction.Create}: chooses the outputs to spend, gives the receivers their hours (as asked,
 * or a share of what remains after the fee, in proportion to their coins), adds one more input when that saves
 * change hours that would otherwise be burned, and sends the change to the change address. The result is
 * unsigned (null signatures).
 */
public final class TransactionCreator {
    /** Address order of Skycoin's {@code Address.Bytes()}: version, then the 20 key bytes, unsigned. */
    private static final Comparator<Address> ADDRESS_BYTES = Comparator.comparingInt(Address::version)
            .thenComparing((a, b) -> Arrays.compareUnsigned(a.key().bytes(), b.key().bytes()));

    /**
     * @param tx     the unsigned transaction
     * @param inputs its inputs' outputs with their hours at the head time, in input order
     */
    public record Created(Transaction tx, List<UxBalance> inputs) {
    }

    private TransactionCreator() {
    }

    /**
     * @param pool       the outputs that may be spent (unspent, not spent by pending transactions)
     * @param headTime   the head block time the hours are valued at
     * @param burnFactor the user burn factor (Skycoin: 10)
     * @throws SpendException with Skycoin's message when the request is invalid or the pool does not cover it
     */
    public static Created create(SpendRequest req, List<UxOut> pool, long headTime, int burnFactor)
            throws SpendException {
        return create(req, pool, headTime, burnFactor, false);
    }

    private static Created create(SpendRequest req, List<UxOut> pool, long headTime, int burnFactor,
                                  boolean fellBack) throws SpendException {
        req.validate();
        List<UxBalance> balances = new ArrayList<>();
        Set<SHA256> seen = new HashSet<>();
        for (UxOut u : pool) {
            if (!seen.add(u.id())) {
                throw new SpendException("Duplicate UxBalance in array", false);
            }
            balances.add(UxBalance.at(u, headTime));
        }
        long outCoins = 0;
        long askedHours = 0;
        for (TransactionOutput o : req.to()) {
            outCoins = Spends.add(outCoins, o.coins());
            askedHours = Spends.add(askedHours, o.hours());
        }
        List<UxBalance> spends = new ArrayList<>(Spends.choose(balances, outCoins, askedHours, burnFactor));
        long inCoins = 0;
        long inHours = 0;
        for (UxBalance s : spends) {
            inCoins = Spends.add(inCoins, s.coins());
            inHours = Spends.add(inHours, s.hours());
        }
        long fee = Fees.requiredFee(inHours, burnFactor);
        long remaining = inHours - fee;
        List<TransactionOutput> outs = new ArrayList<>(req.to());
        if (req.hoursType().equals(SpendRequest.AUTO)) {
            long allocated = req.shareFactor().orElseThrow().multiply(new BigDecimal(Long.toUnsignedString(remaining)))
                    .toBigInteger().longValueExact();
            long[] hours = proportional(req.to().stream().mapToLong(TransactionOutput::coins).toArray(), allocated);
            for (int i = 0; i < outs.size(); i++) {
                outs.set(i, new TransactionOutput(outs.get(i).address(), outs.get(i).coins(), hours[i]));
            }
        }
        long outHours = 0;
        for (TransactionOutput o : outs) {
            outHours = Spends.add(outHours, o.hours());
        }
        if (Long.compareUnsigned(outHours, remaining) > 0) {
            throw new SpendException("Insufficient coinhours for transaction outputs", true);
        }
        long changeCoins = inCoins - outCoins;
        long changeHours = remaining - outHours;
        if (changeCoins == 0 && changeHours != 0) {
            List<UxBalance> rest = new ArrayList<>(balances);
            rest.removeAll(spends);
            rest.sort(Spends.HOURS_LOW_TO_HIGH);
            if (!rest.isEmpty()) {
                UxBalance extra = rest.getFirst();
                long extraFee = Fees.requiredFee(Spends.add(inHours, extra.hours()), burnFactor) - fee;
                if (Long.compareUnsigned(extraFee, changeHours) < 0) {
                    changeCoins = extra.coins();
                    changeHours = Spends.add(changeHours, extra.hours() - extraFee);
                    spends.add(extra);
                }
            }
        }
        if (changeCoins == 0 && changeHours != 0 && req.hoursType().equals(SpendRequest.AUTO)) {
            if (fellBack || req.shareFactor().orElseThrow().compareTo(BigDecimal.ONE) == 0) {
                throw new SpendException("transaction.Create already fell back to share ratio 1.0", false);
            }
            return create(req.withShareFactor(BigDecimal.ONE), pool, headTime, burnFactor, true);
        }
        if (changeCoins != 0) {
            Address change = req.changeAddress().orElseGet(() -> spends.stream().map(UxBalance::address)
                    .min(ADDRESS_BYTES).orElseThrow());
            outs.add(new TransactionOutput(change, changeCoins, changeHours));
        }
        Transaction tx = Transaction.unsigned(spends.stream().map(UxBalance::hash).toList(), outs);
        return new Created(tx, List.copyOf(spends));
    }

    /**
     * Skycoin's {@code DistributeCoinHoursProportional}: {@code coins[i] × hours / Σcoins} each, rounded down; the
     * hours lost to rounding go first to receivers that got none, then one each from the first.
     */
    static long[] proportional(long[] coins, long hours) throws SpendException {
        BigInteger total = BigInteger.ZERO;
        for (long c : coins) {
            if (c == 0) {
                throw new SpendException("DistributeCoinHoursProportional coins array has a zero value", false);
            }
            total = total.add(new BigInteger(Long.toUnsignedString(c)));
        }
        BigInteger h = new BigInteger(Long.toUnsignedString(hours));
        long[] out = new long[coins.length];
        long assigned = 0;
        for (int i = 0; i < coins.length; i++) {
            out[i] = new BigInteger(Long.toUnsignedString(coins[i])).multiply(h).divide(total).longValue();
            assigned += out[i];
        }
        long left = hours - assigned;
        for (int i = 0; left > 0 && i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = 1;
                left--;
            }
        }
        for (int i = 0; left > 0; i++) {
            out[i]++;
            left--;
        }
        return out;
    }
}
