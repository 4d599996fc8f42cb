package io.skyx.custody.cold;

/** Cold → hot top-ups signed offline (BTC: PSBT). */
public interface TopUps {

    /** Exports an unsigned top-up of {@code amount} (null: up to the target); a repeated request id returns it. */
    ColdTransfer export(String requestId, Long amount);

    /** Takes the offline-signed form back, checks it and stores the final transaction (SIGNED); else changes nothing. */
    ColdTransfer importSigned(long id, String signed);

    /** Cancels an exported, unsigned top-up. */
    ColdTransfer cancel(long id);
}
