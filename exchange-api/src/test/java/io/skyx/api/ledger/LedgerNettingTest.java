package io.skyx.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.EngineDriver;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.engine.BalanceView;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Within one command the ledger keeps one entry per account, asset, type and reference: an IOC order that locks
 * and releases the same amount leaves no entry, a partly filled one leaves the net of its lock and release, a
 * resting order keeps its lock. The balances the projection stores come from the engine's events, except those a
 * command leaves where it found them (nothing to store).
 */
class LedgerNettingTest {

    private static final long MAKER = 21;
    private static final long TAKER = 22;

    private final EngineDriver driver = new EngineDriver(EngineConfig.skyBtc());
    private final LedgerPosting posting = new LedgerPosting();
    private long ts = 1_000;

    @Test
    void anIocOrderThatDoesNotTradeLeavesNoEntryAndNoBalanceToStore() {
        AppliedCommand deposit = apply(new Command.CreditDeposit(TAKER, 2, 100_000, "d1"));
        AppliedCommand ioc = apply(new Command.Place(TAKER, 1, Side.BID, OrderType.IOC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, null));
        LedgerPosting.Key key = new LedgerPosting.Key(TAKER, 2);

        LedgerPosting.Posted alone = posting.post(List.of(ioc));
        LedgerPosting.Posted both = posting.post(List.of(deposit, ioc));

        assertThat(ioc.result().name()).isEqualTo("OK");
        assertThat(ioc.events()).anyMatch(e -> e instanceof EngineEvent.BalanceChanged);
        assertThat(alone.entries()).isEmpty();
        assertThat(alone.accounts()).isEmpty();
        assertThat(both.accounts().get(key)).containsExactly(100_000L, 0L);
        assertThat(both.accountSeqs().get(key)).isEqualTo(deposit.seq());
    }

    @Test
    void aPartlyFilledIocOrderLeavesOneNetEntryPerAccountBesideItsTrade() {
        apply(new Command.CreditDeposit(MAKER, 1, 5_000_000_000L, "d1"));
        apply(new Command.CreditDeposit(TAKER, 2, 100_000, "d2"));
        apply(new Command.Place(MAKER, 1, Side.ASK, OrderType.GTC, 50, 4, 0, StpMode.EXPIRE_MAKER, null));
        AppliedCommand ioc = apply(new Command.Place(TAKER, 1, Side.BID, OrderType.IOC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, null));

        List<LedgerPosting.Entry> entries = posting.post(List.of(ioc)).entries();
        List<LedgerPosting.Entry> takerOrder = entries.stream()
                .filter(e -> Long.valueOf(TAKER).equals(e.userId()) && e.type().equals("order")).toList();

        assertThat(takerOrder).extracting(LedgerPosting.Entry::account).containsExactly("available", "locked");
        assertThat(takerOrder.get(0).amount()).isNegative().isEqualTo(-takerOrder.get(1).amount());
        assertThat(entries).anyMatch(e -> e.type().equals("trade"));
        assertThat(posting.post(List.of(ioc)).accounts()).containsKey(new LedgerPosting.Key(TAKER, 2));
        BalanceView after = driver.engine().balance(TAKER, 2);
        long spent = entries.stream().filter(e -> Long.valueOf(TAKER).equals(e.userId()) && e.assetId() == 2)
                .mapToLong(LedgerPosting.Entry::amount).sum();
        assertThat(100_000L + spent).isEqualTo(after.available() + after.locked());
    }

    @Test
    void aRestingOrderKeepsItsLock() {
        apply(new Command.CreditDeposit(TAKER, 2, 100_000, "d1"));
        AppliedCommand gtc = apply(new Command.Place(TAKER, 1, Side.BID, OrderType.GTC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, null));

        List<LedgerPosting.Entry> entries = posting.post(List.of(gtc)).entries();

        assertThat(entries).extracting(LedgerPosting.Entry::account).containsExactly("available", "locked");
        assertThat(entries.get(1).amount()).isPositive()
                .isEqualTo(driver.engine().balance(TAKER, 2).locked());
    }

    private AppliedCommand apply(Command c) {
        return driver.apply(c, ts++);
    }
}
