package io.skyx.api.ledger;

import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.BalanceMoves;
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
 * the system accounts (fees, reserve, settlement_pool). Within one command, entries of the same account, asset,
 * type and reference are summed into one, and none is kept where they sum to zero ({@link #netted}). The entries
 * of every command sum to zero per asset, or
 * posting fails and nothing is returned. Also gives the users' latest available/locked balances (from the
 * engine's balance events; none for a balance a command leaves where it found it, {@link BalanceMoves}) and the
 * change of their withdrawing balances.
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
            BalanceMoves moves = BalanceMoves.of(a.events());
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
                        if (moves.moved(b.userId(), b.assetId())) {
                            Key k = new Key(b.userId(), b.assetId());
                            touched.put(k, new long[] {b.available(), b.locked()});
                            touchedSeq.put(k, a.seq());
                        }
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
            List<Entry> own = entries.subList(first, entries.size());
            checkBalanced(a.seq(), own);
            List<Entry> net = netted(own);
            own.clear();
            entries.addAll(net);
        }
        return new Posted(entries, touched, touchedSeq, withdrawing);
    }

    /** Where one command's entries are summed: the same account, asset, type and reference. */
    private record NetKey(Long userId, String account, int assetId, String type, long ref) {
    }

    /**
     * One command's entries with those of the same account, asset, type and reference summed, in the order of
     * their first occurrence, and the sums that come to zero left out: an IOC order's lock and the release of its
     * unfilled rest, in the same command, move nothing and leave no entry. What each account holds after the
     * command, and each command's sum per asset, are unchanged.
     */
    static List<Entry> netted(List<Entry> own) {
        Map<NetKey, Entry> sums = new LinkedHashMap<>();
        for (Entry e : own) {
            sums.merge(new NetKey(e.userId(), e.account(), e.assetId(), e.type(), e.ref()), e,
                    (x, y) -> new Entry(x.seq(), x.userId(), x.account(), x.assetId(),
                            Math.addExact(x.amount(), y.amount()), x.type(), x.ref(), x.tsMs()));
        }
        List<Entry> out = new ArrayList<>(sums.size());
        for (Entry e : sums.values()) {
            if (e.amount() != 0) {
                out.add(e);
            }
        }
        return out;
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
