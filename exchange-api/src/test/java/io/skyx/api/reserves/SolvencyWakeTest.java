package io.skyx.api.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.EngineDriver;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which committed batches make the solvency monitor check again: those that post to or from a system account or a
 * withdrawing balance (deposits, withdrawals, a trade's fee), not orders that only lock and release the user's
 * own money (the benchmark's unfilled IOC orders, a resting order, a cancel).
 */
class SolvencyWakeTest {

    private final EngineDriver driver = new EngineDriver(EngineConfig.skyBtc());
    private long ts = 1_000;

    @Test
    void aDepositAWithdrawalAndATradeWithAFeeWakeTheMonitor() {
        assertThat(SolvencyMonitor.movesWhatIsOwed(List.of(apply(new Command.CreditDeposit(7, 1, 5_000_000_000L,
                "d1"))))).isTrue();
        assertThat(SolvencyMonitor.movesWhatIsOwed(List.of(apply(new Command.CreditDeposit(8, 2, 1_000_000, "d2")))))
                .isTrue();
        assertThat(SolvencyMonitor.movesWhatIsOwed(List.of(apply(new Command.ReserveWithdrawal(1, 8, 2, 1_000)))))
                .isTrue();
        apply(new Command.Place(7, 1, Side.ASK, OrderType.GTC, 1_000, 100, 0, StpMode.EXPIRE_MAKER, null));
        AppliedCommand take = apply(new Command.Place(8, 1, Side.BID, OrderType.IOC, 1_000, 100, 0,
                StpMode.EXPIRE_MAKER, null));
        assertThat(take.events()).anyMatch(e -> e instanceof io.skyx.api.sequencer.EngineEvent.Trade);
        assertThat(SolvencyMonitor.movesWhatIsOwed(List.of(take))).isTrue();
    }

    @Test
    void ordersThatOnlyLockAndReleaseTheUsersOwnMoneyDoNot() {
        apply(new Command.CreditDeposit(8, 2, 100_000, "d1"));
        AppliedCommand ioc = apply(new Command.Place(8, 1, Side.BID, OrderType.IOC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, null));
        AppliedCommand resting = apply(new Command.Place(8, 1, Side.BID, OrderType.GTC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, null));
        AppliedCommand cancel = apply(new Command.Cancel(8, resting.seq()));

        assertThat(List.of(ioc, resting, cancel)).allMatch(a -> a.result().name().equals("OK"));
        assertThat(SolvencyMonitor.movesWhatIsOwed(List.of(ioc, resting, cancel))).isFalse();
    }

    private AppliedCommand apply(Command c) {
        return driver.apply(c, ts++);
    }
}
