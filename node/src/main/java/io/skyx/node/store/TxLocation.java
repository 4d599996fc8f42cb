package io.skyx.node.store;

/**
 * Where a confirmed transaction is: its block and its index in that block.
 *
 * @param blockSeq seq of the containing block
 * @param index    position in the block body
 */
public record TxLocation(long blockSeq, int index) {
    public TxLocation {
        if (index < 0) {
            throw new IllegalArgumentException("negative index");
        }
    }
}
