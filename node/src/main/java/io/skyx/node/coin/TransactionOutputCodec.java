package io.skyx.node.coin;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link TransactionOutput}: Address[21] ‖ Coins u64 ‖ Hours u64. */
public enum TransactionOutputCodec implements Codec<TransactionOutput> {
    INSTANCE;

    @Override
    public int size(TransactionOutput value) {
        return TransactionOutput.SIZE;
    }

    @Override
    public void encode(TransactionOutput v, Encoder e) {
        Wire.writeAddress(v.address(), e);
        e.u64(v.coins());
        e.u64(v.hours());
    }

    @Override
    public TransactionOutput decode(Decoder d) throws DecodeException {
        return new TransactionOutput(Wire.readAddress(d), d.u64(), d.u64());
    }
}
