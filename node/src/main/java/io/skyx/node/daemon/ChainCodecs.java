package io.skyx.node.daemon;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Adapts the coin package's codecs for the blocks, transactions and hashes carried in daemon messages. */
final class ChainCodecs {
    /** Header (124) + empty body count (4) + signature (65). */
    static final int MIN_SIGNED_BLOCK_SIZE = 124 + 4 + 65;
    /** Length, type, inner hash and three empty slice counts. */
    static final int MIN_TRANSACTION_SIZE = 4 + 1 + 32 + 12;

    private ChainCodecs() {
    }

    static int signedBlockSize(SignedBlock b) {
        return SignedBlockCodec.INSTANCE.size(b);
    }

    static void encodeSignedBlock(SignedBlock b, Encoder e) {
        SignedBlockCodec.INSTANCE.encode(b, e);
    }

    static SignedBlock decodeSignedBlock(Decoder d) throws DecodeException {
        return SignedBlockCodec.INSTANCE.decode(d);
    }

    static int transactionSize(Transaction t) {
        return TransactionCodec.INSTANCE.size(t);
    }

    static void encodeTransaction(Transaction t, Encoder e) {
        TransactionCodec.INSTANCE.encode(t, e);
    }

    static Transaction decodeTransaction(Decoder d) throws DecodeException {
        return TransactionCodec.INSTANCE.decode(d);
    }

    static void encodeHash(SHA256 h, Encoder e) {
        e.fixed(h.bytes());
    }

    static SHA256 decodeHash(Decoder d) throws DecodeException {
        return SHA256.of(d.fixed(SHA256.SIZE));
    }
}
