package io.skyx.node.store;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.UxOut;
import io.skyx.node.coin.UxOutCodec;
import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

import java.util.Objects;
import java.util.Optional;

/**
 * An output ever created on the chain, with where it was spent once it has been (the data behind
 * {@code /api/v1/uxout} and {@code address_uxouts}).
 *
 * @param out        the output with its creating block's time and seq
 * @param spentSeq   seq of the block that spent it, if spent
 * @param spentTxid  txid that spent it, if spent
 */
public record StoredOutput(UxOut out, Optional<Long> spentSeq, Optional<SHA256> spentTxid) {
    public StoredOutput {
        Objects.requireNonNull(out, "out");
        if (spentSeq.isPresent() != spentTxid.isPresent()) {
            throw new IllegalArgumentException("spent seq and txid go together");
        }
    }

    /** @return whether a block has spent this output */
    public boolean spent() {
        return spentSeq.isPresent();
    }

    StoredOutput spentAt(long seq, SHA256 txid) {
        return new StoredOutput(out, Optional.of(seq), Optional.of(txid));
    }

    /** UxOut (77) ‖ spent flag (1) ‖ spent seq (8) ‖ spent txid (32). */
    enum StoredOutputCodec implements Codec<StoredOutput> {
        INSTANCE;

        private static final int SIZE = UxOutCodec.SIZE + 1 + 8 + 32;

        @Override
        public int size(StoredOutput value) {
            return SIZE;
        }

        @Override
        public void encode(StoredOutput v, Encoder e) {
            UxOutCodec.INSTANCE.encode(v.out, e);
            e.bool(v.spent());
            e.u64(v.spentSeq.orElse(0L));
            e.fixed(v.spentTxid.map(SHA256::bytes).orElse(new byte[32]));
        }

        @Override
        public StoredOutput decode(Decoder d) throws DecodeException {
            UxOut out = UxOutCodec.INSTANCE.decode(d);
            boolean spent = d.bool();
            long seq = d.u64();
            byte[] txid = d.fixed(32);
            return spent ? new StoredOutput(out, Optional.of(seq), Optional.of(SHA256.of(txid)))
                    : new StoredOutput(out, Optional.empty(), Optional.empty());
        }
    }
}
