package io.skyx.skywire;

/**
 * Why a record was refused at ingestion, or why a claim was not paid or was reduced at settlement. The names are
 * stable (they are stored and published); docs/skywire.md lists them with their meaning.
 */
public enum Reason {
    // ingestion: the record itself
    /** Longer than {@link SignedRecord#MAX_WIRE}. */
    OVERSIZE,
    /** Not a canonical Skycoin encoding of a known record kind and version. */
    MALFORMED,
    /** The signature does not verify under the record's relay key. */
    BAD_SIGNATURE,
    /** The transport ID is not {@code MakeTransportID(edge0, edge1, type)}, or the edges are not sorted/distinct. */
    TRANSPORT_ID_MISMATCH,
    /** The reporter is not one of the transport's edges. */
    REPORTER_NOT_EDGE,
    /** The window is empty, spans a UTC day boundary, or ends in the future. */
    BAD_WINDOW,
    /** The sequence number is not above the relay's last accepted one. */
    REPLAYED_SEQUENCE,
    /** A counter is below the relay's previous report for the same transport and day. */
    COUNTER_DECREASED,
    /** The window starts before the end of the relay's previous report for the same transport. */
    WINDOW_OVERLAP,
    /** The relay already has a claim for this epoch. */
    DUPLICATE_CLAIM,
    /** The epoch is already settled: its inputs are frozen. */
    EPOCH_SETTLED,
    // settlement: per claim or per transport line
    /** Only one edge reported the transport: no bytes can be verified (one-edge rule). */
    UNPAIRED_TRANSPORT,
    /** The sender's {@code sent} exceeded the receiver's {@code recv}; credited the minimum. */
    CAPPED_BY_PEER,
    /** Both edges share an external IP (same network): the transport earns nothing. */
    SAME_IP,
    /** Credited bytes on a transport direction below the minimum. */
    BELOW_MIN_BYTES,
    /** The relay has no known external IP, so the per-IP rules cannot be applied. */
    NO_IP,
    /** More relays on the relay's IP than the per-IP cap; the smallest ones are not paid. */
    IP_CAP,
    /** The claim lists a report hash that is not stored (or belongs to another relay or epoch). */
    UNKNOWN_REPORT,
    /** The payout rounded down to 0 at 0.001 SKY precision. */
    BELOW_PRECISION,
    /** Nothing verified: the claim earned no bytes. */
    NO_BYTES
}
