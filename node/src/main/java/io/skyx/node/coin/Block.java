package io.skyx.node.coin;

import java.util.Objects;

/**
 * A block: header and body.
 *
 * @param header the header
 * @param body   the transactions
 */
public record Block(BlockHeader header, BlockBody body) {
    public Block {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }
}
