package io.skyx.node.coin;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link UxHead}: Time u64 ‖ BkSeq u64. */
public enum UxHeadCodec implements Codec<UxHead> {
    INSTANCE;

    @Override
    public int size(UxHead value) {
        return UxHead.SIZE;
    }

    @Override
    public void encode(UxHead v, Encoder e) {
        e.u64(v.time());
        e.u64(v.bkSeq());
    }

    @Override
    public UxHead decode(Decoder d) throws DecodeException {
        return new UxHead(d.u64(), d.u64());
    }
}
