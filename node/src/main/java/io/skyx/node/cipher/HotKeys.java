package io.skyx.node.cipher;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte tables ({@link ByteTable}) for the few public keys that signatures are checked against again and again: the
 * blockchain key signs every block, and an address that spends often (an exchange's hot wallet) has one key. With
 * a table, u2·P in {@link Cipher#recoversTo} is 32 mixed additions instead of its share of BC's interleaved GLV
 * multiplication (128 doublings and about 40 additions). A table costs about 60 checks' worth of CPU and about
 * 1.5 MB, so a key gets one only after {@link #CHECKS_BEFORE_TABLE} checks against the same {@link PubKey} object
 * (the verify pool keeps its candidate keys), and at most {@link #MAX_TABLES} keys hold one (the set is emptied
 * when a key qualifies while it is full, so keys that stopped signing make room; a key still in use qualifies again
 * at each further multiple of {@link #CHECKS_BEFORE_TABLE} checks). Only public values are involved.
 */
final class HotKeys {
    static final int CHECKS_BEFORE_TABLE = 256;
    static final int MAX_TABLES = 16;
    private static final ConcurrentHashMap<PubKey, ByteTable> TABLES = new ConcurrentHashMap<>();

    private HotKeys() {
    }

    /** Counts a check against {@code key}; @return its table, or null while it has none */
    static ByteTable tableFor(PubKey key) {
        ByteTable table = TABLES.get(key);
        if (table != null || key.countCheck() % CHECKS_BEFORE_TABLE != 0) {
            return table;
        }
        if (TABLES.size() >= MAX_TABLES) {
            TABLES.clear();
        }
        return TABLES.computeIfAbsent(key, k -> ByteTable.of(k.point()));
    }

    /** @return how many keys hold a table (for tests) */
    static int tables() {
        return TABLES.size();
    }
}
