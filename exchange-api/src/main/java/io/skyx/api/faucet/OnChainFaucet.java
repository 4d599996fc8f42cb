package io.skyx.api.faucet;

/**
 * Local profile: a faucet that pays test coins of one asset on chain to the user's deposit address, so that they
 * arrive exactly as a real deposit does (credited by the deposit watcher after its confirmations). When one
 * exists for an asset, the faucet pays that asset through it instead of crediting it directly.
 */
public interface OnChainFaucet {

    /** The asset code it pays ("BTC"). */
    String asset();

    /**
     * Pays the user's deposit address; returns false when a repeated {@code idempotencyKey} (may be null) paid
     * nothing more.
     */
    boolean pay(long userId, String idempotencyKey);
}
