package io.skyx.node.coin;

/**
 * Where an unspent output was created: the time and sequence number of its block. Not part of the uxid.
 *
 * @param time  block time, unix seconds (unsigned)
 * @param bkSeq block sequence number (unsigned)
 */
public record UxHead(long time, long bkSeq) {
    /** Encoded size: two u64. */
    public static final int SIZE = 16;

    @Override
    public String toString() {
        return "UxHead[time=" + Long.toUnsignedString(time) + ", bkSeq=" + Long.toUnsignedString(bkSeq) + "]";
    }
}
