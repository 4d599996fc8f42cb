package io.skyx.custody.cold;

import io.skyx.custody.platform.CustodyAsset;
import java.time.Instant;

/**
 * One sweep (hot → cold) or top-up (cold → hot) as stored in {@code custody_cold_transfer}.
 *
 * @param destination the cold address (sweep) or the hot address (top-up)
 * @param coldIndex   the index of the cold address a sweep pays (BTC: external chain of the cold account; SKY: the
 *                    configured list); for a top-up, the index of the cold change address
 * @param amount      what the destination receives (smallest unit)
 * @param fee         the network fee in the coin (BTC satoshis; SKY 0: its fee is coin hours)
 * @param hotBefore   what the hot wallet could spend when the request was made
 * @param unsignedTx  top-up: the exported unsigned transaction, which the signed PSBT must match byte for byte
 * @param psbt        top-up: the exported PSBT (base64)
 */
public record ColdTransfer(long id, CustodyAsset asset, Kind kind, String requestId, State state, String destination,
                           int coldIndex, long amount, long fee, long hotBefore, String txid, byte[] unsignedTx,
                           String psbt, byte[] rawTx, int confirmations, String error, Instant createdAt,
                           Instant updatedAt) {

    /** Which way the coins go. */
    public enum Kind { SWEEP, TOPUP }

    /** The step a transfer is at. */
    public enum State {
        /** Top-up: the unsigned PSBT is out for signing. */
        EXPORTED,
        /** The signed transaction is stored, not yet accepted by the network. */
        SIGNED,
        /** The network accepted it; waiting for confirmations. */
        BROADCAST,
        /** Deep enough. */
        CONFIRMED,
        /** Refused by the network for good, or a conflicting transaction was confirmed. */
        FAILED,
        /** Top-up: withdrawn by the operator before it was signed. */
        CANCELLED;

        /** Whether no step is left. */
        public boolean terminal() {
            return this == CONFIRMED || this == FAILED || this == CANCELLED;
        }
    }

    /** What left the hot wallet (sweep: amount + fee). */
    public long hotDebit() {
        return kind == Kind.SWEEP ? Math.addExact(amount, fee) : 0;
    }
}
