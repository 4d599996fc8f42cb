package io.skyx.node.daemon;

import io.skyx.node.coin.Recoveries;
import io.skyx.node.coin.SignedBlock;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Block sync with the daemon's peers (GETB/GIVB): asks a peer for the blocks after what this node has, and applies
 * the replies that extend the head. When a full batch arrives, the next one is asked for at once. Each accepted
 * reply is handed, with its signatures already being recovered on the verify pool ({@link Recoveries}), to one
 * applying thread ({@code p2p-apply}), which applies it in one store write once its recoveries are done; meanwhile
 * the connection's read loop reads the next reply and starts its recoveries. At most {@link #DEPTH} replies of a
 * peer wait; the read loop waits beyond that. A peer whose next block the rules refuse is misbehaving.
 */
final class BlockSync implements AutoCloseable {
    /** Replies of one peer waiting to be applied, at most. */
    static final int DEPTH = 4;
    private static final Logger LOG = Logger.getLogger(BlockSync.class.getName());

    /** A peer's replies handed to the applier: the highest seq among them, and the free places. */
    private static final class Queued {
        final Semaphore free = new Semaphore(DEPTH);
        volatile long upTo;
    }

    private final DaemonBackend backend;
    private final BiConsumer<Message, Connection> broadcast;
    private final BiConsumer<Connection, PeerError> drop;
    private final LongSupplier highestPeerSeq;
    private final Map<Connection, Queued> queued = new ConcurrentHashMap<>();
    private final ExecutorService applier = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("p2p-apply").factory());
    private volatile boolean running = true;

    /**
     * @param broadcast      sends a message to every introduced peer but one (or null)
     * @param drop           disconnects a peer for a protocol error (blacklisting it for misbehaviour)
     * @param highestPeerSeq the highest head announced by a peer (for the log)
     */
    BlockSync(DaemonBackend backend, BiConsumer<Message, Connection> broadcast, BiConsumer<Connection, PeerError> drop,
              LongSupplier highestPeerSeq) {
        this.backend = backend;
        this.broadcast = broadcast;
        this.drop = drop;
        this.highestPeerSeq = highestPeerSeq;
    }

    /** @return a request for the blocks after those applied or waiting to be applied from {@code c} */
    Message.GetBlocks request(Connection c) {
        return new Message.GetBlocks(known(c), Daemon.BLOCKS_PER_REQUEST);
    }

    /** A peer announced its head: ask for the blocks beyond what this node has, if any. */
    void announced(Connection c, long peerHead) {
        c.peerHeadSeq(peerHead);
        if (Long.compareUnsigned(peerHead, known(c)) > 0) {
            c.send(request(c));
        }
    }

    /**
     * A GIVB from {@code c}, on its read loop: the blocks that continue what this node has are handed to the
     * applier (a full batch asks for the next first); the others are dropped.
     */
    void received(Connection c, List<SignedBlock> blocks) {
        Queued q = queued.computeIfAbsent(c, k -> new Queued());
        long from = known(c);
        List<SignedBlock> fresh = blocks.stream().filter(b -> Long.compareUnsigned(b.header().seq(), from) > 0)
                .toList();
        if (fresh.isEmpty() || fresh.getFirst().header().seq() != from + 1) {
            return;
        }
        boolean full = blocks.size() >= Daemon.BLOCKS_PER_REQUEST;
        if (!acquire(c, q)) {
            return;
        }
        q.upTo = fresh.getLast().header().seq();
        c.blocksReceived();
        if (full) {
            c.send(new Message.GetBlocks(q.upTo, Daemon.BLOCKS_PER_REQUEST));
        }
        CompletableFuture<Void> recovered = Recoveries.prefetchAsync(fresh);
        try {
            applier.execute(() -> {
                try {
                    apply(c, fresh, recovered, full);
                } finally {
                    q.free.release();
                }
            });
        } catch (RejectedExecutionException closing) {
            q.free.release();
        }
    }

    /** Forgets a closed connection. */
    void forget(Connection c) {
        queued.remove(c);
    }

    private boolean acquire(Connection c, Queued q) {
        try {
            while (running && !c.isClosed()) {
                if (q.free.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The highest seq applied, or handed to the applier from {@code c}. */
    private long known(Connection c) {
        long head = backend.headSeq();
        Queued q = queued.get(c);
        return q == null || Long.compareUnsigned(head, q.upTo) >= 0 ? head : q.upTo;
    }

    /** On the applier: the blocks above the head, if they continue it; {@code full}: the next one was asked for. */
    private void apply(Connection c, List<SignedBlock> blocks, CompletableFuture<Void> recovered, boolean full) {
        recovered.join();
        long before = backend.headSeq();
        List<SignedBlock> fresh = blocks.stream().filter(b -> Long.compareUnsigned(b.header().seq(), before) > 0)
                .toList();
        if (!running || c.isClosed() || fresh.isEmpty() || fresh.getFirst().header().seq() != before + 1) {
            return;
        }
        boolean all = backend.applyBlocks(fresh);
        long after = backend.headSeq();
        if (after != before) {
            c.peerHeadSeq(after);
        }
        if (!all && fresh.stream().anyMatch(b -> b.header().seq() == after + 1)) {
            drop.accept(c, new PeerError(DisconnectReason.BLACKLISTED, "sent block " + (after + 1)
                    + " that the rules refuse"));
            return;
        }
        if (after != before) {
            c.blocksReceived();
            // named source: the same log line without a stack walk to find the caller, once per batch
            LOG.logp(Level.INFO, BlockSync.class.getName(), "apply", () -> "sync: head " + before + " -> " + after
                    + " from " + c.remote() + " (peers' highest " + highestPeerSeq.getAsLong() + ")");
            broadcast.accept(new Message.AnnounceBlocks(after), null);
            if (!full) {
                c.send(new Message.GetBlocks(after, Daemon.BLOCKS_PER_REQUEST));
            }
        }
    }

    /** Stops applying; a reply being applied is finished first. */
    @Override
    public void close() {
        running = false;
        applier.shutdown();
        try {
            if (!applier.awaitTermination(10, TimeUnit.SECONDS)) {
                applier.shutdownNow();
            }
        } catch (InterruptedException e) {
            applier.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
