package io.skyx.node.store;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.UxBody;
import io.skyx.node.coin.UxHead;
import io.skyx.node.coin.UxOut;
import io.skyx.node.coin.UxOutCodec;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.store.RocksTables.Table;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable chain store on RocksDB: blocks by seq and hash, every output (unspent set plus spent history), an
 * address index and a transaction index. {@link #append(SignedBlock)} writes a block and all its effects in one
 * atomic batch, so after a crash the store reopens at a consistent head and unspent set.
 *
 * <p>The store does not validate: callers append only blocks the chain rules accepted against {@link #unspent}.
 */
public final class ChainStore implements AutoCloseable {
    private static final byte[] HEAD_KEY = "head".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UX_HASH_KEY = "uxhash".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNSPENT_COUNT_KEY = "unspents".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);
    /** The current store format: 2, see {@link StoreFormat} (which converts a format-1 store on open). */
    static final byte FORMAT = 2;

    private final RocksTables db;
    private volatile Head head;
    /**
     * A block and what the chain rules found it does, for {@link #appendApplied}: the outputs it spends (in
     * transaction, then input order, as they were unspent) and creates (in transaction, then output order).
     */
    public record Applied(SignedBlock block, List<UxOut> spent, List<UxOut> created) {
    }

    /** A consistent view of the head: block, UxHash of the current unspent set and its size. */
    public record Head(SignedBlock block, SHA256 uxHash, long unspentCount) {
        public long seq() {
            return block.header().seq();
        }
    }

    private ChainStore(RocksTables db) throws StoreException {
        this.db = db;
        this.head = loadHead();
        StoreFormat.upgrade(db, head != null);
    }

    /** Opens (creating if needed) the store in {@code dir}. */
    public static ChainStore open(Path dir) throws StoreException {
        return open(dir, false);
    }

    /**
     * Opens the store; with {@code fsyncEachBlock} each block's batch is fsynced (survives power loss, slower);
     * without it a batch still survives a process kill.
     */
    public static ChainStore open(Path dir, boolean fsyncEachBlock) throws StoreException {
        return new ChainStore(new RocksTables(dir, fsyncEachBlock));
    }

    private Head loadHead() throws StoreException {
        Optional<byte[]> seq = db.get(Table.META, HEAD_KEY);
        if (seq.isEmpty()) {
            return null;
        }
        SignedBlock block = blockBySeq(ByteBuffer.wrap(seq.get()).getLong())
                .orElseThrow(() -> new StoreException("head block missing: store is corrupt"));
        SHA256 ux = SHA256.of(db.get(Table.META, UX_HASH_KEY).orElseThrow(() -> new StoreException("no uxhash")));
        long count = ByteBuffer.wrap(db.get(Table.META, UNSPENT_COUNT_KEY).orElseThrow(
                () -> new StoreException("no unspent count"))).getLong();
        return new Head(block, ux, count);
    }

    /** @return the head, or empty before the genesis block is stored */
    public Optional<Head> head() {
        return Optional.ofNullable(head);
    }

    /** @return the signed block at {@code seq} */
    public Optional<SignedBlock> blockBySeq(long seq) {
        return db.get(Table.BLOCKS, u64(seq)).map(ChainStore::decodeBlock);
    }

    /** @return the signed block with this header hash */
    public Optional<SignedBlock> blockByHash(SHA256 hash) {
        return db.get(Table.BLOCK_HASHES, hash.bytes()).flatMap(s -> blockBySeq(ByteBuffer.wrap(s).getLong()));
    }

    /** @return the output if it is currently unspent */
    public Optional<UxOut> unspent(SHA256 uxid) {
        return db.get(Table.UNSPENT, uxid.bytes()).map(ChainStore::decodeUnspent);
    }

    /** @return any output ever created, spent or not */
    public Optional<StoredOutput> output(SHA256 uxid) {
        Optional<UxOut> unspent = unspent(uxid);
        if (unspent.isPresent()) {
            return unspent.map(ChainStore::unspentOutput);
        }
        return db.get(Table.OUTPUTS, uxid.bytes()).map(ChainStore::decodeOutput);
    }

    private static StoredOutput unspentOutput(UxOut o) {
        return new StoredOutput(o, Optional.empty(), Optional.empty());
    }

    /** @return every output the address ever received, in uxid order */
    public List<StoredOutput> outputsOf(Address address) {
        List<StoredOutput> out = new ArrayList<>();
        db.scanPrefix(Table.ADDRESS_OUTPUTS, addressKey(address), (k, v) -> {
            byte[] uxid = new byte[32];
            System.arraycopy(k, 21, uxid, 0, 32);
            output(SHA256.of(uxid)).ifPresent(out::add);
        });
        return out;
    }

    /** @return the address's currently unspent outputs */
    public List<UxOut> unspentsOf(Address address) {
        return outputsOf(address).stream().filter(o -> !o.spent()).map(StoredOutput::out).toList();
    }

    /** @return where a confirmed transaction is */
    public Optional<TxLocation> transaction(SHA256 txid) {
        return db.get(Table.TRANSACTIONS, txid.bytes()).map(v -> {
            ByteBuffer b = ByteBuffer.wrap(v);
            return new TxLocation(b.getLong(), b.getInt());
        });
    }

    /** @return every currently unspent output (walks the whole set) */
    public List<UxOut> allUnspents() {
        List<UxOut> out = new ArrayList<>();
        db.scanPrefix(Table.UNSPENT, new byte[0], (k, v) -> out.add(decodeUnspent(v)));
        return out;
    }

    /** A persisted unconfirmed transaction and when it was first received. */
    public record Unconfirmed(Transaction transaction, java.time.Instant received) {
    }

    /** Persists an unconfirmed transaction (kept until {@link #removeUnconfirmed}). */
    public void saveUnconfirmed(Transaction t, java.time.Instant received) throws StoreException {
        byte[] tx = io.skyx.node.coin.TransactionCodec.INSTANCE.encode(t);
        byte[] v = ByteBuffer.allocate(8 + tx.length).putLong(received.toEpochMilli()).put(tx).array();
        try (RocksTables.Batch batch = db.batch()) {
            batch.put(Table.UNCONFIRMED, t.txid().bytes(), v);
            db.commit(batch);
        }
    }

    /** Forgets persisted unconfirmed transactions (confirmed, invalid or evicted). */
    public void removeUnconfirmed(java.util.Collection<SHA256> txids) throws StoreException {
        if (txids.isEmpty()) {
            return;
        }
        try (RocksTables.Batch batch = db.batch()) {
            for (SHA256 id : txids) {
                batch.delete(Table.UNCONFIRMED, id.bytes());
            }
            db.commit(batch);
        }
    }

    /** @return the persisted unconfirmed transactions (undecodable entries are skipped) */
    public List<Unconfirmed> loadUnconfirmed() {
        List<Unconfirmed> out = new ArrayList<>();
        db.scanPrefix(Table.UNCONFIRMED, new byte[0], (k, v) -> {
            try {
                ByteBuffer b = ByteBuffer.wrap(v);
                long ms = b.getLong();
                byte[] tx = java.util.Arrays.copyOfRange(v, 8, v.length);
                out.add(new Unconfirmed(io.skyx.node.coin.TransactionCodec.INSTANCE.decodeExact(tx),
                        java.time.Instant.ofEpochMilli(ms)));
            } catch (DecodeException | java.nio.BufferUnderflowException e) {
                // a damaged entry cannot be offered; it is dropped by the next sync
            }
        });
        return out;
    }

    /** @return the number of distinct addresses that ever received an output */
    public long addressCount() {
        long[] n = {0};
        byte[][] last = {null};
        db.scanPrefix(Table.ADDRESS_OUTPUTS, new byte[0], (k, v) -> {
            if (last[0] == null || !java.util.Arrays.equals(k, 0, 21, last[0], 0, 21)) {
                n[0]++;
                last[0] = k;
            }
        });
        return n[0];
    }

    /**
     * The outputs a block creates: the block's time and seq as head, the creating txid as source, except in
     * the genesis block, whose outputs have an all-zero source (Skycoin's "FIXME hardfork" quirk).
     */
    public static List<UxOut> createdOutputs(SignedBlock b, Transaction t) {
        return io.skyx.node.coin.Genesis.createdOutputs(b.header(), t);
    }

    /**
     * Appends a validated block as the new head in one atomic write: the block, its hash index, spent and
     * created outputs, the address and transaction indexes, the running UxHash and the head pointer.
     *
     * @throws StoreException if the block does not extend the head or spends an output that is not unspent
     */
    public synchronized void append(SignedBlock b) throws StoreException {
        append(List.of(b));
    }

    /**
     * Appends validated blocks, in order, in one atomic write (as {@link #append(SignedBlock)} each, with the head
     * pointer, UxHash and count of the last): after a crash the store holds all of them or none. Fewer, larger
     * writes cost RocksDB much less per block than one write each.
     *
     * @throws StoreException if a block does not extend the one before or spends an output that is not unspent;
     *                        then nothing is written
     */
    public synchronized void append(List<SignedBlock> blocks) throws StoreException {
        appendApplied(blocks.stream().map(b -> new Applied(b, null, null)).toList());
    }

    /**
     * {@link #append(List)} with the outputs each block spends and creates as the chain rules have them in memory,
     * so the store reads no spent output back from RocksDB and hashes no output again (each must be the one the
     * block names, or nothing is written). Entries with null lists are looked up and derived as by
     * {@link #append(List)}.
     *
     * @throws StoreException as {@link #append(List)}, or if a given output is not the block's; then nothing is
     *                        written
     */
    public synchronized void appendApplied(List<Applied> blocks) throws StoreException {
        if (blocks.isEmpty()) {
            return;
        }
        Head h = head;
        long expected = h == null ? 0 : h.seq() + 1;
        byte[] ux = h == null ? new byte[32] : h.uxHash().bytes();
        long count = h == null ? 0 : h.unspentCount();
        Map<SHA256, StoredOutput> touched = new HashMap<>();
        try (RocksTables.Batch batch = db.batch()) {
            for (Applied a : blocks) {
                long seq = a.block().header().seq();
                if (seq != expected) {
                    throw new StoreException("block seq " + Long.toUnsignedString(seq) + " does not extend head "
                            + (expected == 0 ? "(empty)" : Long.toUnsignedString(expected - 1)));
                }
                expected++;
                count = put(batch, a, touched, ux, count);
            }
            batch.put(Table.META, UX_HASH_KEY, ux);
            batch.put(Table.META, UNSPENT_COUNT_KEY, u64(count));
            batch.put(Table.META, HEAD_KEY, u64(expected - 1));
            db.commit(batch);
        }
        head = new Head(blocks.getLast().block(), SHA256.of(ux), count);
    }

    /** Adds one block's writes to {@code batch}, updating {@code ux} in place; @return the new unspent count */
    private long put(RocksTables.Batch batch, Applied a, Map<SHA256, StoredOutput> touched, byte[] ux,
                     long unspents) throws StoreException {
        SignedBlock b = a.block();
        long seq = b.header().seq();
        long count = unspents;
        int nextSpent = 0;
        int nextCreated = 0;
        UxHead uxHead = new UxHead(b.header().time(), seq);
        batch.put(Table.BLOCKS, u64(seq), SignedBlockCodec.INSTANCE.encode(b));
        batch.put(Table.BLOCK_HASHES, b.hash().bytes(), u64(seq));
        List<Transaction> txns = b.block().body().transactions();
        for (int i = 0; i < txns.size(); i++) {
            Transaction t = txns.get(i);
            SHA256 txid = t.txid();
            batch.put(Table.TRANSACTIONS, txid.bytes(), ByteBuffer.allocate(12).putLong(seq).putInt(i).array());
            for (SHA256 in : t.inputs()) {
                UxOut given = a.spent() == null ? null : given(a.spent(), nextSpent++, in, seq);
                StoredOutput spent = touched.containsKey(in) ? touched.get(in)
                        : given != null ? unspentOutput(given) : output(in).orElse(null);
                if (spent == null || spent.spent()) {
                    throw new StoreException("block " + seq + " spends " + in + " which is not unspent");
                }
                StoredOutput now = spent.spentAt(seq, txid);
                touched.put(in, now);
                batch.delete(Table.UNSPENT, in.bytes());
                batch.put(Table.OUTPUTS, in.bytes(), StoredOutput.StoredOutputCodec.INSTANCE.encode(now));
                xor(ux, spent.out().snapshotHash().bytes());
                count--;
            }
            List<UxOut> created = a.created() == null ? createdOutputs(b, t) : null;
            for (int j = 0; j < t.outputs().size(); j++) {
                UxOut o = created != null ? created.get(j) : given(a.created(), nextCreated, t.outputId(j), seq);
                nextCreated++;
                if (created == null && (seq == 0 || !o.head().equals(uxHead))) {
                    throw new StoreException("block " + seq + " output " + o.id() + " given with head " + o.head());
                }
                SHA256 id = o.id();
                touched.put(id, unspentOutput(o));
                batch.put(Table.UNSPENT, id.bytes(), UxOutCodec.INSTANCE.encode(o));
                batch.put(Table.ADDRESS_OUTPUTS, concat(addressKey(o.body().address()), id.bytes()), new byte[0]);
                xor(ux, o.snapshotHash().bytes());
                count++;
            }
        }
        if ((a.spent() != null && nextSpent != a.spent().size())
                || (a.created() != null && nextCreated != a.created().size())) {
            throw new StoreException("block " + seq + " given with outputs it does not spend or create");
        }
        return count;
    }

    /** @return {@code outputs[k]}, which must be the output {@code id} */
    private static UxOut given(List<UxOut> outputs, int k, SHA256 id, long seq) throws StoreException {
        if (k >= outputs.size() || !outputs.get(k).id().equals(id)) {
            throw new StoreException("block " + seq + " given without its output " + id);
        }
        return outputs.get(k);
    }

    private static void xor(byte[] acc, byte[] h) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] ^= h[i];
        }
    }

    private static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private static byte[] addressKey(Address a) {
        byte[] k = new byte[21];
        k[0] = (byte) a.version();
        System.arraycopy(a.key().bytes(), 0, k, 1, 20);
        return k;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static SignedBlock decodeBlock(byte[] v) {
        try {
            return SignedBlockCodec.INSTANCE.decodeExact(v);
        } catch (DecodeException e) {
            throw new IllegalStateException("stored block does not decode: " + e.getMessage(), e);
        }
    }

    private static UxOut decodeUnspent(byte[] v) {
        try {
            return UxOutCodec.INSTANCE.decodeExact(v);
        } catch (DecodeException e) {
            throw new IllegalStateException("stored unspent output does not decode: " + e.getMessage(), e);
        }
    }

    private static StoredOutput decodeOutput(byte[] v) {
        try {
            return StoredOutput.StoredOutputCodec.INSTANCE.decodeExact(v);
        } catch (DecodeException e) {
            throw new IllegalStateException("stored output does not decode: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
