package io.skyx.node.chain;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.UxOut;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory unspent output set, keyed by uxid, with its UxHash (XOR of every member's snapshot hash) kept up to
 * date incrementally. Not thread-safe; {@link Chain} owns it.
 */
final class UnspentPool {
    private final Map<SHA256, UxOut> outputs = new HashMap<>();
    private final byte[] uxHash = new byte[SHA256.SIZE];

    boolean contains(SHA256 id) {
        return outputs.containsKey(id);
    }

    Optional<UxOut> get(SHA256 id) {
        return Optional.ofNullable(outputs.get(id));
    }

    int size() {
        return outputs.size();
    }

    SHA256 uxHash() {
        return SHA256.of(uxHash);
    }

    Collection<UxOut> all() {
        return Collections.unmodifiableCollection(outputs.values());
    }

    void add(UxOut ux) {
        if (outputs.putIfAbsent(ux.id(), ux) != null) {
            throw new IllegalStateException("output already unspent: " + ux.id());
        }
        xor(ux.snapshotHash());
    }

    /** @return the removed output */
    UxOut remove(SHA256 id) {
        UxOut ux = outputs.remove(id);
        if (ux == null) {
            throw new IllegalStateException("output not unspent: " + id);
        }
        xor(ux.snapshotHash());
        return ux;
    }

    private void xor(SHA256 h) {
        for (int i = 0; i < uxHash.length; i++) {
            uxHash[i] ^= h.byteAt(i);
        }
    }
}
