package io.skyx.node.coin;

import io.skyx.node.cipher.Sig;
import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link SignedBlock}: Header ‖ Body ‖ Sig[65] (the GIVB wire form). */
public enum SignedBlockCodec implements Codec<SignedBlock> {
    INSTANCE;

    @Override
    public int size(SignedBlock b) {
        return Math.addExact(BlockHeader.SIZE + Sig.SIZE, BlockBodyCodec.INSTANCE.size(b.block().body()));
    }

    @Override
    public void encode(SignedBlock b, Encoder e) {
        BlockHeaderCodec.INSTANCE.encode(b.block().header(), e);
        BlockBodyCodec.INSTANCE.encode(b.block().body(), e);
        Wire.writeSig(b.sig(), e);
    }

    @Override
    public SignedBlock decode(Decoder d) throws DecodeException {
        BlockHeader header = BlockHeaderCodec.INSTANCE.decode(d);
        BlockBody body = BlockBodyCodec.INSTANCE.decode(d);
        return new SignedBlock(new Block(header, body), Wire.readSig(d));
    }
}
