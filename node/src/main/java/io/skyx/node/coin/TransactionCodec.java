package io.skyx.node.coin;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Codec of {@link Transaction} (skycoin-protocol.md §7.1); slices are limited to 65535 elements. */
public enum TransactionCodec implements Codec<Transaction> {
    INSTANCE;

    @Override
    public int size(Transaction t) {
        return Math.toIntExact(t.size());
    }

    @Override
    public void encode(Transaction t, Encoder e) {
        e.u32(t.length());
        e.u8(t.type());
        Wire.writeHash(t.innerHash(), e);
        e.slice(t.sigs(), Wire::writeSig);
        e.slice(t.inputs(), Wire::writeHash);
        e.slice(t.outputs(), TransactionOutputCodec.INSTANCE);
    }

    @Override
    public Transaction decode(Decoder d) throws DecodeException {
        long length = d.u32();
        int type = d.u8();
        var inner = Wire.readHash(d);
        var sigs = d.slice(Wire.MAX_LEN, 65, Wire::readSig);
        var inputs = d.slice(Wire.MAX_LEN, 32, Wire::readHash);
        var outputs = d.slice(Wire.MAX_LEN, TransactionOutput.SIZE, TransactionOutputCodec.INSTANCE);
        return new Transaction(length, type, inner, sigs, inputs, outputs);
    }
}
