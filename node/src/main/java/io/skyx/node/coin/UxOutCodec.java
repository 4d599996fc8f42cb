package io.skyx.node.coin;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link UxOut} in Go struct order: Head ‖ Body (85 bytes). */
public enum UxOutCodec implements Codec<UxOut> {
    INSTANCE;

    /** Encoded size of head and body. */
    public static final int SIZE = UxHead.SIZE + UxBody.SIZE;

    @Override
    public int size(UxOut value) {
        return SIZE;
    }

    @Override
    public void encode(UxOut v, Encoder e) {
        UxHeadCodec.INSTANCE.encode(v.head(), e);
        UxBodyCodec.INSTANCE.encode(v.body(), e);
    }

    @Override
    public UxOut decode(Decoder d) throws DecodeException {
        UxHead head = UxHeadCodec.INSTANCE.decode(d);
        return new UxOut(head, UxBodyCodec.INSTANCE.decode(d));
    }

    /** @return Body ‖ Head, the bytes hashed by {@link UxOut#snapshotHash()} */
    byte[] encodeSnapshot(UxOut v) {
        Encoder e = new Encoder(SIZE);
        UxBodyCodec.INSTANCE.encode(v.body(), e);
        UxHeadCodec.INSTANCE.encode(v.head(), e);
        return e.toByteArray();
    }
}
