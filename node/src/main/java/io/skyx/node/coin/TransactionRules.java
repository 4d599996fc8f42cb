package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Skycoin's transaction rules (skycoin-protocol.md §7.4), each failure reported as its own {@link TxnResult}. The
 * caller looks the inputs up in the unspent set ({@link TxnResult#INPUT_NOT_UNSPENT} if one is missing) and passes
 * them in input order; {@code headTime} is the time of the head block (for a block's transactions: its parent).
 */
public final class TransactionRules {
    /** Largest count of signatures, inputs or outputs. */
    public static final int MAX_COUNT = 65535;

    /**
     * Parameters of the soft rules.
     *
     * @param burnFactor          at least {@code ceil(inputHours / burnFactor)} hours must be burned
     * @param maxTransactionSize  largest serialized size in bytes
     * @param maxDropletPrecision most decimals of SKY an output may have (0..6)
     * @param lockedAddresses     inputs owned by these addresses make a transaction locked
     */
    public record SoftParams(int burnFactor, long maxTransactionSize, int maxDropletPrecision,
            Set<Address> lockedAddresses) {
        /** Mainnet defaults: burn factor 10, 32768 bytes, 3 decimals; no locked addresses configured. */
        public static final SoftParams DEFAULTS = new SoftParams(Fees.DEFAULT_BURN_FACTOR, 32768, 3, Set.of());

        public SoftParams {
            if (burnFactor < Fees.MIN_BURN_FACTOR) {
                throw new IllegalArgumentException("burn factor must be >= " + Fees.MIN_BURN_FACTOR);
            }
            if (maxTransactionSize < 1024) {
                throw new IllegalArgumentException("max transaction size must be >= 1024");
            }
            if (maxDropletPrecision < 0 || maxDropletPrecision > 6) {
                throw new IllegalArgumentException("max droplet precision must be 0..6");
            }
            lockedAddresses = Set.copyOf(lockedAddresses);
        }
    }

    /**
     * A fee computation.
     *
     * @param status {@link TxnResult#OK} or why the fee cannot be computed
     * @param fee    input hours minus output hours (unsigned) when OK
     */
    public record Fee(TxnResult status, long fee) {
    }

    private TransactionRules() {
    }

    /** Skycoin's {@code Transaction.Verify}: well-formedness and signatures that recover, without the inputs. */
    public static TxnResult verifyStructure(Transaction t) {
        return structure(t, new PubKey[t.sigs().size()]);
    }

    /** {@link #verifyStructure}, keeping the key recovered from each signature in {@code recovered}. */
    private static TxnResult structure(Transaction t, PubKey[] recovered) {
        if (t.inputs().isEmpty()) {
            return TxnResult.NO_INPUTS;
        }
        if (t.outputs().isEmpty()) {
            return TxnResult.NO_OUTPUTS;
        }
        if (t.sigs().size() != t.inputs().size()) {
            return TxnResult.SIGNATURE_COUNT_MISMATCH;
        }
        if (t.sigs().size() > MAX_COUNT) {
            return TxnResult.TOO_MANY_INPUTS;
        }
        if (t.outputs().size() > MAX_COUNT) {
            return TxnResult.TOO_MANY_OUTPUTS;
        }
        if (new HashSet<>(t.inputs()).size() != t.inputs().size()) {
            return TxnResult.DUPLICATE_INPUT;
        }
        if (t.type() != 0) {
            return TxnResult.INVALID_TYPE;
        }
        if (t.length() != t.size()) {
            return TxnResult.LENGTH_MISMATCH;
        }
        Set<SHA256> ids = new HashSet<>();
        for (int i = 0; i < t.outputs().size(); i++) {
            if (!ids.add(t.outputId(i))) {
                return TxnResult.DUPLICATE_OUTPUT;
            }
        }
        for (int i = 0; i < t.sigs().size(); i++) {
            Sig sig = t.sigs().get(i);
            if (sig.isNull()) {
                return TxnResult.NULL_SIGNATURE;
            }
            recovered[i] = SigCheck.recoverValid(sig, t.signingHash(i));
            if (recovered[i] == null) {
                return TxnResult.INVALID_SIGNATURE;
            }
        }
        long coins = 0;
        for (TransactionOutput o : t.outputs()) {
            if (o.coins() == 0) {
                return TxnResult.ZERO_COIN_OUTPUT;
            }
        }
        for (TransactionOutput o : t.outputs()) {
            if (U64.addOverflows(coins, o.coins())) {
                return TxnResult.OUTPUT_COINS_OVERFLOW;
            }
            coins += o.coins();
        }
        if (!t.computeInnerHash().equals(t.innerHash())) {
            return TxnResult.INNER_HASH_MISMATCH;
        }
        return TxnResult.OK;
    }

    /** Each signature must be by the owner of the output it spends ({@code VerifyAddressSignedHash}). */
    public static TxnResult verifyInputSignatures(Transaction t, List<UxOut> uxIn) {
        checkAligned(t, uxIn);
        for (int i = 0; i < t.inputs().size(); i++) {
            VerifyResult r = Cipher.verifyAddressSignedHash(uxIn.get(i).body().address(), t.sigs().get(i),
                    t.signingHash(i));
            if (!r.ok()) {
                return TxnResult.SIGNATURE_NOT_FOR_INPUT;
            }
        }
        return TxnResult.OK;
    }

    private static TxnResult inputOwners(Transaction t, List<UxOut> uxIn, PubKey[] recovered) {
        checkAligned(t, uxIn);
        for (int i = 0; i < recovered.length; i++) {
            if (!Address.fromPubKey(recovered[i]).equals(uxIn.get(i).body().address())) {
                return TxnResult.SIGNATURE_NOT_FOR_INPUT;
            }
        }
        return TxnResult.OK;
    }

    /** Coins are neither created nor destroyed. */
    public static TxnResult verifyCoins(Transaction t, List<UxOut> uxIn) {
        long in = 0;
        for (UxOut ux : uxIn) {
            if (U64.addOverflows(in, ux.body().coins())) {
                return TxnResult.INPUT_COINS_OVERFLOW;
            }
            in += ux.body().coins();
        }
        long out = 0;
        for (TransactionOutput o : t.outputs()) {
            if (U64.addOverflows(out, o.coins())) {
                return TxnResult.OUTPUT_COINS_OVERFLOW;
            }
            out += o.coins();
        }
        if (U64.lessThan(in, out)) {
            return TxnResult.INSUFFICIENT_COINS;
        }
        if (in != out) {
            return TxnResult.COINS_DESTROYED;
        }
        return TxnResult.OK;
    }

    /**
     * Output hours do not exceed input hours at {@code headTime}. An input whose earned hours overflow when added
     * to its base hours counts as 0 (mainnet block 13277); output hours are summed without an overflow check, as
     * Skycoin does for blocks.
     */
    public static TxnResult verifyHours(Transaction t, long headTime, List<UxOut> uxIn) {
        long in = 0;
        for (UxOut ux : uxIn) {
            CoinHours.Result r = ux.coinHours(headTime);
            long hours;
            if (r.ok()) {
                hours = r.hours();
            } else if (r.status() == CoinHours.Status.EARNED_ADDITION_OVERFLOW) {
                hours = 0;
            } else {
                return TxnResult.INPUT_HOURS_CALCULATION_OVERFLOW;
            }
            if (U64.addOverflows(in, hours)) {
                return TxnResult.INPUT_HOURS_OVERFLOW;
            }
            in += hours;
        }
        long out = 0;
        for (TransactionOutput o : t.outputs()) {
            out += o.hours();
        }
        return U64.lessThan(in, out) ? TxnResult.INSUFFICIENT_HOURS : TxnResult.OK;
    }

    /** The hard rules for a transaction inside a block ({@code VerifyBlockTxnConstraints}). */
    public static TxnResult verifyBlockTransaction(Transaction t, long headTime, List<UxOut> uxIn) {
        PubKey[] recovered = new PubKey[t.sigs().size()];
        TxnResult r = structure(t, recovered);
        if (r.ok()) {
            r = inputOwners(t, uxIn, recovered);
        }
        if (r.ok()) {
            r = verifyCoins(t, uxIn);
        }
        if (r.ok()) {
            r = verifyHours(t, headTime, uxIn);
        }
        return r;
    }

    /**
     * The hard rules for a single transaction from the network or a user ({@code VerifySingleTxnHardConstraints}):
     * the block rules plus no output-hours overflow and no input coin-hours overflow of any kind.
     */
    public static TxnResult verifySingleTransaction(Transaction t, long headTime, List<UxOut> uxIn) {
        long out = 0;
        for (TransactionOutput o : t.outputs()) {
            if (U64.addOverflows(out, o.hours())) {
                return TxnResult.OUTPUT_HOURS_OVERFLOW;
            }
            out += o.hours();
        }
        for (UxOut ux : uxIn) {
            if (!ux.coinHours(headTime).ok()) {
                return TxnResult.INPUT_HOURS_CALCULATION_OVERFLOW;
            }
        }
        return verifyBlockTransaction(t, headTime, uxIn);
    }

    /** The fee: input hours at {@code headTime} minus output hours. */
    public static Fee fee(Transaction t, long headTime, List<UxOut> uxIn) {
        long in = 0;
        for (UxOut ux : uxIn) {
            CoinHours.Result r = ux.coinHours(headTime);
            if (!r.ok()) {
                return new Fee(TxnResult.INPUT_HOURS_CALCULATION_OVERFLOW, 0);
            }
            if (U64.addOverflows(in, r.hours())) {
                return new Fee(TxnResult.INPUT_HOURS_OVERFLOW, 0);
            }
            in += r.hours();
        }
        long out = 0;
        for (TransactionOutput o : t.outputs()) {
            if (U64.addOverflows(out, o.hours())) {
                return new Fee(TxnResult.OUTPUT_HOURS_OVERFLOW, 0);
            }
            out += o.hours();
        }
        if (U64.lessThan(in, out)) {
            return new Fee(TxnResult.INSUFFICIENT_HOURS, 0);
        }
        return new Fee(TxnResult.OK, in - out);
    }

    /** The soft rules: size, fee against the burn factor, locked inputs, decimal places. */
    public static TxnResult verifySoft(Transaction t, long headTime, List<UxOut> uxIn, SoftParams params) {
        if (t.size() > params.maxTransactionSize()) {
            return TxnResult.TOO_LARGE;
        }
        Fee fee = fee(t, headTime, uxIn);
        if (!fee.status().ok()) {
            return fee.status();
        }
        long outHours = 0;
        for (TransactionOutput o : t.outputs()) {
            outHours += o.hours();
        }
        TxnResult feeCheck = Fees.checkFee(outHours, fee.fee(), params.burnFactor());
        if (!feeCheck.ok()) {
            return feeCheck;
        }
        for (UxOut ux : uxIn) {
            if (params.lockedAddresses().contains(ux.body().address())) {
                return TxnResult.LOCKED_INPUT;
            }
        }
        long unit = 1;
        for (int i = params.maxDropletPrecision(); i < 6; i++) {
            unit *= 10;
        }
        for (TransactionOutput o : t.outputs()) {
            if (Long.remainderUnsigned(o.coins(), unit) != 0) {
                return TxnResult.TOO_MANY_DECIMALS;
            }
        }
        return TxnResult.OK;
    }

    /** The user rule: no output to the null address. */
    public static TxnResult verifyUser(Transaction t) {
        for (TransactionOutput o : t.outputs()) {
            if (o.address().isNull()) {
                return TxnResult.NULL_ADDRESS_OUTPUT;
            }
        }
        return TxnResult.OK;
    }

    private static void checkAligned(Transaction t, List<UxOut> uxIn) {
        Objects.requireNonNull(uxIn, "uxIn");
        if (uxIn.size() != t.inputs().size() || t.sigs().size() != t.inputs().size()) {
            throw new IllegalArgumentException("uxIn must hold one unspent per input, in order");
        }
    }
}
