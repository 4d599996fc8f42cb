package io.skyx.api.faucet;

/**
 * Local profile: a faucet that pays test coins of one asset on chain to the user's deposit address, so that they
 * arrive exactly as a real deposit does (credited by the deposit watcher after its confirmations). The faucet
 * pays only through these: an asset without one is refused.
 */
public interface OnChainFaucet {

    /** The asset code it pays ("BTC"). */
    String asset();

    /** What one payment pays, in the asset's smallest unit. */
    long grant();

    /**
     * Pays the user's deposit address; returns false when a repeated {@code idempotencyKey} (may be null) paid
     * nothing more (recorded in {@link FaucetPayments}, so also after a restart).
     */
    boolean pay(long userId, String idempotencyKey);
}
