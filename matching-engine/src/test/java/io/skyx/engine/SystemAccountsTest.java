package io.skyx.engine;

import static io.skyx.engine.AccountKind.AVAILABLE;
import static io.skyx.engine.AccountKind.FEES;
import static io.skyx.engine.AccountKind.LOCKED;
import static io.skyx.engine.AccountKind.RESERVE;
import static io.skyx.engine.AccountKind.SETTLEMENT_POOL;
import static io.skyx.engine.AccountKind.WITHDRAWING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deposits, withdrawals (reserve, complete, refund), settlement-pool funding and payouts, and the postings of a
 * trade, event by event, for both implementations; every refusal changes nothing but the consumed numbers.
 */
class SystemAccountsTest {
    static final int SKY = 1;
    static final int BTC = 2;

    private EventRecorder rec;
    private ExchangeEngine e;
    private long seq;

    private void start(Engines.Implementation impl) {
        rec = new EventRecorder();
        e = Engines.create(impl, EngineConfig.skyBtc(), rec);
        seq = 0;
    }

    /** The recorded events without their event number, command number and timestamp. */
    private List<String> events() {
        return rec.drain().stream().map(s -> {
            String[] t = s.split(" ");
            return t[0] + " " + String.join(" ", Arrays.copyOfRange(t, 4, t.length));
        }).toList();
    }

    private void assertBalances(int asset, long reserve, long pool, long fees) {
        assertThat(e.systemBalance(RESERVE, asset)).isEqualTo(reserve);
        assertThat(e.systemBalance(SETTLEMENT_POOL, asset)).isEqualTo(pool);
        assertThat(e.systemBalance(FEES, asset)).isEqualTo(fees);
    }

    @ParameterizedTest
    @EnumSource(Engines.Implementation.class)
    void depositThenWithdrawalReservedCompletedOrRefunded(Engines.Implementation impl) {
        start(impl);
        assertThat(e.creditDeposit(++seq, 5, 7, SKY, 1_000)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("deposited 7 1 1000", "posted 1 RESERVE 0 AVAILABLE 7 1000",
                "balance 7 1 1000 0");
        assertBalances(SKY, -1_000, 0, 0);

        assertThat(e.reserveWithdrawal(++seq, 6, 41, 7, SKY, 300)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("posted 1 AVAILABLE 7 WITHDRAWING 7 300", "balance 7 1 700 0");
        assertThat(e.balance(7, SKY)).isEqualTo(new BalanceView(SKY, 700, 0, 300));
        assertThat(e.pendingWithdrawal(41)).isEqualTo(new WithdrawalView(41, 7, SKY, 300));
        assertThat(e.reserveWithdrawal(++seq, 6, 42, 7, SKY, 200)).isEqualTo(ResultCode.OK);
        events();

        assertThat(e.completeWithdrawal(++seq, 7, 41)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("posted 1 WITHDRAWING 7 RESERVE 0 300");
        assertThat(e.balance(7, SKY)).isEqualTo(new BalanceView(SKY, 500, 0, 200));
        assertBalances(SKY, -700, 0, 0);
        assertThat(e.pendingWithdrawal(41)).isNull();

        assertThat(e.refundWithdrawal(++seq, 8, 42)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("posted 1 WITHDRAWING 7 AVAILABLE 7 200", "balance 7 1 700 0");
        assertThat(e.balance(7, SKY)).isEqualTo(new BalanceView(SKY, 700, 0, 0));
        assertThat(e.balances(7)).containsExactly(new BalanceView(SKY, 700, 0, 0));
        assertBalances(SKY, -700, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(Engines.Implementation.class)
    void settlementPoolFundedPaidOutAndSentOnChain(Engines.Implementation impl) {
        start(impl);
        assertThat(e.fundSettlementPool(++seq, 1, BTC, 500)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("posted 2 RESERVE 0 SETTLEMENT_POOL 0 500");
        assertThat(e.creditSettlementPayout(++seq, 2, 9, BTC, 120)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("posted 2 SETTLEMENT_POOL 0 AVAILABLE 9 120", "balance 9 2 120 0");
        assertThat(e.paySettlementOnChain(++seq, 3, BTC, 80)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("posted 2 SETTLEMENT_POOL 0 RESERVE 0 80");
        assertBalances(BTC, -420, 300, 0);
        assertThat(-e.systemBalance(RESERVE, BTC)).isEqualTo(e.balance(9, BTC).available()
                + e.systemBalance(SETTLEMENT_POOL, BTC));
    }

    @ParameterizedTest
    @EnumSource(Engines.Implementation.class)
    void aTradePostsNotionalBaseBothFeesAndTheReleasedLock(Engines.Implementation impl) {
        start(impl);
        e.creditDeposit(++seq, 0, 1, SKY, 10_000_000);
        e.creditDeposit(++seq, 0, 2, BTC, 1_000);
        assertThat(e.placeOrder(++seq, 0, 1, 1, 10, 0, Side.ASK, OrderType.GTC, 50, 5, 0, StpMode.NONE))
                .isEqualTo(ResultCode.OK);
        events();
        // bid 3 at 60 locks 180 + ceil(180 * 0.2 %) = 181; trades 3 at 50: notional 150, fees 1 (taker) + 1 (maker)
        assertThat(e.placeOrder(++seq, 0, 2, 1, 11, 0, Side.BID, OrderType.GTC, 60, 3, 0, StpMode.NONE))
                .isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly(
                "accepted 1 11 0 2 BID GTC NONE 60 3 0",
                "posted 2 AVAILABLE 2 LOCKED 2 181",
                "balance 2 2 819 181",
                "trade 1 1 10 1 11 2 BID 50 3 150 1 1 2 2 0",
                "posted 2 LOCKED 2 AVAILABLE 1 150",
                "posted 1 LOCKED 1 AVAILABLE 2 3000000",
                "posted 2 LOCKED 2 FEES 0 1",
                "posted 2 AVAILABLE 1 FEES 0 1",
                "balance 1 1 5000000 2000000",
                "balance 1 2 149 0",
                "balance 2 1 3000000 0",
                "balance 2 2 819 30",
                "book 1 ASK 50 2",
                "posted 2 LOCKED 2 AVAILABLE 2 30",
                "balance 2 2 849 0");
        assertBalances(BTC, -1_000, 0, 2);
        assertThat(e.amendOrder(++seq, 0, 1, 10, 0, 1)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("amended 1 10 1 50 1 true", "book 1 ASK 50 1",
                "posted 1 LOCKED 1 AVAILABLE 1 1000000", "balance 1 1 6000000 1000000");
        assertThat(e.amendOrder(++seq, 0, 1, 10, 55, 4)).isEqualTo(ResultCode.OK);
        assertThat(events()).containsExactly("amended 1 10 1 55 4 false", "book 1 ASK 50 0",
                "posted 1 AVAILABLE 1 LOCKED 1 3000000", "balance 1 1 3000000 4000000", "book 1 ASK 55 4");
        e.cancelOrder(++seq, 0, 1, 10);
        assertThat(events()).containsExactly("cancelled 1 10 1 4", "book 1 ASK 55 0",
                "posted 1 LOCKED 1 AVAILABLE 1 4000000", "balance 1 1 7000000 0");
    }

    @ParameterizedTest
    @EnumSource(Engines.Implementation.class)
    void everyRefusalHasItsCodeAndChangesNothing(Engines.Implementation impl) {
        start(impl);
        e.creditDeposit(++seq, 0, 7, SKY, 1_000);
        e.reserveWithdrawal(++seq, 0, 41, 7, SKY, 100);
        e.fundSettlementPool(++seq, 0, BTC, 50);
        e.completeWithdrawal(++seq, 0, 41);
        events();
        byte[] state = stateWithoutCounters();
        long events = e.lastEventSequence();
        List<Object[]> refusals = List.of(
                new Object[] {e.reserveWithdrawal(++seq, 0, 42, 7, SKY, 901), ResultCode.INSUFFICIENT_FUNDS},
                new Object[] {e.reserveWithdrawal(++seq, 0, 43, 7, SKY, 0), ResultCode.INVALID_AMOUNT},
                new Object[] {e.reserveWithdrawal(++seq, 0, 44, 7, 99, 5), ResultCode.UNKNOWN_ASSET},
                new Object[] {e.reserveWithdrawal(++seq, 0, 0, 7, SKY, 5), ResultCode.INVALID_ARGUMENT},
                new Object[] {e.reserveWithdrawal(++seq, 0, 45, 0, SKY, 5), ResultCode.INVALID_ARGUMENT},
                new Object[] {e.completeWithdrawal(++seq, 0, 41), ResultCode.UNKNOWN_WITHDRAWAL},
                new Object[] {e.refundWithdrawal(++seq, 0, 41), ResultCode.UNKNOWN_WITHDRAWAL},
                new Object[] {e.refundWithdrawal(++seq, 0, 999), ResultCode.UNKNOWN_WITHDRAWAL},
                new Object[] {e.creditSettlementPayout(++seq, 0, 7, BTC, 51), ResultCode.INSUFFICIENT_POOL},
                new Object[] {e.creditSettlementPayout(++seq, 0, 7, SKY, 1), ResultCode.INSUFFICIENT_POOL},
                new Object[] {e.creditSettlementPayout(++seq, 0, 0, BTC, 1), ResultCode.INVALID_ARGUMENT},
                new Object[] {e.paySettlementOnChain(++seq, 0, BTC, 51), ResultCode.INSUFFICIENT_POOL},
                new Object[] {e.paySettlementOnChain(++seq, 0, BTC, -1), ResultCode.INVALID_AMOUNT},
                new Object[] {e.fundSettlementPool(++seq, 0, BTC, EngineLimits.MAX_BALANCE), ResultCode.INVALID_AMOUNT},
                new Object[] {e.fundSettlementPool(++seq, 0, 99, 5), ResultCode.UNKNOWN_ASSET},
                new Object[] {e.creditDeposit(++seq, 0, 7, SKY, EngineLimits.MAX_BALANCE), ResultCode.INVALID_AMOUNT},
                new Object[] {e.creditDeposit(seq, 0, 7, SKY, 5), ResultCode.SEQUENCE_NOT_INCREASING});
        for (Object[] r : refusals) {
            assertThat(r[0]).isEqualTo(r[1]);
        }
        assertThat(stateWithoutCounters()).isEqualTo(state);
        assertThat(e.lastEventSequence()).isEqualTo(events + refusals.size());
        assertThat(events()).hasSize(refusals.size()).allMatch(s -> s.startsWith("rejected"));

        e.reserveWithdrawal(++seq, 0, 50, 7, SKY, 10);
        assertThat(e.reserveWithdrawal(++seq, 0, 50, 7, SKY, 10)).isEqualTo(ResultCode.DUPLICATE_WITHDRAWAL_ID);
        assertThat(rec.drain()).last().asString().endsWith("RESERVE_WITHDRAWAL 7 50 DUPLICATE_WITHDRAWAL_ID");
        assertThatThrownBy(() -> e.systemBalance(AVAILABLE, SKY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.systemBalance(FEES, 99)).isZero();
        assertThat(LOCKED.system() || WITHDRAWING.system()).isFalse();
    }

    /** The snapshot with the sequence and event counters zeroed (a refusal consumes both, nothing else). */
    private byte[] stateWithoutCounters() {
        byte[] s = e.snapshot();
        Arrays.fill(s, 8 + 2 + 32, 8 + 2 + 32 + 16, (byte) 0);
        return s;
    }
}
