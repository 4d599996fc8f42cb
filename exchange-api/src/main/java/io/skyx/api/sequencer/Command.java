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

    /** The user the command acts for. */
    long userId();

    /** Idempotency key, or null when the command has none. */
    String idempotencyKey();

    /**
     * Credits a deposit to a user's available balance. {@code key}: "chain:txid:output" for on-chain deposits,
     * "faucet:…" for test funds.
     */
    record Deposit(long userId, int assetId, long amount, String key) implements Command {
        /** Checks the fields. */
        public Deposit {
            positive(userId, "userId");
            positive(amount, "amount");
            checkKey(Objects.requireNonNull(key, "deposit key"));
        }

        @Override
        public String idempotencyKey() {
            return "deposit:" + key;
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
                checkKey(clientOrderId);
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

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key length must be 1.." + MAX_KEY_LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("key must be printable ASCII without spaces");
            }
        }
    }
}
