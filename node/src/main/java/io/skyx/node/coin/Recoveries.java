package io.skyx.node.coin;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Public-key recoveries done ahead of the sequential chain rules: {@link #prefetch} recovers the key of every
 * block signature and every input signature of some blocks in parallel (they depend on nothing but the signature
 * and the signed hash), and the rules then take each answer once via {@link #recover}. Recovery is a pure
 * function, so the rules' verdicts are exactly those without prefetching; a signature not prefetched is
 * recovered on the spot. At most {@link #MAX_ENTRIES} answers wait; beyond that, prefetching stops adding.
 * Recoveries run on a pool of one thread per core, not on the common pool, whose parallelism is one less than the
 * cores (a single thread on a two-core machine, which left the other core to the mostly idle applying thread).
 */
public final class Recoveries {
    /** Bound on waiting answers (a few hundred bytes each). */
    static final int MAX_ENTRIES = 1 << 16;

    private record Key(Sig sig, SHA256 hash) {
    }

    private static final ConcurrentHashMap<Key, Optional<PubKey>> READY = new ConcurrentHashMap<>();

    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private Recoveries() {
    }

    /** {@link Cipher#pubKeyFromSig}, taking a prefetched answer if one waits. */
    public static Optional<PubKey> recover(Sig sig, SHA256 hash) {
        if (!READY.isEmpty()) {
            Optional<PubKey> ready = READY.remove(new Key(sig, hash));
            if (ready != null) {
                return ready;
            }
        }
        return Cipher.pubKeyFromSig(sig, hash);
    }

    /** Recovers, one thread per core, the block signature and every input signature of {@code blocks}. */
    public static void prefetch(List<SignedBlock> blocks) {
        prefetchAsync(blocks).join();
    }

    /** {@link #prefetch} started on the recovery pool; the future completes when every answer waits. */
    public static CompletableFuture<Void> prefetchAsync(List<SignedBlock> blocks) {
        return CompletableFuture.runAsync(() -> recoverAll(blocks), POOL);
    }

    private static void recoverAll(List<SignedBlock> blocks) {
        List<Key> keys = new ArrayList<>();
        for (SignedBlock b : blocks) {
            keys.add(new Key(b.sig(), b.hash()));
            for (Transaction t : b.block().body().transactions()) {
                int n = Math.min(t.sigs().size(), t.inputs().size());
                for (int i = 0; i < n; i++) {
                    if (!t.sigs().get(i).isNull()) {
                        keys.add(new Key(t.sigs().get(i), t.signingHash(i)));
                    }
                }
            }
        }
        if (READY.size() + keys.size() > MAX_ENTRIES) {
            return;
        }
        keys.parallelStream().forEach(k -> READY.put(k, Cipher.pubKeyFromSig(k.sig(), k.hash())));
    }

    /** Drops waiting answers (blocks that were prefetched but not applied). */
    public static void clear() {
        READY.clear();
    }
}
