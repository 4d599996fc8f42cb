package io.skyx.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The fast engine's money: users' accounts (available, locked, withdrawing) and the system accounts (fees,
 * reserve, settlement pool) per asset, the commands that move money without touching a book (deposits,
 * withdrawals, the settlement pool and its payouts), and the plumbing every command shares (sequence check,
 * rejection, postings, balance events). {@link FastEngine} adds the order books and matching on top; the split is
 * by responsibility only, the fields are shared as before (no indirection on the command path).
 */
abstract class FastLedger implements ExchangeEngine {
    /** System account kinds in ascending code order (the snapshot's order). */
    static final AccountKind[] SYSTEM_KINDS = {AccountKind.FEES, AccountKind.RESERVE, AccountKind.SETTLEMENT_POOL};
    final EngineConfig config;
    final EventSink sink;
    final int[] assetIndex = new int[AssetSpec.MAX_ID + 1];
    final int[] assetIds;
    final Long2ObjectHashMap<FastAccount> accounts = new Long2ObjectHashMap<>();
    final long[] fees;
    private final long[] reserve;
    private final long[] settlementPool;
    private final Long2ObjectHashMap<WithdrawalView> withdrawals = new Long2ObjectHashMap<>();
    long lastSeq;
    long eventSeq;
    /** The current command's sequence number and timestamp (set by {@link #begin}). */
    long seq;
    long ts;

    FastLedger(EngineConfig config, EventSink sink) {
        this.config = config;
        this.sink = sink;
        Arrays.fill(assetIndex, -1);
        assetIds = config.assets().stream().mapToInt(AssetSpec::id).sorted().toArray();
        for (int i = 0; i < assetIds.length; i++) {
            assetIndex[assetIds[i]] = i;
        }
        fees = new long[assetIds.length];
        reserve = new long[assetIds.length];
        settlementPool = new long[assetIds.length];
    }

    /** Restores the sequence numbers, balances and pending withdrawals of a snapshot. */
    final void restoreLedger(EngineState state) {
        lastSeq = state.lastSeq();
        eventSeq = state.lastEventSeq();
        for (EngineState.Balance b : state.balances()) {
            FastAccount a = account(b.userId());
            int i = assetIndex[b.assetId()];
            a.available[i] = b.available();
            a.locked[i] = b.locked();
            a.withdrawing[i] = b.withdrawing();
        }
        for (EngineState.SystemBalance sb : state.system()) {
            systemArray(sb.kind())[assetIndex[sb.assetId()]] = sb.amount();
        }
        for (WithdrawalView w : state.withdrawals()) {
            withdrawals.put(w.withdrawalId(), w);
        }
    }

    // ---- commands that move money without a book ----
    @Override
    public ResultCode creditDeposit(long seq, long timestampMs, long userId, int assetId, long amount) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.DEPOSIT, userId, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        ResultCode code = userId <= 0 ? ResultCode.INVALID_ARGUMENT
                : i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 || amount > EngineLimits.MAX_BALANCE + reserve[i]
                ? ResultCode.INVALID_AMOUNT : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.DEPOSIT, userId, 0, code);
        }
        FastAccount a = account(userId);
        sink.deposited(++eventSeq, seq, ts, userId, assetId, amount);
        reserve[i] -= amount;
        a.available[i] += amount;
        post(i, AccountKind.RESERVE, 0, AccountKind.AVAILABLE, userId, amount);
        balanceEvent(a, i);
        return ResultCode.OK;
    }

    @Override
    public ResultCode reserveWithdrawal(long seq, long timestampMs, long withdrawalId, long userId, int assetId,
                                        long amount) {
        CommandType t = CommandType.RESERVE_WITHDRAWAL;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, userId, withdrawalId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        FastAccount a = accounts.get(userId);
        ResultCode code = userId <= 0 || withdrawalId <= 0 ? ResultCode.INVALID_ARGUMENT
                : i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : withdrawals.containsKey(withdrawalId) ? ResultCode.DUPLICATE_WITHDRAWAL_ID
                : a == null || a.available[i] < amount ? ResultCode.INSUFFICIENT_FUNDS : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, userId, withdrawalId, code);
        }
        withdrawals.put(withdrawalId, new WithdrawalView(withdrawalId, userId, assetId, amount));
        a.available[i] -= amount;
        a.withdrawing[i] += amount;
        post(i, AccountKind.AVAILABLE, userId, AccountKind.WITHDRAWING, userId, amount);
        balanceEvent(a, i);
        return ResultCode.OK;
    }

    @Override
    public ResultCode completeWithdrawal(long seq, long timestampMs, long withdrawalId) {
        return endWithdrawal(seq, timestampMs, withdrawalId, CommandType.COMPLETE_WITHDRAWAL);
    }

    @Override
    public ResultCode refundWithdrawal(long seq, long timestampMs, long withdrawalId) {
        return endWithdrawal(seq, timestampMs, withdrawalId, CommandType.REFUND_WITHDRAWAL);
    }

    private ResultCode endWithdrawal(long seq, long timestampMs, long withdrawalId, CommandType t) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, withdrawalId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        WithdrawalView w = withdrawals.remove(withdrawalId);
        if (w == null) {
            return reject(seq, timestampMs, t, 0, withdrawalId, ResultCode.UNKNOWN_WITHDRAWAL);
        }
        int i = assetIndex[w.assetId()];
        FastAccount a = accounts.get(w.userId());
        a.withdrawing[i] -= w.amount();
        if (t == CommandType.COMPLETE_WITHDRAWAL) {
            reserve[i] += w.amount();
            post(i, AccountKind.WITHDRAWING, w.userId(), AccountKind.RESERVE, 0, w.amount());
        } else {
            a.available[i] += w.amount();
            post(i, AccountKind.WITHDRAWING, w.userId(), AccountKind.AVAILABLE, w.userId(), w.amount());
            balanceEvent(a, i);
        }
        return ResultCode.OK;
    }

    @Override
    public ResultCode fundSettlementPool(long seq, long timestampMs, int assetId, long amount) {
        CommandType t = CommandType.FUND_SETTLEMENT_POOL;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        ResultCode code = i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 || amount > EngineLimits.MAX_BALANCE + reserve[i]
                ? ResultCode.INVALID_AMOUNT : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, 0, 0, code);
        }
        reserve[i] -= amount;
        settlementPool[i] += amount;
        post(i, AccountKind.RESERVE, 0, AccountKind.SETTLEMENT_POOL, 0, amount);
        return ResultCode.OK;
    }

    @Override
    public ResultCode creditSettlementPayout(long seq, long timestampMs, long userId, int assetId, long amount) {
        CommandType t = CommandType.CREDIT_SETTLEMENT_PAYOUT;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, userId, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        ResultCode code = userId <= 0 ? ResultCode.INVALID_ARGUMENT
                : i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : settlementPool[i] < amount ? ResultCode.INSUFFICIENT_POOL : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, userId, 0, code);
        }
        FastAccount a = account(userId);
        settlementPool[i] -= amount;
        a.available[i] += amount;
        post(i, AccountKind.SETTLEMENT_POOL, 0, AccountKind.AVAILABLE, userId, amount);
        balanceEvent(a, i);
        return ResultCode.OK;
    }

    @Override
    public ResultCode paySettlementOnChain(long seq, long timestampMs, int assetId, long amount) {
        CommandType t = CommandType.PAY_SETTLEMENT_ON_CHAIN;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        int i = assetIdx(assetId);
        ResultCode code = i < 0 ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : settlementPool[i] < amount ? ResultCode.INSUFFICIENT_POOL : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, 0, 0, code);
        }
        settlementPool[i] -= amount;
        reserve[i] += amount;
        post(i, AccountKind.SETTLEMENT_POOL, 0, AccountKind.RESERVE, 0, amount);
        return ResultCode.OK;
    }

    // ---- plumbing ----

    final FastAccount account(long userId) {
        FastAccount a = accounts.get(userId);
        if (a == null) {
            a = new FastAccount(userId, assetIds.length);
            accounts.put(userId, a);
        }
        return a;
    }

    final int assetIdx(int assetId) {
        return assetId >= 0 && assetId <= AssetSpec.MAX_ID ? assetIndex[assetId] : -1;
    }

    final boolean begin(long seq, long timestampMs) {
        if (seq <= lastSeq) {
            return false;
        }
        lastSeq = seq;
        this.seq = seq;
        this.ts = timestampMs;
        return true;
    }

    final ResultCode reject(long seq, long timestampMs, CommandType type, long userId, long orderId,
                              ResultCode code) {
        sink.rejected(++eventSeq, seq, timestampMs, type, userId, orderId, code);
        return code;
    }

    /** Moves amount from a's available to locked (negative: back) and posts it. */
    final void lock(FastAccount a, int idx, long amount) {
        a.available[idx] -= amount;
        a.locked[idx] += amount;
        if (amount > 0) {
            post(idx, AccountKind.AVAILABLE, a.userId, AccountKind.LOCKED, a.userId, amount);
        } else {
            post(idx, AccountKind.LOCKED, a.userId, AccountKind.AVAILABLE, a.userId, -amount);
        }
    }

    final void post(int idx, AccountKind from, long fromUser, AccountKind to, long toUser, long amount) {
        if (amount != 0) {
            sink.posted(++eventSeq, seq, ts, assetIds[idx], from, fromUser, to, toUser, amount);
        }
    }

    final long[] systemArray(AccountKind kind) {
        return switch (kind) {
            case FEES -> fees;
            case RESERVE -> reserve;
            case SETTLEMENT_POOL -> settlementPool;
            default -> throw new IllegalArgumentException("not a system account: " + kind);
        };
    }

    final void balanceEvent(FastAccount a, int idx) {
        sink.balanceChanged(++eventSeq, seq, ts, a.userId, assetIds[idx], a.available[idx], a.locked[idx]);
    }

    // ---- queries of the accounts ----

    @Override
    public EngineConfig config() {
        return config;
    }

    @Override
    public long lastSequence() {
        return lastSeq;
    }

    @Override
    public long lastEventSequence() {
        return eventSeq;
    }

    @Override
    public BalanceView balance(long userId, int assetId) {
        FastAccount a = accounts.get(userId);
        int i = assetIdx(assetId);
        return a == null || i < 0 ? new BalanceView(assetId, 0, 0, 0)
                : new BalanceView(assetId, a.available[i], a.locked[i], a.withdrawing[i]);
    }

    @Override
    public List<BalanceView> balances(long userId) {
        List<BalanceView> out = new ArrayList<>();
        FastAccount a = accounts.get(userId);
        for (int i = 0; a != null && i < assetIds.length; i++) {
            if (!a.empty(i)) {
                out.add(new BalanceView(assetIds[i], a.available[i], a.locked[i], a.withdrawing[i]));
            }
        }
        return out;
    }

    @Override
    public long systemBalance(AccountKind kind, int assetId) {
        long[] values = systemArray(kind);
        int i = assetIdx(assetId);
        return i < 0 ? 0 : values[i];
    }

    @Override
    public WithdrawalView pendingWithdrawal(long withdrawalId) {
        return withdrawals.get(withdrawalId);
    }

    // ---- snapshot parts ----

    /** Every non-empty user balance, by user then asset. */
    final List<EngineState.Balance> exportBalances() {
        List<FastAccount> accts = new ArrayList<>(accounts.values());
        accts.sort(Comparator.comparingLong(a -> a.userId));
        List<EngineState.Balance> balances = new ArrayList<>();
        for (FastAccount a : accts) {
            for (int i = 0; i < assetIds.length; i++) {
                if (!a.empty(i)) {
                    balances.add(new EngineState.Balance(a.userId, assetIds[i], a.available[i], a.locked[i],
                            a.withdrawing[i]));
                }
            }
        }
        return balances;
    }

    /** Every non-zero system account, by asset then kind. */
    final List<EngineState.SystemBalance> exportSystem() {
        List<EngineState.SystemBalance> system = new ArrayList<>();
        for (int i = 0; i < assetIds.length; i++) {
            for (AccountKind k : SYSTEM_KINDS) {
                long v = systemArray(k)[i];
                if (v != 0) {
                    system.add(new EngineState.SystemBalance(assetIds[i], k, v));
                }
            }
        }
        return system;
    }

    /** The pending withdrawals by id. */
    final List<WithdrawalView> exportWithdrawals() {
        List<WithdrawalView> pending = new ArrayList<>(withdrawals.values());
        pending.sort(Comparator.comparingLong(WithdrawalView::withdrawalId));
        return pending;
    }
}
