package io.skyx.node.store;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

/**
 * The RocksDB database behind the chain store: one column family per {@link Table}. Writes go through a single
 * {@link WriteBatch} committed through the write-ahead log, so a block is either wholly applied or not at all,
 * even after a kill -9 (the WAL is written before the write returns; it is fsynced per batch only when asked, since
 * a process kill cannot lose what the OS already holds).
 */
final class RocksTables implements AutoCloseable {

    /** The column families and what their keys and values are. */
    enum Table {
        /** fixed keys ("head") → store metadata */
        META,
        /** seq (u64 BE) → signed block bytes */
        BLOCKS,
        /** block hash (32) → seq (u64 BE) */
        BLOCK_HASHES,
        /** uxid (32) → {@link StoredOutput} of a spent output (the output and where it was spent) */
        OUTPUTS,
        /** uxid (32) → the output ({@code UxOutCodec}): the unspent set, one read or scan restores it */
        UNSPENT,
        /** address (21, version first) ‖ uxid (32) → empty: every output an address ever received */
        ADDRESS_OUTPUTS,
        /** txid (32) → seq (u64 BE) ‖ index in block (u32 BE) */
        TRANSACTIONS,
        /** txid (32) → received (unix ms, u64 BE) ‖ transaction bytes: the unconfirmed pool, kept across restarts */
        UNCONFIRMED;

        /**
         * Whether the table's blocks are compressed: not for tables keyed (and mostly valued) by hashes, whose
         * random bytes do not compress, so compressing them on every flush and compaction only costs CPU.
         */
        boolean compressed() {
            return this == META || this == BLOCKS || this == UNCONFIRMED;
        }

        byte[] cfName() {
            return this == META ? RocksDB.DEFAULT_COLUMN_FAMILY : name().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        }
    }

    static {
        RocksDB.loadLibrary();
    }

    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final ColumnFamilyOptions uncompressed;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final Map<Table, ColumnFamilyHandle> byTable = new EnumMap<>(Table.class);
    private final WriteOptions syncWrites;
    /** Native handles must never be used after close (it would crash the JVM): every use holds the read lock. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    RocksTables(Path dir, boolean fsyncEachBatch) throws StoreException {
        try {
            Files.createDirectories(dir);
            dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
            cfOptions = new ColumnFamilyOptions();
            uncompressed = new ColumnFamilyOptions().setCompressionType(CompressionType.NO_COMPRESSION);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (Table t : Table.values()) {
                descriptors.add(new ColumnFamilyDescriptor(t.cfName(), t.compressed() ? cfOptions : uncompressed));
            }
            db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            for (Table t : Table.values()) {
                byTable.put(t, handles.get(t.ordinal()));
            }
            syncWrites = new WriteOptions().setSync(fsyncEachBatch);
        } catch (RocksDBException | java.io.IOException e) {
            throw new StoreException("cannot open chain store at " + dir + ": " + e.getMessage(), e);
        }
    }

    private Lock open() {
        Lock l = lifecycle.readLock();
        l.lock();
        if (closed) {
            l.unlock();
            throw new IllegalStateException("chain store is closed");
        }
        return l;
    }

    Optional<byte[]> get(Table t, byte[] key) {
        Lock l = open();
        try {
            return Optional.ofNullable(db.get(byTable.get(t), key));
        } catch (RocksDBException e) {
            throw new IllegalStateException("chain store read failed: " + e.getMessage(), e);
        } finally {
            l.unlock();
        }
    }

    /** Visits every entry of {@code t} whose key starts with {@code prefix}, in key order. */
    void scanPrefix(Table t, byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
        Lock l = open();
        try (RocksIterator it = db.newIterator(byTable.get(t))) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (key.length < prefix.length || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
                    break;
                }
                visitor.accept(key, it.value());
            }
        } finally {
            l.unlock();
        }
    }

    /** @return the compression of each table file of {@code t} (RocksDB's names, e.g. "NoCompression") */
    List<String> fileCompressions(Table t) {
        Lock l = open();
        try {
            return db.getPropertiesOfAllTables(byTable.get(t)).values().stream()
                    .map(org.rocksdb.TableProperties::getCompressionName).toList();
        } catch (RocksDBException e) {
            throw new IllegalStateException("chain store properties unreadable: " + e.getMessage(), e);
        } finally {
            l.unlock();
        }
    }

    /** A batch of puts and deletes applied atomically by {@link #commit(Batch)}. */
    final class Batch implements AutoCloseable {
        private final WriteBatch wb = new WriteBatch();

        Batch put(Table t, byte[] key, byte[] value) {
            try {
                wb.put(byTable.get(t), key, value);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        Batch delete(Table t, byte[] key) {
            try {
                wb.delete(byTable.get(t), key);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        @Override
        public void close() {
            wb.close();
        }
    }

    Batch batch() {
        return new Batch();
    }

    void commit(Batch batch) throws StoreException {
        Lock l = open();
        try {
            db.write(syncWrites, batch.wb);
        } catch (RocksDBException e) {
            throw new StoreException("chain store write failed: " + e.getMessage(), e);
        } finally {
            l.unlock();
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            release();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void release() {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            // the next open then reads tables instead of replaying the whole write-ahead log
            db.flush(flush, handles);
        } catch (RocksDBException e) {
            // nothing is lost: the write-ahead log still holds every committed batch and is replayed on open
        }
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        syncWrites.close();
        cfOptions.close();
        uncompressed.close();
        dbOptions.close();
    }
}
