package io.skyx.custody.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.Fees;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxBody;
import io.skyx.node.coin.UxHead;
import io.skyx.node.coin.UxOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The transaction builder against the node's own rules (hard, soft, burn factor, decimals). */
class SkyTransactionsTest {

    private static final long T0 = 1_700_000_000L;
    private static final SecKey KEY = SecKey.random();
    private static final Address OWN = Address.fromSecKey(KEY);

    private static SkyTransactions.Spendable output(long coins, long hours, int n) {
        UxOut u = new UxOut(new UxHead(T0, 1), new UxBody(SHA256.sum(new byte[] {(byte) n}), OWN, coins, hours));
        return new SkyTransactions.Spendable(u, KEY);
    }

    private static Address outside() {
        return Address.fromSecKey(SecKey.random());
    }

    private static List<UxOut> inputsOf(SkyTransactions.Built b, List<SkyTransactions.Spendable> c) {
        return b.transaction().inputs().stream().map(id -> c.stream().map(SkyTransactions.Spendable::out)
                .filter(u -> u.id().equals(id)).findFirst().orElseThrow()).toList();
    }

    @Test
    void randomBatchesPassTheNodesRulesWithAtLeastOneHourPerOutputInProportion() {
        long seed = System.nanoTime();
        System.out.println("SkyTransactionsTest seed " + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<SkyTransactions.Spendable> candidates = new ArrayList<>();
            int inputs = 1 + rnd.nextInt(6);
            for (int i = 0; i < inputs; i++) {
                candidates.add(output((1 + rnd.nextInt(1_000_000)) * 1000L, rnd.nextInt(1_000_000), i));
            }
            long total = candidates.stream().mapToLong(s -> s.out().body().coins()).sum();
            Map<Address, Long> pay = new LinkedHashMap<>();
            int outs = 1 + rnd.nextInt(5);
            for (int i = 0; i < outs; i++) {
                pay.put(outside(), (1 + rnd.nextInt(1000)) * 1000L);
            }
            long needed = pay.values().stream().mapToLong(Long::longValue).sum();
            SkyTransactions.Result r = SkyTransactions.build(candidates, pay, OWN, T0 + 3600, 10, 50);
            if (needed > total) {
                assertThat(r).as("seed %d", seed).isInstanceOf(SkyTransactions.Insufficient.class);
                continue;
            }
            if (r instanceof SkyTransactions.Insufficient s) {
                assertThat(s.reason()).as("seed %d", seed).contains("coin hours");
                continue;
            }
            SkyTransactions.Built b = (SkyTransactions.Built) r;
            List<UxOut> in = inputsOf(b, candidates);
            long head = T0 + 3600;
            assertThat(TransactionRules.verifySingleTransaction(b.transaction(), head, in)).as("seed %d", seed)
                    .isEqualTo(TxnResult.OK);
            assertThat(TransactionRules.verifySoft(b.transaction(), head, in, TransactionRules.SoftParams.DEFAULTS))
                    .as("seed %d", seed).isEqualTo(TxnResult.OK);
            List<TransactionOutput> o = b.transaction().outputs();
            for (int i = 0; i < pay.size(); i++) {
                assertThat(o.get(i).hours()).as("seed %d", seed).isPositive();
                assertThat(o.get(i).coins()).isEqualTo(pay.get(o.get(i).address()));
            }
            for (int i = 1; i < pay.size(); i++) {
                assertThat(proportional(o.get(0), o.get(i))).as("seed %d: %s vs %s", seed, o.get(0), o.get(i)).isTrue();
            }
        }
    }

    /** hours_i = max(1, floor(share * coins_i / needed)): a/b's hours ratio is their coins ratio within rounding. */
    private static boolean proportional(TransactionOutput a, TransactionOutput b) {
        java.math.BigInteger ha = java.math.BigInteger.valueOf(a.hours());
        java.math.BigInteger hb = java.math.BigInteger.valueOf(b.hours());
        java.math.BigInteger ca = java.math.BigInteger.valueOf(a.coins());
        java.math.BigInteger cb = java.math.BigInteger.valueOf(b.coins());
        java.math.BigInteger one = java.math.BigInteger.ONE;
        return ha.subtract(one).multiply(cb).compareTo(hb.add(one).multiply(ca)) <= 0
                && hb.subtract(one).multiply(ca).compareTo(ha.add(one).multiply(cb)) <= 0;
    }

    @Test
    void changeGoesBackToTheHotAddressAndTheBurnIsAtLeastTheNodesMinimum() {
        List<SkyTransactions.Spendable> c = List.of(output(10_000_000, 1000, 1));
        Address to = outside();
        SkyTransactions.Built b = (SkyTransactions.Built) SkyTransactions.build(c, Map.of(to, 4_000_000L), OWN, T0,
                10, 50);
        List<TransactionOutput> o = b.transaction().outputs();
        assertThat(o).hasSize(2);
        assertThat(o.get(1).address()).isEqualTo(OWN);
        assertThat(o.get(1).coins()).isEqualTo(6_000_000);
        long out = o.get(0).hours() + o.get(1).hours();
        assertThat(1000 - out).isGreaterThanOrEqualTo(Fees.requiredFee(1000, 10));
        assertThat(o.get(0).hours()).as("half of the 900 hours left after the burn").isEqualTo(450);
        assertThat(o.get(1).hours()).isEqualTo(450);
    }

    @Test
    void tooFewHoursOrCoinsAndBadAmountsAreRefused() {
        List<SkyTransactions.Spendable> noHours = List.of(output(10_000_000, 1, 1));
        assertThat(SkyTransactions.build(noHours, Map.of(outside(), 1000L), OWN, T0, 10, 50))
                .isInstanceOfSatisfying(SkyTransactions.Insufficient.class, s -> assertThat(s.reason())
                        .contains("coin hours"));
        assertThat(SkyTransactions.build(List.of(output(1_000_000, 100, 1)), Map.of(outside(), 2_000_000L), OWN, T0,
                10, 50)).isInstanceOfSatisfying(SkyTransactions.Insufficient.class, s -> {
                    assertThat(s.spendable()).isEqualTo(1_000_000);
                    assertThat(s.needed()).isEqualTo(2_000_000);
                    assertThat(s.reason()).isNull();
                });
        assertThat(SkyTransactions.build(List.of(output(1_000_500, 100, 1)), Map.of(outside(), 1000L), OWN, T0, 10,
                50)).as("an output that is not a multiple of 0.001 is never spent")
                .isInstanceOf(SkyTransactions.Insufficient.class);
        assertThatThrownBy(() -> SkyTransactions.build(List.of(output(1_000_000, 100, 1)), Map.of(outside(), 1500L),
                OWN, T0, 10, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
