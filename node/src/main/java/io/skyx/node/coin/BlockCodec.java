package io.skyx.node.coin;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link Block}: Header ‖ Body. */
public enum BlockCodec implements Codec<Block> {
    INSTANCE;

    @Override
    public int size(Block b) {
        return Math.addExact(BlockHeader.SIZE, BlockBodyCodec.INSTANCE.size(b.body()));
    }

    @Override
    public void encode(Block b, Encoder e) {
        BlockHeaderCodec.INSTANCE.encode(b.header(), e);
        BlockBodyCodec.INSTANCE.encode(b.body(), e);
    }

    @Override
    public Block decode(Decoder d) throws DecodeException {
        BlockHeader header = BlockHeaderCodec.INSTANCE.decode(d);
        return new Block(header, BlockBodyCodec.INSTANCE.decode(d));
    }
}
