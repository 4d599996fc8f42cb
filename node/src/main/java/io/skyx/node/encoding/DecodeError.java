package io.skyx.node.encoding;

/**
 * Stable reason codes for a failed decode. Callers branch on these (for example, the P2P layer maps them to
 * disconnect reasons), so the names and meanings never change.
 */
public enum DecodeError {
    /** The buffer ended before the value was complete, or a length prefix exceeds the remaining bytes. */
    SHORT_BUFFER,
    /** A length prefix is above the maximum length allowed for that field ({@code maxlen} in Skycoin). */
    TOO_LONG,
    /** Exact decoding finished with bytes left over. */
    TRAILING_BYTES,
    /** A value is out of its domain: a bool other than 0/1, an invalid key, version or type byte, and so on. */
    INVALID_VALUE
}
