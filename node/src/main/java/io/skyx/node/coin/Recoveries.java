package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
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
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Public-key recoveries done ahead of the sequential chain rules: {@link #prefetch} recovers the key of every
 * block signature and every input signature of some blocks in parallel (they depend on nothing but the signature
 * and the signed hash), and the rules then take each answer once via {@link #recover}. Recovery is a pure
 * function, so the rules' verdicts are exactly those without prefetching; a signature not prefetched is
 * recovered on the spot. At most {@link #MAX_ENTRIES} answers wait; beyond that, prefetching stops adding.
 * Recoveries run on a pool of one thread per core ({@code skyx-verify-N}), not on the common pool, whose
 * parallelism is one less than the cores.
 *
 * <p>Most signatures are by a key seen before: every block by the blockchain key, most inputs by an address that
 * spent earlier. When the prefetch knows such a candidate ({@link Hints}), it asks {@link Cipher#recoversTo}
 * (one verification against the candidate, whose multiplication table is kept) and only on "no" recovers in full;
 * either way the answer is the key recovery gives, so hints change the speed, never a verdict.
 */
public final class Recoveries {
    /** Bound on waiting answers (a few hundred bytes each). */
    static final int MAX_ENTRIES = 1 << 16;
    /** Bound on remembered keys and output owners; past it the map is emptied and refills. */
    static final int MAX_KNOWN = 1 << 17;

    /**
     * Where candidate keys come from: the key expected to sign blocks, and the owner of an output created before
     * the prefetched blocks (outputs created inside them are found without it). Called from the recovery
     * threads, concurrently with the chain being applied; a wrong or missing answer only costs a full recovery.
     */
    public record Hints(PubKey blockSigner, Function<SHA256, Optional<Address>> ownerOf) {
        /** No candidates beyond the keys and outputs seen by earlier prefetches. */
        public static final Hints NONE = new Hints(null, id -> Optional.empty());
    }

    private record Key(Sig sig, SHA256 hash) {
    }

    /** A signature to recover: a block's (signer: the expected key, or null) or an input's (spends: its uxid). */
    private record Job(Sig sig, SHA256 hash, boolean block, PubKey signer, SHA256 spends) {
    }

    private static final ConcurrentHashMap<Key, Optional<PubKey>> READY = new ConcurrentHashMap<>();
    /** Keys recovered before, by their address. */
    private static final ConcurrentHashMap<Address, PubKey> KNOWN = new ConcurrentHashMap<>();
    /** The key the last prefetched block signature recovered to: the candidate for blocks without a hint. */
    private static volatile PubKey lastBlockSigner;
    /** Owners of outputs created by prefetched blocks, until a prefetched input spends them. */
    private static final ConcurrentHashMap<SHA256, Address> OWNERS = new ConcurrentHashMap<>();

    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("skyx-verify-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }, null, false);

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

    /**
     * Whether {@code pubKeyFromSig(sig, hash)} is {@code expected}: a prefetched answer if one waits, otherwise
     * {@link Cipher#recoversTo} (no recovery needed to answer).
     */
    public static boolean recoversTo(Sig sig, SHA256 hash, PubKey expected) {
        if (!READY.isEmpty()) {
            Optional<PubKey> ready = READY.remove(new Key(sig, hash));
            if (ready != null) {
                return ready.map(expected::equals).orElse(false);
            }
        }
        return Cipher.recoversTo(sig, hash, expected);
    }

    /** Recovers, one thread per core, the block signature and every input signature of {@code blocks}. */
    public static void prefetch(List<SignedBlock> blocks) {
        prefetch(blocks, Hints.NONE);
    }

    /** {@link #prefetch(List)} with candidate keys from {@code hints}. */
    public static void prefetch(List<SignedBlock> blocks, Hints hints) {
        prefetchAsync(blocks, hints).join();
    }

    /** {@link #prefetch} started on the recovery pool; the future completes when every answer waits. */
    public static CompletableFuture<Void> prefetchAsync(List<SignedBlock> blocks) {
        return prefetchAsync(blocks, Hints.NONE);
    }

    /** {@link #prefetchAsync(List)} with candidate keys from {@code hints}. */
    public static CompletableFuture<Void> prefetchAsync(List<SignedBlock> blocks, Hints hints) {
        return CompletableFuture.runAsync(() -> recoverAll(blocks, hints), POOL);
    }

    private static void recoverAll(List<SignedBlock> blocks, Hints hints) {
        List<Job> jobs = new ArrayList<>();
        if (OWNERS.size() > MAX_KNOWN) {
            OWNERS.clear();
        }
        for (SignedBlock b : blocks) {
            jobs.add(new Job(b.sig(), b.hash(), true, hints.blockSigner(), null));
            for (Transaction t : b.block().body().transactions()) {
                int n = Math.min(t.sigs().size(), t.inputs().size());
                for (int i = 0; i < n; i++) {
                    if (!t.sigs().get(i).isNull()) {
                        jobs.add(new Job(t.sigs().get(i), t.signingHash(i), false, null, t.inputs().get(i)));
                    }
                }
                if (b.header().seq() != 0) {
                    for (int i = 0; i < t.outputs().size(); i++) {
                        OWNERS.put(t.outputId(i), t.outputs().get(i).address());
                    }
                }
            }
        }
        if (READY.size() + jobs.size() > MAX_ENTRIES) {
            return;
        }
        recoverEach(jobs, hints);
    }

    /**
     * Answers every job, each of the pool's threads taking the next one in list order until none is left (a
     * parallel stream hands out fixed slices instead, so one thread recovered the last slice alone while the other
     * had nothing to do): a thread waits at most for another's last job, and keys recovered early in the list are
     * candidates for the jobs after them.
     */
    private static void recoverEach(List<Job> jobs, Hints hints) {
        AtomicInteger next = new AtomicInteger();
        Runnable take = () -> {
            for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                Job j = jobs.get(i);
                READY.put(new Key(j.sig(), j.hash()), answer(j, hints));
            }
        };
        int helpers = Math.min(POOL.getParallelism(), jobs.size()) - 1;
        List<ForkJoinTask<?>> forked = new ArrayList<>(Math.max(0, helpers));
        for (int k = 0; k < helpers; k++) {
            ForkJoinTask<?> task = ForkJoinTask.adapt(take);
            forked.add(ForkJoinTask.getPool() == POOL ? task.fork() : POOL.submit(task));
        }
        take.run();
        forked.forEach(ForkJoinTask::join);
    }

    private static Optional<PubKey> answer(Job j, Hints hints) {
        PubKey candidate = j.block() ? (j.signer() != null ? j.signer() : lastBlockSigner)
                : candidateFor(j.spends(), hints);
        if (candidate != null && Cipher.recoversTo(j.sig(), j.hash(), candidate)) {
            return Optional.of(candidate);
        }
        Optional<PubKey> recovered = Cipher.pubKeyFromSig(j.sig(), j.hash());
        if (j.block()) {
            recovered.ifPresent(k -> lastBlockSigner = k);
        } else {
            recovered.ifPresent(Recoveries::remember);
        }
        return recovered;
    }

    private static PubKey candidateFor(SHA256 spends, Hints hints) {
        if (spends == null) {
            return null;
        }
        // an output is spent once: its entry is not needed again, and the map stays the size of the unspent
        // outputs created by prefetched blocks instead of filling up and being emptied
        Address owner = OWNERS.remove(spends);
        if (owner == null) {
            try {
                owner = hints.ownerOf().apply(spends).orElse(null);
            } catch (RuntimeException storeClosedOrUnreadable) {
                return null;
            }
        }
        return owner == null ? null : KNOWN.get(owner);
    }

    private static void remember(PubKey key) {
        if (KNOWN.size() > MAX_KNOWN) {
            KNOWN.clear();
        }
        KNOWN.putIfAbsent(Address.fromPubKey(key), key);
    }

    /** Drops waiting answers (blocks that were prefetched but not applied) and the remembered keys and owners. */
    public static void clear() {
        READY.clear();
        KNOWN.clear();
        OWNERS.clear();
        lastBlockSigner = null;
    }
}
