package io.skyx.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.EngineDriver;
import io.skyx.engine.AccountKind;
import io.skyx.engine.BalanceView;
import io.skyx.engine.EngineConfig;
import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Property: over random command streams (deposits, orders of every type, cancels, withdrawals reserved /
 * completed / refunded, settlement pool funding, payouts, on-chain payments) the ledger's entries (the engine's
 * postings) sum to zero per asset for every command, each user account's entries add up to the engine's balance
 * (available, locked, withdrawing), the system accounts equal the engine's, and minus the reserve equals what
 * users are owed plus fees and pool. Seed printed by jqwik; rerun with its seed.
 */
class LedgerPostingTest {

    private static final long[] USERS = {11, 12, 13, 14};

    @Property(tries = 60)
    void everyCommandBalancesAndAccountsMatchTheEngine(@ForAll long seed,
                                                       @ForAll @IntRange(min = 1, max = 16) int batchSize) {
        Random rnd = new Random(seed);
        EngineDriver driver = new EngineDriver(EngineConfig.skyBtc());
        LedgerPosting posting = new LedgerPosting();
        Map<String, Long> accountSums = new HashMap<>();
        List<Long> openOrders = new ArrayList<>();
        List<Long> withdrawals = new ArrayList<>();
        List<AppliedCommand> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            AppliedCommand a = driver.apply(randomCommand(rnd, i, openOrders, withdrawals), 1_000L + i);
            if (a.command() instanceof Command.ReserveWithdrawal w && a.result().name().equals("OK")) {
                withdrawals.add(w.withdrawalId());
            }
            if (a.command() instanceof Command.Place && a.result().name().equals("OK")) {
                openOrders.add(a.seq());
            }
            batch.add(a);
            if (batch.size() == batchSize) {
                post(posting, batch, accountSums);
                batch.clear();
            }
        }
        post(posting, batch, accountSums);

        for (int asset = 1; asset <= 2; asset++) {
            long users = 0;
            for (long u : USERS) {
                BalanceView b = driver.engine().balance(u, asset);
                assertThat(accountSums.getOrDefault(u + ":available:" + asset, 0L)).isEqualTo(b.available());
                assertThat(accountSums.getOrDefault(u + ":locked:" + asset, 0L)).isEqualTo(b.locked());
                assertThat(accountSums.getOrDefault(u + ":withdrawing:" + asset, 0L)).isEqualTo(b.withdrawing());
                users += b.available() + b.locked() + b.withdrawing();
            }
            long fees = accountSums.getOrDefault("fees:" + asset, 0L);
            long pool = accountSums.getOrDefault("settlement_pool:" + asset, 0L);
            assertThat(fees).isEqualTo(driver.engine().feeBalance(asset));
            assertThat(pool).isEqualTo(driver.engine().systemBalance(AccountKind.SETTLEMENT_POOL, asset));
            long reserve = accountSums.getOrDefault("reserve:" + asset, 0L);
            assertThat(reserve).isEqualTo(driver.engine().systemBalance(AccountKind.RESERVE, asset));
            assertThat(-reserve).isEqualTo(users + fees + pool);
        }
    }

    private static void post(LedgerPosting posting, List<AppliedCommand> batch, Map<String, Long> sums) {
        for (LedgerPosting.Entry e : posting.post(batch).entries()) {
            String k = e.userId() == null ? e.account() + ":" + e.assetId()
                    : e.userId() + ":" + e.account() + ":" + e.assetId();
            sums.merge(k, e.amount(), Long::sum);
        }
    }

    private static Command randomCommand(Random rnd, int i, List<Long> openOrders, List<Long> withdrawals) {
        long user = USERS[rnd.nextInt(USERS.length)];
        int pick = rnd.nextInt(14);
        int anAsset = 1 + rnd.nextInt(2);
        if (pick == 10) {
            return new Command.ReserveWithdrawal(1 + rnd.nextInt(40), user, anAsset, 1 + rnd.nextInt(3_000_000));
        }
        if (pick == 11 && !withdrawals.isEmpty()) {
            long id = withdrawals.get(rnd.nextInt(withdrawals.size()));
            return rnd.nextBoolean() ? new Command.CompleteWithdrawal(id) : new Command.RefundWithdrawal(id);
        }
        if (pick == 12) {
            return new Command.FundSettlementPool(anAsset, 1 + rnd.nextInt(1_000_000), "e" + i);
        }
        if (pick == 13) {
            return rnd.nextBoolean()
                    ? new Command.CreditSettlementPayout(user, anAsset, 1 + rnd.nextInt(500_000), "e" + i + ":r")
                    : new Command.PaySettlementOnChain(anAsset, 1 + rnd.nextInt(500_000), "p" + i);
        }
        if (pick == 0 || i < 8) {
            int asset = 1 + rnd.nextInt(2);
            long amount = asset == 1 ? 1_000_000L * (1 + rnd.nextInt(500)) : 1 + rnd.nextInt(200_000);
            return new Command.CreditDeposit(user, asset, amount, "d" + i);
        }
        if (pick == 1 && !openOrders.isEmpty()) {
            return new Command.Cancel(user, openOrders.get(rnd.nextInt(openOrders.size())));
        }
        if (pick == 2) {
            return new Command.CancelAll(user, 1);
        }
        Side side = rnd.nextBoolean() ? Side.BID : Side.ASK;
        OrderType type = OrderType.values()[rnd.nextInt(OrderType.values().length)];
        long price = 40 + rnd.nextInt(21);
        long size = 1 + rnd.nextInt(20);
        StpMode stp = StpMode.values()[rnd.nextInt(StpMode.values().length)];
        return switch (type) {
            case MARKET -> side == Side.BID
                    ? new Command.Place(user, 1, side, type, 0, 0, 1 + rnd.nextInt(3000), stp, null)
                    : new Command.Place(user, 1, side, type, 0, size, 0, stp, null);
            case FOK_BUDGET -> new Command.Place(user, 1, side, type, 0, size, price * size, stp, null);
            default -> new Command.Place(user, 1, side, type, price, size, 0, stp, null);
        };
    }
}
