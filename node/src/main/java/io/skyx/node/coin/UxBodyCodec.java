package io.skyx.node.coin;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link UxBody}: SrcTransaction[32] ‖ Address[21] ‖ Coins u64 ‖ Hours u64. */
public enum UxBodyCodec implements Codec<UxBody> {
    INSTANCE;

    @Override
    public int size(UxBody value) {
        return UxBody.SIZE;
    }

    @Override
    public void encode(UxBody v, Encoder e) {
        Wire.writeHash(v.srcTransaction(), e);
        Wire.writeAddress(v.address(), e);
        e.u64(v.coins());
        e.u64(v.hours());
    }

    @Override
    public UxBody decode(Decoder d) throws DecodeException {
        return new UxBody(Wire.readHash(d), Wire.readAddress(d), d.u64(), d.u64());
    }
}
