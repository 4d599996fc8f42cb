package io.skyx.engine;

import java.math.BigInteger;
import java.util.List;

/**
 * The reference engine's money: the accounts ({@link RefAccounts}), the commands that move money without touching
 * a book (deposits, withdrawals, the settlement pool and its payouts), and the plumbing every command shares
 * (sequence check, rejection, postings, balance events). {@link ReferenceEngine} adds the books and matching.
 * Like the rest of the oracle it shares no code with the fast engine.
 */
abstract class RefLedger implements ExchangeEngine {
    final EngineConfig config;
    final EventSink sink;
    final RefAccounts accounts = new RefAccounts();
    long lastSeq;
    long eventSeq;
    /** The current command's sequence number and timestamp (set by {@link #begin}). */
    long seq;
    long ts;

    RefLedger(EngineConfig config, EventSink sink) {
        this.config = config;
        this.sink = sink;
    }

    /** Restores the sequence numbers, balances and pending withdrawals of a snapshot. */
    final void restoreLedger(EngineState state) {
        lastSeq = state.lastSeq();
        eventSeq = state.lastEventSeq();
        state.balances().forEach(accounts::setUser);
        state.system().forEach(accounts::restoreSystem);
        state.withdrawals().forEach(w -> accounts.withdrawals.put(w.withdrawalId(), w));
    }

    // ---- commands that move money without a book ----

    @Override
    public ResultCode creditDeposit(long seq, long timestampMs, long userId, int assetId, long amount) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, CommandType.DEPOSIT, userId, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        ResultCode code = userId <= 0 ? ResultCode.INVALID_ARGUMENT
                : config.asset(assetId) == null ? ResultCode.UNKNOWN_ASSET
                : !reserveCanGive(assetId, amount) ? ResultCode.INVALID_AMOUNT : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, CommandType.DEPOSIT, userId, 0, code);
        }
        sink.deposited(++eventSeq, seq, ts, userId, assetId, amount);
        move(assetId, AccountKind.RESERVE, 0, AccountKind.AVAILABLE, userId, amount);
        balanceEvent(userId, assetId);
        return ResultCode.OK;
    }

    /** True if amount &gt; 0 and the asset's total owed (minus the reserve) stays within MAX_BALANCE. */
    private boolean reserveCanGive(int assetId, long amount) {
        BigInteger owed = BigInteger.valueOf(accounts.system(AccountKind.RESERVE, assetId)).negate();
        return amount > 0 && owed.add(BigInteger.valueOf(amount))
                .compareTo(BigInteger.valueOf(EngineLimits.MAX_BALANCE)) <= 0;
    }

    @Override
    public ResultCode reserveWithdrawal(long seq, long timestampMs, long withdrawalId, long userId, int assetId,
                                        long amount) {
        CommandType t = CommandType.RESERVE_WITHDRAWAL;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, userId, withdrawalId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        ResultCode code = userId <= 0 || withdrawalId <= 0 ? ResultCode.INVALID_ARGUMENT
                : config.asset(assetId) == null ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : accounts.withdrawals.containsKey(withdrawalId) ? ResultCode.DUPLICATE_WITHDRAWAL_ID
                : accounts.available(userId, assetId) < amount ? ResultCode.INSUFFICIENT_FUNDS : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, userId, withdrawalId, code);
        }
        accounts.withdrawals.put(withdrawalId, new WithdrawalView(withdrawalId, userId, assetId, amount));
        move(assetId, AccountKind.AVAILABLE, userId, AccountKind.WITHDRAWING, userId, amount);
        balanceEvent(userId, assetId);
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

    /** Completed: WITHDRAWING to RESERVE (the coins left); refunded: WITHDRAWING back to available. */
    private ResultCode endWithdrawal(long seq, long timestampMs, long withdrawalId, CommandType t) {
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, withdrawalId, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        WithdrawalView w = accounts.withdrawals.remove(withdrawalId);
        if (w == null) {
            return reject(seq, timestampMs, t, 0, withdrawalId, ResultCode.UNKNOWN_WITHDRAWAL);
        }
        if (t == CommandType.COMPLETE_WITHDRAWAL) {
            move(w.assetId(), AccountKind.WITHDRAWING, w.userId(), AccountKind.RESERVE, 0, w.amount());
        } else {
            move(w.assetId(), AccountKind.WITHDRAWING, w.userId(), AccountKind.AVAILABLE, w.userId(), w.amount());
            balanceEvent(w.userId(), w.assetId());
        }
        return ResultCode.OK;
    }

    @Override
    public ResultCode fundSettlementPool(long seq, long timestampMs, int assetId, long amount) {
        CommandType t = CommandType.FUND_SETTLEMENT_POOL;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        ResultCode code = config.asset(assetId) == null ? ResultCode.UNKNOWN_ASSET
                : !reserveCanGive(assetId, amount) ? ResultCode.INVALID_AMOUNT : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, 0, 0, code);
        }
        move(assetId, AccountKind.RESERVE, 0, AccountKind.SETTLEMENT_POOL, 0, amount);
        return ResultCode.OK;
    }

    @Override
    public ResultCode creditSettlementPayout(long seq, long timestampMs, long userId, int assetId, long amount) {
        CommandType t = CommandType.CREDIT_SETTLEMENT_PAYOUT;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, userId, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        ResultCode code = userId <= 0 ? ResultCode.INVALID_ARGUMENT
                : config.asset(assetId) == null ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : accounts.system(AccountKind.SETTLEMENT_POOL, assetId) < amount ? ResultCode.INSUFFICIENT_POOL
                : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, userId, 0, code);
        }
        move(assetId, AccountKind.SETTLEMENT_POOL, 0, AccountKind.AVAILABLE, userId, amount);
        balanceEvent(userId, assetId);
        return ResultCode.OK;
    }

    @Override
    public ResultCode paySettlementOnChain(long seq, long timestampMs, int assetId, long amount) {
        CommandType t = CommandType.PAY_SETTLEMENT_ON_CHAIN;
        if (!begin(seq, timestampMs)) {
            return reject(seq, timestampMs, t, 0, 0, ResultCode.SEQUENCE_NOT_INCREASING);
        }
        ResultCode code = config.asset(assetId) == null ? ResultCode.UNKNOWN_ASSET
                : amount <= 0 ? ResultCode.INVALID_AMOUNT
                : accounts.system(AccountKind.SETTLEMENT_POOL, assetId) < amount ? ResultCode.INSUFFICIENT_POOL
                : ResultCode.OK;
        if (code != ResultCode.OK) {
            return reject(seq, timestampMs, t, 0, 0, code);
        }
        move(assetId, AccountKind.SETTLEMENT_POOL, 0, AccountKind.RESERVE, 0, amount);
        return ResultCode.OK;
    }

    // ---- plumbing ----

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

    /** The one way money moves, posted (a move of 0 is neither made nor posted). */
    final void move(int assetId, AccountKind from, long fromUser, AccountKind to, long toUser, long amount) {
        if (amount != 0) {
            accounts.move(assetId, from, fromUser, to, toUser, amount);
            sink.posted(++eventSeq, seq, ts, assetId, from, fromUser, to, toUser, amount);
        }
    }

    /** Available to locked (a negative amount: locked back to available). */
    final void lock(long userId, int assetId, long amount) {
        if (amount >= 0) {
            move(assetId, AccountKind.AVAILABLE, userId, AccountKind.LOCKED, userId, amount);
        } else {
            move(assetId, AccountKind.LOCKED, userId, AccountKind.AVAILABLE, userId, -amount);
        }
    }

    final void balanceEvent(long userId, int assetId) {
        sink.balanceChanged(++eventSeq, seq, ts, userId, assetId, accounts.available(userId, assetId),
                accounts.locked(userId, assetId));
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
        return accounts.view(userId, assetId);
    }

    @Override
    public List<BalanceView> balances(long userId) {
        return accounts.balances(userId);
    }

    @Override
    public long systemBalance(AccountKind kind, int assetId) {
        return accounts.system(kind, assetId);
    }

    @Override
    public WithdrawalView pendingWithdrawal(long withdrawalId) {
        return accounts.withdrawals.get(withdrawalId);
    }
}
