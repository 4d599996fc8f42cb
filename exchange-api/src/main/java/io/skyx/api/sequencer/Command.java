package io.skyx.api.sequencer;

import io.skyx.engine.OrderType;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.util.Objects;

/**
 * A command that changes money or orders. Every command goes through the {@link Sequencer}, which stamps its
 * sequence number and time, journals it and applies it to the engine. A command with an idempotency key that
 * was seen before is answered with the original result and changes nothing.
 */
public sealed interface Command {

    /** Longest idempotency key / client order id. */
    int MAX_KEY_LENGTH = 100;

    /** The user the command acts for (0 for commands on system accounts and withdrawals by id). */
    long userId();

    /** Idempotency key, or null when the command has none. */
    String idempotencyKey();

    /**
     * Credits a deposit: the asset's RESERVE account to the user's available balance. {@code key}:
     * "chain:txid:output" for on-chain BTC deposits, "sky:txid:index" for SKY ones; the integration tests' funding
     * (test classpath only) uses "test-funds:…".
     */
    record CreditDeposit(long userId, int assetId, long amount, String key) implements Command {
        /** Checks the fields. */
        public CreditDeposit {
            positive(userId, "userId");
            positive(amount, "amount");
            checkKey(key, "deposit key");
        }

        @Override
        public String idempotencyKey() {
            return "deposit:" + key;
        }
    }

    /** Moves {@code amount} (network fee included) from the user's available to their WITHDRAWING balance. */
    record ReserveWithdrawal(long withdrawalId, long userId, int assetId, long amount) implements Command {
        /** Checks the fields. */
        public ReserveWithdrawal {
            positive(withdrawalId, "withdrawalId");
            positive(userId, "userId");
            positive(amount, "amount");
        }

        @Override
        public String idempotencyKey() {
            return "withdrawal:" + withdrawalId + ":reserve";
        }
    }

    /** The reserved withdrawal left on chain: WITHDRAWING to RESERVE. {@link #userId()} is 0 (the engine knows it). */
    record CompleteWithdrawal(long withdrawalId) implements Command {
        /** Checks the fields. */
        public CompleteWithdrawal {
            positive(withdrawalId, "withdrawalId");
        }

        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String idempotencyKey() {
            return "withdrawal:" + withdrawalId + ":complete";
        }
    }

    /** The reserved withdrawal is given back: WITHDRAWING to available. {@link #userId()} is 0. */
    record RefundWithdrawal(long withdrawalId) implements Command {
        /** Checks the fields. */
        public RefundWithdrawal {
            positive(withdrawalId, "withdrawalId");
        }

        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String idempotencyKey() {
            return "withdrawal:" + withdrawalId + ":refund";
        }
    }

    /** RESERVE to SETTLEMENT_POOL of one asset; {@code key}: the settlement epoch. {@link #userId()} is 0. */
    record FundSettlementPool(int assetId, long amount, String key) implements Command {
        /** Checks the fields. */
        public FundSettlementPool {
            positive(amount, "amount");
            checkKey(key, "pool key");
        }

        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String idempotencyKey() {
            return "pool:" + key;
        }
    }

    /** SETTLEMENT_POOL to the user's available balance; {@code key}: "epoch:relay". */
    record CreditSettlementPayout(long userId, int assetId, long amount, String key) implements Command {
        /** Checks the fields. */
        public CreditSettlementPayout {
            positive(userId, "userId");
            positive(amount, "amount");
            checkKey(key, "payout key");
        }

        @Override
        public String idempotencyKey() {
            return "payout:" + key;
        }
    }

    /** SETTLEMENT_POOL to RESERVE: a payout sent on chain. {@link #userId()} is 0. */
    record PaySettlementOnChain(int assetId, long amount, String key) implements Command {
        /** Checks the fields. */
        public PaySettlementOnChain {
            positive(amount, "amount");
            checkKey(key, "payout key");
        }

        @Override
        public long userId() {
            return 0;
        }

        @Override
        public String idempotencyKey() {
            return "onchain:" + key;
        }
    }

    /**
     * Places an order. Price in ticks, size in lots, quote budget in quote units (see {@link OrderType}).
     * {@code clientOrderId} (may be null) makes it idempotent per user.
     */
    record Place(long userId, int marketId, Side side, OrderType type, long price, long size, long quoteBudget,
                 StpMode stp, String clientOrderId) implements Command {
        /** Checks the fields. */
        public Place {
            positive(userId, "userId");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(stp, "stp");
            if (price < 0 || size < 0 || quoteBudget < 0) {
                throw new IllegalArgumentException("price, size and quoteBudget must not be negative");
            }
            if (clientOrderId != null) {
                checkKey(clientOrderId, "clientOrderId");
            }
        }

        @Override
        public String idempotencyKey() {
            return clientOrderId == null ? null : "order:" + userId + ":" + clientOrderId;
        }
    }

    /** Cancels one open order of the user. */
    record Cancel(long userId, long orderId) implements Command {
        /** Checks the fields. */
        public Cancel {
            positive(userId, "userId");
            positive(orderId, "orderId");
        }

        @Override
        public String idempotencyKey() {
            return null;
        }
    }

    /** Cancels all open orders of the user in one market. */
    record CancelAll(long userId, int marketId) implements Command {
        /** Checks the fields. */
        public CancelAll {
            positive(userId, "userId");
        }

        @Override
        public String idempotencyKey() {
            return null;
        }
    }

    private static void positive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
    }

    /** A key (idempotency key, client order id): not null, 1..MAX_KEY_LENGTH printable ASCII characters. */
    private static void checkKey(String key, String name) {
        Objects.requireNonNull(key, name);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(name + " length must be 1.." + MAX_KEY_LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(name + " must be printable ASCII without spaces");
            }
        }
    }
}
