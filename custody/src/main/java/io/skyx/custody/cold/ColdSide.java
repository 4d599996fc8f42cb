package io.skyx.custody.cold;

import io.skyx.custody.CustodyException;

/**
 * One asset's cold storage as the server sees it: addresses only, never a private key (BTC: derived from the
 * configured account xpub; SKY: the configured list, since Skycoin's deterministic chain has no public derivation).
 */
public interface ColdSide {

    /** The cold address a sweep numbered {@code index} pays. */
    String address(int index);

    /** Every cold address the server watches, in index order. */
    java.util.List<String> addresses();

    /** The cold addresses' confirmed balance on chain (smallest unit). */
    long balance();

    /** Pays a sweep from the hot wallet: signs (does not send) one transaction moving {@code excess} out of it. */
    interface Payer {
        /**
         * @return the signed transaction; {@code amount + fee == excess} (BTC pays the fee out of the excess, so the
         *         hot wallet ends exactly at its target; SKY pays coin hours, fee 0)
         * @throws CustodyException HOT_WALLET_SHORT when the hot wallet cannot sign it now
         */
        Paid pay(String destination, long excess);
    }

    /** A signed sweep transaction. */
    record Paid(String txid, byte[] raw, long amount, long fee) {
    }
}
