package io.skyx.node.store;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.UxOutCodec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.store.RocksTables.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The chain store's on-disk format, recorded under {@link ChainStore#FORMAT_KEY}. Format 2 (current): an unspent
 * output lives only in {@link Table#UNSPENT} (its value is the output), a spent one only in {@link Table#OUTPUTS}.
 * A store without the key is format 1 (every output in OUTPUTS, UNSPENT keys with empty values) and is converted
 * on open.
 */
final class StoreFormat {
    private StoreFormat() {
    }

    /**
     * Marks a new store with {@link ChainStore#FORMAT}; converts a format-1 store in one atomic write (each
     * unspent output moves from OUTPUTS into its UNSPENT entry); refuses any other format, changing nothing.
     *
     * @param hasHead whether the store holds blocks (a store without blocks has no outputs to move)
     */
    static void upgrade(RocksTables db, boolean hasHead) throws StoreException {
        Optional<byte[]> format = db.get(Table.META, ChainStore.FORMAT_KEY);
        if (format.isPresent()) {
            if (format.get().length != 1 || format.get()[0] != ChainStore.FORMAT) {
                throw new StoreException("chain store format " + Arrays.toString(format.get())
                        + " is not supported (expected " + ChainStore.FORMAT + ")");
            }
            return;
        }
        try (RocksTables.Batch batch = db.batch()) {
            if (hasHead) {
                List<byte[]> unspentIds = new ArrayList<>();
                db.scanPrefix(Table.UNSPENT, new byte[0], (k, v) -> unspentIds.add(k));
                for (byte[] id : unspentIds) {
                    StoredOutput o = db.get(Table.OUTPUTS, id).map(StoreFormat::decodeFormatOne).orElseThrow(
                            () -> new StoreException("unspent output " + SHA256.of(id) + " missing: store is corrupt"));
                    batch.put(Table.UNSPENT, id, UxOutCodec.INSTANCE.encode(o.out()));
                    batch.delete(Table.OUTPUTS, id);
                }
            }
            batch.put(Table.META, ChainStore.FORMAT_KEY, new byte[]{ChainStore.FORMAT});
            db.commit(batch);
        }
    }

    private static StoredOutput decodeFormatOne(byte[] v) {
        try {
            return StoredOutput.StoredOutputCodec.INSTANCE.decodeExact(v);
        } catch (DecodeException e) {
            throw new IllegalStateException("stored output does not decode: " + e.getMessage(), e);
        }
    }
}
