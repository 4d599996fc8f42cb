package io.skyx.api.ledger;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.EngineEvent;
import io.skyx.engine.AccountKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns applied commands into the double-entry ledger: every {@code posted} event of the engine (a movement from
 * one account to another) becomes two entries, minus on the source and plus on the destination; user id null for
 * the system accounts (fees, reserve, settlement_pool). The entries of every command sum to zero per asset, or
 * posting fails and nothing is returned. Also gives the users' latest available/locked balances (from the
 * engine's balance events) and the change of their withdrawing balances.
 */
final class LedgerPosting {

    /** An account of a user and an asset. */
    record Key(long userId, int assetId) {
    }

    /** One ledger entry; {@code userId} is null for system accounts. */
    record Entry(long seq, Long userId, String account, int assetId, long amount, String type, long ref,
                 long tsMs) {
    }

    /**
     * The postings of a batch; the users' latest {available, locked} with the command that set them; the net
     * change of each user's withdrawing balance.
     */
    record Posted(List<Entry> entries, Map<Key, long[]> accounts, Map<Key, Long> accountSeqs,
                  Map<Key, Long> withdrawing) {
    }

    static String account(AccountKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    /** Posts a batch; on an unbalanced command throws IllegalStateException. */
    Posted post(List<AppliedCommand> batch) {
        List<Entry> entries = new ArrayList<>();
        Map<Key, long[]> touched = new LinkedHashMap<>();
        Map<Key, Long> touchedSeq = new HashMap<>();
        Map<Key, Long> withdrawing = new LinkedHashMap<>();
        for (AppliedCommand a : batch) {
            int first = entries.size();
            String type = commandType(a.command());
            long ref = commandRef(a);
            for (EngineEvent e : a.events()) {
                switch (e) {
                    case EngineEvent.Trade t -> {
                        type = "trade";
                        ref = t.tradeId();
                    }
                    case EngineEvent.OrderAccepted o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderCancelled o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderExpired o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.OrderAmended o -> {
                        type = "order";
                        ref = o.orderId();
                    }
                    case EngineEvent.Posted p -> {
                        entries.add(entry(a, p.from(), p.fromUserId(), p.assetId(), -p.amount(), type, ref));
                        entries.add(entry(a, p.to(), p.toUserId(), p.assetId(), p.amount(), type, ref));
                        if (p.from() == AccountKind.WITHDRAWING) {
                            withdrawing.merge(new Key(p.fromUserId(), p.assetId()), -p.amount(), Math::addExact);
                        }
                        if (p.to() == AccountKind.WITHDRAWING) {
                            withdrawing.merge(new Key(p.toUserId(), p.assetId()), p.amount(), Math::addExact);
                        }
                    }
                    case EngineEvent.BalanceChanged b -> {
                        Key k = new Key(b.userId(), b.assetId());
                        touched.put(k, new long[] {b.available(), b.locked()});
                        touchedSeq.put(k, a.seq());
                    }
                    case EngineEvent.Rejected r -> {
                        // a refused command moves nothing
                    }
                    case EngineEvent.BookDelta d -> {
                        // the book is not money
                    }
                    case EngineEvent.Deposited d -> {
                        // the money moved is in the posting
                    }
                    case EngineEvent.Withdrawn w -> {
                        // not emitted any more; withdrawals are postings
                    }
                }
            }
            checkBalanced(a.seq(), entries.subList(first, entries.size()));
        }
        return new Posted(entries, touched, touchedSeq, withdrawing);
    }

    private static Entry entry(AppliedCommand a, AccountKind kind, long userId, int assetId, long amount,
                               String type, long ref) {
        return new Entry(a.seq(), kind.system() ? null : userId, account(kind), assetId, amount, type, ref, a.tsMs());
    }

    private static String commandType(Command c) {
        return switch (c) {
            case Command.CreditDeposit d -> "deposit";
            case Command.ReserveWithdrawal w -> "withdrawal";
            case Command.CompleteWithdrawal w -> "withdrawal";
            case Command.RefundWithdrawal w -> "withdrawal";
            case Command.FundSettlementPool f -> "settlement";
            case Command.CreditSettlementPayout p -> "settlement";
            case Command.PaySettlementOnChain p -> "settlement";
            case Command.Place p -> "order";
            case Command.Cancel x -> "order";
            case Command.CancelAll x -> "order";
        };
    }

    private static long commandRef(AppliedCommand a) {
        return switch (a.command()) {
            case Command.ReserveWithdrawal w -> w.withdrawalId();
            case Command.CompleteWithdrawal w -> w.withdrawalId();
            case Command.RefundWithdrawal w -> w.withdrawalId();
            case Command.Cancel x -> x.orderId();
            default -> a.seq();
        };
    }

    private static void checkBalanced(long seq, List<Entry> entries) {
        Map<Integer, Long> sums = new HashMap<>();
        for (Entry e : entries) {
            sums.merge(e.assetId(), e.amount(), Math::addExact);
        }
        sums.forEach((asset, sum) -> {
            if (sum != 0) {
                throw new IllegalStateException("ledger entries of command " + seq + " do not balance for asset "
                        + asset + ": " + sum);
            }
        });
    }
}
