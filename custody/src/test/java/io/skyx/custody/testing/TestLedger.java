package io.skyx.custody.testing;

import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.Ledger;
import io.skyx.custody.platform.LedgerCommand;
import io.skyx.custody.platform.LedgerReply;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The ledger half of the contract, in memory, for custody's own tests (exchange-api's sequencer is the real one;
 * its IT runs custody against it): per user and asset available and withdrawing, a reserve account, idempotency
 * keys answered with the original reply, refusals that change nothing.
 */
public final class TestLedger implements Ledger {

    private record Pending(long userId, CustodyAsset asset, long amount) {
    }

    private final Map<String, LedgerReply> byKey = new HashMap<>();
    private final Map<String, long[]> accounts = new HashMap<>();
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<CustodyAsset, Long> reserve = new HashMap<>();
    private long seq;
    private int applied;

    @Override
    public synchronized CompletableFuture<LedgerReply> submit(LedgerCommand c) {
        LedgerReply before = byKey.get(c.key());
        if (before != null) {
            return CompletableFuture.completedFuture(new LedgerReply(before.seq(), before.code(), true));
        }
        String code = apply(c);
        LedgerReply r = new LedgerReply(++seq, code, false);
        byKey.put(c.key(), r);
        return CompletableFuture.completedFuture(r);
    }

    private String apply(LedgerCommand c) {
        switch (c) {
            case LedgerCommand.CreditDeposit d -> {
                account(d.userId(), d.asset())[0] += d.amount();
                reserve.merge(d.asset(), -d.amount(), Long::sum);
            }
            case LedgerCommand.ReserveWithdrawal r -> {
                if (pending.containsKey(r.withdrawalId())) {
                    return "DUPLICATE_WITHDRAWAL_ID";
                }
                long[] a = account(r.userId(), r.asset());
                if (a[0] < r.amount()) {
                    return "INSUFFICIENT_FUNDS";
                }
                a[0] -= r.amount();
                a[1] += r.amount();
                pending.put(r.withdrawalId(), new Pending(r.userId(), r.asset(), r.amount()));
            }
            case LedgerCommand.CompleteWithdrawal w -> {
                Pending p = pending.remove(w.withdrawalId());
                if (p == null) {
                    return "UNKNOWN_WITHDRAWAL";
                }
                account(p.userId(), p.asset())[1] -= p.amount();
                reserve.merge(p.asset(), p.amount(), Long::sum);
            }
            case LedgerCommand.RefundWithdrawal w -> {
                Pending p = pending.remove(w.withdrawalId());
                if (p == null) {
                    return "UNKNOWN_WITHDRAWAL";
                }
                long[] a = account(p.userId(), p.asset());
                a[1] -= p.amount();
                a[0] += p.amount();
            }
        }
        applied++;
        return LedgerReply.OK;
    }

    private long[] account(long userId, CustodyAsset asset) {
        return accounts.computeIfAbsent(userId + "/" + asset, k -> new long[2]);
    }

    /** The user's available balance. */
    public synchronized long available(long userId, CustodyAsset asset) {
        return account(userId, asset)[0];
    }

    /** The user's balance being withdrawn. */
    public synchronized long withdrawing(long userId, CustodyAsset asset) {
        return account(userId, asset)[1];
    }

    /** The reserve account (minus what users are owed). */
    public synchronized long reserve(CustodyAsset asset) {
        return reserve.getOrDefault(asset, 0L);
    }

    /** How many commands changed something. */
    public synchronized int applied() {
        return applied;
    }
}
