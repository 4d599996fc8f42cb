package io.skyx.node.store;

import io.skyx.node.store.RocksTables.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables keyed by hashes are written uncompressed (random bytes do not compress; compressing them only costs CPU
 * on every flush), the block table and the small ones keep RocksDB's default compression.
 */
class RocksTablesCompressionTest {
    @Test
    void hashTablesAreStoredUncompressedAndBlocksCompressed(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        System.out.println("RocksTablesCompressionTest seed " + seed);
        Random rnd = new Random(seed);
        try (RocksTables db = new RocksTables(dir, false); RocksTables.Batch b = db.batch()) {
            for (int i = 0; i < 1000; i++) {
                for (Table t : Table.values()) {
                    byte[] k = new byte[32];
                    byte[] v = new byte[64];
                    rnd.nextBytes(k);
                    rnd.nextBytes(v);
                    b.put(t, k, v);
                }
            }
            db.commit(b);
        }
        try (RocksTables db = new RocksTables(dir, false)) {
            for (Table t : Table.values()) {
                String expected = t.compressed() ? "Snappy" : "NoCompression";
                assertThat(db.fileCompressions(t)).as(t.name()).isNotEmpty().containsOnly(expected);
            }
        }
    }
}
