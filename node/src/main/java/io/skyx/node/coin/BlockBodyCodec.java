package io.skyx.node.coin;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link BlockBody}: u32 count (at most 65535) then the transactions. */
public enum BlockBodyCodec implements Codec<BlockBody> {
    INSTANCE;

    @Override
    public int size(BlockBody body) {
        long size = 4;
        for (Transaction t : body.transactions()) {
            size += t.size();
        }
        return Math.toIntExact(size);
    }

    @Override
    public void encode(BlockBody body, Encoder e) {
        e.slice(body.transactions(), TransactionCodec.INSTANCE);
    }

    @Override
    public BlockBody decode(Decoder d) throws DecodeException {
        return new BlockBody(d.slice(Wire.MAX_LEN, Transaction.FIXED_SIZE, TransactionCodec.INSTANCE));
    }
}
