package io.skyx.node.coin;

import static io.skyx.node.coin.TxnFixtures.address;
import static io.skyx.node.coin.TxnFixtures.key;
import static io.skyx.node.coin.TxnFixtures.out;
import static io.skyx.node.coin.TxnFixtures.spend;
import static io.skyx.node.coin.TxnFixtures.unspent;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per transaction rule: a transaction that breaks exactly that rule gets exactly that result. */
class TransactionRulesTest {
    private static final long T0 = 1_500_000_000L;
    private static final long HEAD = T0 + 36_000L; // ten hours later
    private static final long MAX = -1L;           // 2^64 - 1
    private static final SecKey ALICE = key("alice");
    private static final SecKey BOB = key("bob");
    private static final UxOut IN = unspent(ALICE, 10_000_000L, 100L, T0, "src-1"); // 10 SKY: 100 + 100 hours

    private static Transaction valid() {
        return spend(List.of(IN), ALICE, List.of(out(BOB, 6_000_000L, 50L), out(ALICE, 4_000_000L, 50L)));
    }

    private static Transaction with(Transaction t, long length, int type, SHA256 inner, List<Sig> sigs,
            List<SHA256> inputs, List<TransactionOutput> outputs) {
        return new Transaction(length, type, inner, sigs, inputs, outputs);
    }

    private static TxnResult block(Transaction t, List<UxOut> in) {
        return TransactionRules.verifyBlockTransaction(t, HEAD, in);
    }

    @Test
    void aValidTransactionPassesEveryRule() {
        Transaction t = valid();
        assertThat(block(t, List.of(IN))).isEqualTo(TxnResult.OK);
        assertThat(TransactionRules.verifySingleTransaction(t, HEAD, List.of(IN))).isEqualTo(TxnResult.OK);
        assertThat(TransactionRules.verifySoft(t, HEAD, List.of(IN), TransactionRules.SoftParams.DEFAULTS))
                .isEqualTo(TxnResult.OK);
        assertThat(TransactionRules.verifyUser(t)).isEqualTo(TxnResult.OK);
        assertThat(TransactionRules.verifyInputSignatures(t, List.of(IN))).isEqualTo(TxnResult.OK);
        assertThat(TransactionRules.fee(t, HEAD, List.of(IN))).isEqualTo(new TransactionRules.Fee(TxnResult.OK, 100));
    }

    @Test
    void structureRules() {
        Transaction t = valid();
        assertThat(TransactionRules.verifyStructure(with(t, t.length(), 0, t.innerHash(), List.of(), List.of(),
                t.outputs()))).isEqualTo(TxnResult.NO_INPUTS);
        assertThat(TransactionRules.verifyStructure(with(t, t.length(), 0, t.innerHash(), t.sigs(), t.inputs(),
                List.of()))).isEqualTo(TxnResult.NO_OUTPUTS);
        assertThat(TransactionRules.verifyStructure(with(t, t.length(), 0, t.innerHash(), List.of(), t.inputs(),
                t.outputs()))).isEqualTo(TxnResult.SIGNATURE_COUNT_MISMATCH);
        assertThat(TransactionRules.verifyStructure(with(t, t.length(), 1, t.innerHash(), t.sigs(), t.inputs(),
                t.outputs()))).isEqualTo(TxnResult.INVALID_TYPE);
        assertThat(TransactionRules.verifyStructure(with(t, t.length() + 1, 0, t.innerHash(), t.sigs(), t.inputs(),
                t.outputs()))).isEqualTo(TxnResult.LENGTH_MISMATCH);
    }

    @Test
    void tooManyInputsAndOutputs() {
        List<SHA256> inputs = new ArrayList<>();
        List<Sig> sigs = new ArrayList<>();
        for (int i = 0; i <= TransactionRules.MAX_COUNT; i++) {
            inputs.add(SHA256.sum(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}));
            sigs.add(Sig.NULL);
        }
        List<TransactionOutput> one = List.of(out(BOB, 1_000L, 0));
        assertThat(TransactionRules.verifyStructure(new Transaction(0, 0, SHA256.NULL, sigs, inputs, one)))
                .isEqualTo(TxnResult.TOO_MANY_INPUTS);
        List<TransactionOutput> outputs = new ArrayList<>();
        Address bob = address(BOB);
        for (int i = 0; i <= TransactionRules.MAX_COUNT; i++) {
            outputs.add(new TransactionOutput(bob, 1_000L + i, 0));
        }
        Transaction t = valid();
        assertThat(TransactionRules.verifyStructure(new Transaction(0, 0, SHA256.NULL, t.sigs(), t.inputs(),
                outputs))).isEqualTo(TxnResult.TOO_MANY_OUTPUTS);
    }

    @Test
    void duplicateInput() {
        Transaction t = Transaction.unsigned(List.of(IN.id(), IN.id()), List.of(out(BOB, 10_000_000L, 0)))
                .sign(List.of(ALICE, ALICE));
        assertThat(TransactionRules.verifyStructure(t)).isEqualTo(TxnResult.DUPLICATE_INPUT);
    }

    @Test
    void duplicateOutput() {
        Transaction t = spend(List.of(IN), ALICE, List.of(out(BOB, 5_000_000L, 1), out(BOB, 5_000_000L, 1)));
        assertThat(TransactionRules.verifyStructure(t)).isEqualTo(TxnResult.DUPLICATE_OUTPUT);
    }

    @Test
    void nullAndInvalidSignatures() {
        Transaction unsigned = Transaction.unsigned(List.of(IN.id()), valid().outputs());
        assertThat(TransactionRules.verifyStructure(unsigned)).isEqualTo(TxnResult.NULL_SIGNATURE);
        Transaction t = valid();
        byte[] badRecid = t.sigs().get(0).bytes();
        badRecid[64] = 4;
        assertThat(TransactionRules.verifyStructure(withSig(t, badRecid))).isEqualTo(TxnResult.INVALID_SIGNATURE);
        byte[] topBitS = t.sigs().get(0).bytes();
        topBitS[32] |= (byte) 0x80;
        assertThat(TransactionRules.verifyStructure(withSig(t, topBitS))).isEqualTo(TxnResult.INVALID_SIGNATURE);
        byte[] zeroR = t.sigs().get(0).bytes();
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        assertThat(TransactionRules.verifyStructure(withSig(t, zeroR))).isEqualTo(TxnResult.INVALID_SIGNATURE);
    }

    private static Transaction withSig(Transaction t, byte[] sig) {
        try {
            return with(t, t.length(), 0, t.innerHash(), List.of(Sig.of(sig)), t.inputs(), t.outputs());
        } catch (io.skyx.node.cipher.CipherException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void zeroCoinOutputAndOutputCoinOverflow() {
        assertThat(TransactionRules.verifyStructure(spend(List.of(IN), ALICE, List.of(out(BOB, 0, 0)))))
                .isEqualTo(TxnResult.ZERO_COIN_OUTPUT);
        assertThat(TransactionRules.verifyStructure(spend(List.of(IN), ALICE,
                List.of(out(BOB, Long.MIN_VALUE, 0), out(ALICE, Long.MIN_VALUE, 0)))))
                .isEqualTo(TxnResult.OUTPUT_COINS_OVERFLOW);
    }

    @Test
    void innerHashMismatch() {
        Transaction t = valid();
        SHA256 fake = SHA256.sum(new byte[] {1, 2, 3});
        Sig sig = Cipher.signHash(SHA256.addSHA256(fake, IN.id()), ALICE);
        Transaction forged = with(t, t.length(), 0, fake, List.of(sig), t.inputs(), t.outputs());
        assertThat(TransactionRules.verifyStructure(forged)).isEqualTo(TxnResult.INNER_HASH_MISMATCH);
    }

    @Test
    void signatureMustBeByTheOwnerOfTheInput() {
        Transaction t = spend(List.of(IN), BOB, valid().outputs());
        assertThat(TransactionRules.verifyStructure(t)).isEqualTo(TxnResult.OK);
        assertThat(block(t, List.of(IN))).isEqualTo(TxnResult.SIGNATURE_NOT_FOR_INPUT);
        assertThat(TransactionRules.verifyInputSignatures(t, List.of(IN)))
                .isEqualTo(TxnResult.SIGNATURE_NOT_FOR_INPUT);
    }

    @Test
    void coinsAreConserved() {
        assertThat(block(spend(List.of(IN), ALICE, List.of(out(BOB, 10_000_001L, 0))), List.of(IN)))
                .isEqualTo(TxnResult.INSUFFICIENT_COINS);
        assertThat(block(spend(List.of(IN), ALICE, List.of(out(BOB, 9_999_999L, 0))), List.of(IN)))
                .isEqualTo(TxnResult.COINS_DESTROYED);
        UxOut huge1 = unspent(ALICE, Long.MIN_VALUE, 0, T0, "huge-1");
        UxOut huge2 = unspent(ALICE, Long.MIN_VALUE, 0, T0, "huge-2");
        Transaction t = spend(List.of(huge1, huge2), ALICE, List.of(out(BOB, 1_000_000L, 0)));
        assertThat(block(t, List.of(huge1, huge2))).isEqualTo(TxnResult.INPUT_COINS_OVERFLOW);
    }

    @Test
    void hoursRules() {
        // 10 SKY for 10 hours = 100 earned + 100 base = 200 available
        assertThat(block(spend(List.of(IN), ALICE, List.of(out(BOB, 10_000_000L, 200))), List.of(IN)))
                .isEqualTo(TxnResult.OK);
        assertThat(block(spend(List.of(IN), ALICE, List.of(out(BOB, 10_000_000L, 201))), List.of(IN)))
                .isEqualTo(TxnResult.INSUFFICIENT_HOURS);
        // input whose coin-seconds overflow: a hard error
        UxOut ancient = unspent(ALICE, Long.MIN_VALUE, 0, 0, "ancient");
        Transaction t = spend(List.of(ancient), ALICE, List.of(out(BOB, Long.MIN_VALUE, 0)));
        assertThat(block(t, List.of(ancient))).isEqualTo(TxnResult.INPUT_HOURS_CALCULATION_OVERFLOW);
        // two inputs whose hours sum overflows
        UxOut h1 = unspent(ALICE, 1_000_000L, Long.MIN_VALUE, HEAD, "hours-1");
        UxOut h2 = unspent(ALICE, 1_000_000L, Long.MIN_VALUE, HEAD, "hours-2");
        Transaction both = spend(List.of(h1, h2), ALICE, List.of(out(BOB, 2_000_000L, 0)));
        assertThat(block(both, List.of(h1, h2))).isEqualTo(TxnResult.INPUT_HOURS_OVERFLOW);
    }

    @Test
    void earnedHoursAdditionOverflowCountsAsZeroInBlocks() {
        // base hours near 2^64: adding the earned hours overflows -> the input counts as 0 hours (block 13277)
        UxOut full = unspent(ALICE, 10_000_000L, MAX - 5, T0, "full");
        Transaction noHours = spend(List.of(full), ALICE, List.of(out(BOB, 10_000_000L, 0)));
        assertThat(block(noHours, List.of(full))).isEqualTo(TxnResult.OK);
        Transaction someHours = spend(List.of(full), ALICE, List.of(out(BOB, 10_000_000L, 1)));
        assertThat(block(someHours, List.of(full))).isEqualTo(TxnResult.INSUFFICIENT_HOURS);
        // a single transaction may not spend such an input at all
        assertThat(TransactionRules.verifySingleTransaction(noHours, HEAD, List.of(full)))
                .isEqualTo(TxnResult.INPUT_HOURS_CALCULATION_OVERFLOW);
    }

    @Test
    void outputHoursOverflowIsHardForSingleTransactionsOnly() {
        // output hours wrap around to 199: blocks do not check the overflow, single transactions do
        Transaction t = spend(List.of(IN), ALICE, List.of(out(BOB, 5_000_000L, MAX), out(ALICE, 5_000_000L, 200)));
        assertThat(block(t, List.of(IN))).isEqualTo(TxnResult.OK);
        assertThat(TransactionRules.verifySingleTransaction(t, HEAD, List.of(IN)))
                .isEqualTo(TxnResult.OUTPUT_HOURS_OVERFLOW);
        assertThat(TransactionRules.fee(t, HEAD, List.of(IN)).status()).isEqualTo(TxnResult.OUTPUT_HOURS_OVERFLOW);
    }

    @Test
    void softRules() {
        TransactionRules.SoftParams soft = TransactionRules.SoftParams.DEFAULTS;
        // 200 input hours: required fee is 20
        assertThat(soft(spend(List.of(IN), ALICE, List.of(out(BOB, 10_000_000L, 180))), soft))
                .isEqualTo(TxnResult.OK);
        assertThat(soft(spend(List.of(IN), ALICE, List.of(out(BOB, 10_000_000L, 181))), soft))
                .isEqualTo(TxnResult.INSUFFICIENT_FEE);
        assertThat(soft(spend(List.of(IN), ALICE, List.of(out(BOB, 10_000_000L, 200))), soft))
                .isEqualTo(TxnResult.NO_FEE);
        assertThat(soft(spend(List.of(IN), ALICE, List.of(out(BOB, 9_999_500L, 0), out(ALICE, 500L, 0))), soft))
                .isEqualTo(TxnResult.TOO_MANY_DECIMALS);
        var locked = new TransactionRules.SoftParams(10, 32768, 3, Set.of(address(ALICE)));
        assertThat(soft(valid(), locked)).isEqualTo(TxnResult.LOCKED_INPUT);
        var tiny = new TransactionRules.SoftParams(10, 1024, 3, Set.of());
        List<TransactionOutput> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(out(key("o" + i), 1_000L, 0));
        }
        many.add(out(BOB, 10_000_000L - 30_000L, 0));
        Transaction big = spend(List.of(IN), ALICE, many);
        assertThat(big.size()).isGreaterThan(1024);
        assertThat(soft(big, tiny)).isEqualTo(TxnResult.TOO_LARGE);
        assertThat(soft(big, soft)).isEqualTo(TxnResult.OK);
        // fee computation errors surface as the soft result
        UxOut ancient = unspent(ALICE, Long.MIN_VALUE, 0, 0, "ancient");
        assertThat(TransactionRules.verifySoft(spend(List.of(ancient), ALICE, List.of(out(BOB, 1_000L, 0))), HEAD,
                List.of(ancient), soft)).isEqualTo(TxnResult.INPUT_HOURS_CALCULATION_OVERFLOW);
    }

    private static TxnResult soft(Transaction t, TransactionRules.SoftParams p) {
        return TransactionRules.verifySoft(t, HEAD, List.of(IN), p);
    }

    @Test
    void userRuleNoNullAddress() {
        Transaction t = spend(List.of(IN), ALICE, List.of(new TransactionOutput(Address.NULL, 10_000_000L, 0)));
        assertThat(TransactionRules.verifyUser(t)).isEqualTo(TxnResult.NULL_ADDRESS_OUTPUT);
        assertThat(block(t, List.of(IN))).isEqualTo(TxnResult.OK);
    }

    @Test
    void resultsCarryKindAndMessage() {
        assertThat(TxnResult.INSUFFICIENT_FEE.kind()).isEqualTo(TxnResult.Kind.SOFT);
        assertThat(TxnResult.SIGNATURE_NOT_FOR_INPUT.kind()).isEqualTo(TxnResult.Kind.HARD);
        assertThat(TxnResult.SIGNATURE_NOT_FOR_INPUT.message()).isEqualTo("Signature not valid for output being spent");
    }
}
