package io.skyx.custody.reserve;

import io.skyx.custody.platform.CustodyAsset;

/**
 * Publishes a proof-of-reserves commitment on one chain (BTC: an OP_RETURN output in a transaction from the hot
 * wallet), so that anyone can compare the roots they were shown with the ones fixed on chain.
 */
public interface ChainAnchor {

    /** The chain (its coin) the commitment is written to. */
    CustodyAsset asset();

    /**
     * Sends one transaction carrying {@code payload}; returns its id (hex).
     *
     * @throws IllegalArgumentException when the payload does not fit the chain's data field
     * @throws IllegalStateException    when the wallet cannot pay the fee or the network refuses the transaction
     */
    String publish(byte[] payload);

    /** Confirmations of an anchor sent by {@link #publish}: 0 while pending, -1 once a conflicting one confirmed. */
    int confirmations(String txid);
}
