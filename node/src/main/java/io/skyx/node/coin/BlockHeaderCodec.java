package io.skyx.node.coin;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link BlockHeader}: Version u32 | Time u64 | BkSeq u64 | Fee u64 | PrevHash | BodyHash | UxHash. */
public enum BlockHeaderCodec implements Codec<BlockHeader> {
    INSTANCE;

    @Override
    public int size(BlockHeader value) {
        return BlockHeader.SIZE;
    }

    @Override
    public void encode(BlockHeader h, Encoder e) {
        e.u32(h.version());
        e.u64(h.time());
        e.u64(h.seq());
        e.u64(h.fee());
        Wire.writeHash(h.prevHash(), e);
        Wire.writeHash(h.bodyHash(), e);
        Wire.writeHash(h.uxHash(), e);
    }

    @Override
    public BlockHeader decode(Decoder d) throws DecodeException {
        return new BlockHeader(d.u32(), d.u64(), d.u64(), d.u64(), Wire.readHash(d), Wire.readHash(d),
                Wire.readHash(d));
    }
}
