package io.skyx.custody.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.custody.deposit.DepositStore;
import io.skyx.custody.deposit.Observation;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.LedgerRecords;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.withdrawal.Withdrawal;
import io.skyx.custody.withdrawal.WithdrawalState;
import io.skyx.custody.withdrawal.WithdrawalStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation rules on custody's real tables (PostgreSQL) against a stated chain view and ledger: every kind
 * of difference with its txid, the grace, the known platform spends, other chains' and the faucet's credits left
 * alone, and the totals (holdings + mined withdrawals − uncredited deposits against −reserve). The ITs of
 * exchange-api run the same rules on bitcoinj, the Skycoin node and the real ledger.
 */
class ReconcilerTest {

    private static final CustodyAsset BTC = CustodyAsset.BTC;

    private record Chain(List<Observation> seen, Map<String, Integer> depths, Set<String> spends, long held)
            implements ChainView {
        @Override
        public List<Observation> observe(Set<String> addresses) {
            return seen.stream().filter(o -> addresses.contains(o.address())).toList();
        }

        @Override
        public int confirmations(String txid) {
            return depths.getOrDefault(txid, 0);
        }

        @Override
        public ReserveWallet.Holdings holdings() {
            return new ReserveWallet.Holdings(120, "00".repeat(32),
                    List.of(new ReserveWallet.Holding("addrA", ReserveWallet.Kind.HOT, held)));
        }
    }

    private static Withdrawal signed(WithdrawalStore store, long user, String request, String txid) {
        Withdrawal w = store.insertOrGet(BTC, user, request, "dest", 1_000, 0);
        assertThat(store.move(w.id(), WithdrawalState.REQUESTED, WithdrawalState.RESERVED, null)).isTrue();
        assertThat(store.signed(w.id(), WithdrawalState.RESERVED, txid, new byte[] {1})).isTrue();
        return store.get(w.id()).orElseThrow();
    }

    @Test
    void everyKindOfDifferenceIsReportedWithItsTxidAndNothingElse() {
        DataSource db = TestDb.fresh();
        DepositStore deposits = new DepositStore(db);
        WithdrawalStore withdrawals = new WithdrawalStore(db);
        deposits.assign(BTC, 7, i -> "addrA");
        Withdrawal lost = signed(withdrawals, 7, "w1", "txW1");
        Withdrawal mined = signed(withdrawals, 7, "w2", "txW2");
        Chain chain = new Chain(List.of(
                new Observation("t1", 0, "addrA", 400, 5),    // credited 500: another amount
                new Observation("t2", 1, "addrA", 700, 3),    // uncredited, within the grace (2 + 2)
                new Observation("t3", 0, "addrA", 800, 4),    // uncredited, past the grace
                new Observation("t4", 0, "addrA", 900, 0),    // credited, no longer in a block
                new Observation("t5", 0, "elsewhere", 50, 9)), // not a deposit address
                Map.of("txW2", 1, "txA", 3), Set.of("txW1", "txW2", "txA", "txX"), 10_000);
        LedgerRecords ledger = asset -> new LedgerRecords.Records(42,
                Map.of("btc:t1:0", 500L, "btc:t4:0", 900L, "sky:t9:0", 5L, "faucet:7:k:BTC", 1_000_000L),
                Map.of(lost.id(), 1_000L), Map.of(mined.id(), 3_000L), 20_000);
        Reconciler r = new Reconciler(BTC, ledger, chain, deposits, withdrawals, () -> Set.of("txA"), 2, 2);

        Report report = r.run();
        assertThat(report.journalSeq()).isEqualTo(42);
        assertThat(report.blockHeight()).isEqualTo(120);
        assertThat(report.uncredited()).isEqualTo(700 + 800);
        assertThat(report.minedInFlight()).isEqualTo(3_000);
        assertThat(report.surplus()).isEqualTo(10_000 + 3_000 - 1_500 - 20_000);
        assertThat(report.differences()).extracting(Difference::kind, Difference::txid, Difference::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Difference.Kind.UNCREDITED_PAYMENT, "t3", 800L),
                        org.assertj.core.groups.Tuple.tuple(Difference.Kind.AMOUNT_MISMATCH, "t1", 500L),
                        org.assertj.core.groups.Tuple.tuple(Difference.Kind.CREDIT_WITHOUT_PAYMENT, "t4", 900L),
                        org.assertj.core.groups.Tuple.tuple(Difference.Kind.WITHDRAWAL_NOT_ON_CHAIN, "txW1", 1_000L),
                        org.assertj.core.groups.Tuple.tuple(Difference.Kind.UNKNOWN_SPEND, "txX", 0L),
                        org.assertj.core.groups.Tuple.tuple(Difference.Kind.RESERVE_SHORT, null, 8_500L));
    }

    @Test
    void aConsistentStateHasNoDifferenceAndItsSurplusIsTheOperatorsCoins() {
        DataSource db = TestDb.fresh();
        DepositStore deposits = new DepositStore(db);
        WithdrawalStore withdrawals = new WithdrawalStore(db);
        deposits.assign(BTC, 7, i -> "addrA");
        Withdrawal done = signed(withdrawals, 7, "w1", "txW1");
        Chain chain = new Chain(List.of(new Observation("t1", 0, "addrA", 5_000, 6)), Map.of("txW1", 2),
                Set.of("txW1"), 4_000 + 100);
        LedgerRecords ledger = asset -> new LedgerRecords.Records(9, Map.of("btc:t1:0", 5_000L),
                Map.of(done.id(), 1_000L), Map.of(), 4_000);
        Report report = new Reconciler(BTC, ledger, chain, deposits, withdrawals, Set::of, 2, 2).run();
        assertThat(report.differences()).isEmpty();
        assertThat(report.surplus()).isEqualTo(100);
    }
}
