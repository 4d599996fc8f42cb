package io.skyx.custody.withdrawal;

/** The chain side of the withdrawal pipeline: one asset's hot wallet. */
public interface HotWallet {

    /** The outcome of {@link #buildAndSign}. */
    sealed interface Build {
    }

    /** A signed transaction, not yet known to the wallet or the network. */
    record Signed(String txid, byte[] raw) implements Build {
    }

    /**
     * The hot wallet cannot cover {@code needed}; it can spend {@code spendable} now; {@code reason} says what is
     * short when it is not the coins (SKY: coin hours), else null.
     */
    record Short(long spendable, long needed, String reason) implements Build {
        /** Short of coins. */
        public Short(long spendable, long needed) {
            this(spendable, needed, null);
        }
    }

    /** One destination of a batched transaction. */
    record Payment(String destination, long amount) {
    }

    /** Builds and signs a transaction paying {@code amount} to {@code destination} with a network fee of {@code fee}. */
    Build buildAndSign(String destination, long amount, long fee);

    /**
     * Builds and signs one transaction paying every payment (a wallet whose network fee is not in the coin, as SKY's
     * coin hours; the pipeline batches only with such a wallet).
     */
    default Build buildAndSign(java.util.List<Payment> payments) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not batch withdrawals");
    }

    /** Makes the wallet count a stored signed transaction as its own pending spend (idempotent). */
    void adopt(byte[] raw);

    /**
     * Sends a stored transaction to the network (idempotent: a transaction the network already has is a success).
     *
     * @throws BroadcastException when the network refuses it
     */
    void broadcast(byte[] raw) throws BroadcastException;

    /**
     * Why a stored signed transaction can never confirm, or empty while it still can (or is confirmed): for SKY, an
     * input spent by another confirmed transaction (the chain does not reorganise, so this is final). A node that
     * is down or slow is never a reason. The settlement payouts undo a batch only on this answer.
     */
    default java.util.Optional<String> conflict(byte[] raw) {
        return java.util.Optional.empty();
    }

    /**
     * Forgets a stored transaction that {@link #conflict} says can never confirm, so its other inputs can be spent
     * again (idempotent; a no-op for a transaction the wallet does not hold).
     */
    default void release(byte[] raw) {
    }

    /** Confirmations of a transaction of this wallet: 0 while pending, -1 once a conflicting one is confirmed. */
    int confirmations(String txid);

    /** What the wallet can spend now (smallest unit). */
    long spendable();

    /** The network refused a transaction; {@code definite} when retrying cannot help. */
    final class BroadcastException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean definite;

        /** A refusal with the network's reason. */
        public BroadcastException(String message, boolean definite) {
            super(message);
            this.definite = definite;
        }

        /** Whether retrying cannot help. */
        public boolean definite() {
            return definite;
        }
    }
}
