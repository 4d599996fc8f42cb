package io.skyx.node.service;

import io.skyx.node.chain.ApplyResult;
import io.skyx.node.chain.Chain;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Block;
import io.skyx.node.coin.BlockBody;
import io.skyx.node.coin.BlockHeader;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxOut;
import io.skyx.node.daemon.Daemon;
import io.skyx.node.daemon.DaemonConfig;
import io.skyx.node.daemon.PeerBook;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.store.ChainStore;
import io.skyx.node.store.StoreException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Skycoin node facade: the durable {@link ChainStore}, the chain rules ({@link Chain}), the
 * {@link UnconfirmedPool}, the P2P {@link Daemon} and, in publisher mode, block creation every
 * {@link NodeConfig#blockInterval()} when transactions are pending.
 *
 * <p>{@link #open} loads the store (writing the genesis block to a new one) and restores the chain state from it
 * without replaying blocks, checked by the UxHash of the restored unspent set; {@link #start} brings up the
 * network and the publisher.
 */
public final class SkycoinNode implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SkycoinNode.class.getName());

    private final NodeConfig config;
    private final ChainStore store;
    private final Chain chain;
    private final UnconfirmedPool pool;
    private final PersistedPool persisted;
    private final Object lock = new Object();
    private final TransactionRules.SoftParams soft = TransactionRules.SoftParams.DEFAULTS;
    /**
     * The chain's head as of the last {@link #applyBlocks}, set under {@link #lock} after its store write (also when
     * that write fails: then it is the rules' head, as {@code chain.head()} was), so that {@link #head} never waits
     * for an apply in progress: the sync's read loop asks for it on every reply.
     */
    private volatile BlockHeader head;
    private volatile Daemon daemon;
    private volatile ScheduledExecutorService publisher;

    private SkycoinNode(NodeConfig config, ChainStore store, Chain chain) {
        this.config = config;
        this.store = store;
        this.chain = chain;
        this.head = chain.head();
        this.pool = new UnconfirmedPool(this::check, Clock.systemUTC(), 65536);
        this.persisted = new PersistedPool(store, pool);
    }

    /**
     * Opens the node's store, creating it with the genesis block if new, and restores the chain state at its head.
     *
     * @throws StoreException if the store cannot be opened or holds another chain
     */
    public static SkycoinNode open(NodeConfig config) throws StoreException {
        ChainStore store = ChainStore.open(config.dataDir());
        try {
            Chain.fromGenesis(config.genesis(), false);
            SignedBlock genesis = config.genesis().genesisBlock();
            if (store.head().isEmpty()) {
                store.append(genesis);
            } else if (!store.blockBySeq(0).map(SignedBlock::hash).equals(Optional.of(genesis.hash()))) {
                throw new StoreException("the store in " + config.dataDir() + " holds another chain's genesis block");
            }
            ChainStore.Head head = store.head().orElseThrow();
            Chain chain = head.seq() == 0 ? Chain.fromGenesis(config.genesis(), false)
                    : restore(config, store, head);
            SkycoinNode node = new SkycoinNode(config, store, chain);
            node.persisted.restore();
            return node;
        } catch (StoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The chain state at the stored head, from the stored unspent set, in time proportional to the unspent set
     * (not the chain). The checksum: the XOR of every restored output's snapshot hash must equal the UxHash that
     * was written atomically with the head, and the count must match; the head's signature must verify.
     */
    private static Chain restore(NodeConfig config, ChainStore store, ChainStore.Head head) throws StoreException {
        long t0 = System.nanoTime();
        List<UxOut> unspents = store.allUnspents();
        Chain chain;
        try {
            chain = Chain.restore(config.genesis(), false, head.block(), unspents);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StoreException("stored chain state is inconsistent: " + e.getMessage());
        }
        if (!chain.uxHash().equals(head.uxHash()) || chain.unspentCount() != head.unspentCount()) {
            throw new StoreException("stored unspent set (" + chain.unspentCount() + " outputs, UxHash "
                    + chain.uxHash() + ") does not match the head's record (" + head.unspentCount() + ", "
                    + head.uxHash() + ")");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(() -> "opened the store at block " + head.seq() + " (" + head.block().hash() + "), "
                + unspents.size() + " unspent outputs, UxHash " + head.uxHash() + " verified in " + ms + " ms");
        return chain;
    }

    /** Starts the P2P daemon (listening and dialing the configured peers) and, for a publisher, block creation. */
    public void start() throws IOException {
        DaemonConfig dc = DaemonConfig.defaults(config.genesis().blockchainPubKey(),
                config.genesis().genesisBlock().hash(), config.p2pListen(), config.peers())
                .withMaxIncomingFrame(config.maxIncomingFrame());
        if (config.timers().isPresent()) {
            Duration t = config.timers().get();
            dc = dc.withTimers(t, Duration.ofSeconds(60), Duration.ofSeconds(30), t, t);
        }
        PeerBook book = new PeerBook(Optional.of(config.dataDir().resolve("peers.json")), config.peerExchange(),
                config.blacklistFor(), Clock.systemUTC());
        daemon = new Daemon(dc, new NodeBackend(this, store, pool, persisted), book);
        if (config.publisher()) {
            publisher = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("block-publisher").factory());
            long ms = config.blockInterval().toMillis();
            publisher.scheduleWithFixedDelay(this::publishQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    public NodeConfig config() {
        return config;
    }

    /** @return the durable store (blocks, outputs, indexes) for read access */
    public ChainStore store() {
        return store;
    }

    /** @return the unconfirmed pool */
    public UnconfirmedPool pool() {
        return pool;
    }

    /** @return the running daemon, if {@link #start} was called */
    public Optional<Daemon> daemon() {
        return Optional.ofNullable(daemon);
    }

    /** @return the head block header (of the blocks stored so far; an apply in progress is not waited for) */
    public BlockHeader head() {
        return head;
    }

    /** @return the head as stored: block, UxHash and unspent count */
    public ChainStore.Head storedHead() {
        return store.head().orElseThrow();
    }

    /** @return the soft-rule parameters this node applies to unconfirmed transactions */
    public TransactionRules.SoftParams softParams() {
        return soft;
    }

    /**
     * Candidate keys for {@link io.skyx.node.coin.Recoveries}: the blockchain key for block signatures, and the
     * owner of a stored output (read from the store, which is safe beside the applying thread).
     */
    public io.skyx.node.coin.Recoveries.Hints recoveryHints() {
        return new io.skyx.node.coin.Recoveries.Hints(config.genesis().blockchainPubKey(),
                uxid -> store.output(uxid).map(o -> o.out().body().address()));
    }

    /** A status summary for health checks and metrics. */
    public record Status(long headSeq, long highestSeq, int peers, int poolSize) {
    }

    public Status status() {
        long head = head().seq();
        Daemon d = daemon;
        long highest = d == null ? head : Math.max(head, d.highestPeerSeq());
        return new Status(head, highest, d == null ? 0 : d.introducedCount(), pool.size());
    }

    /**
     * Verifies a block against the chain rules and, if valid, stores it and updates the pool.
     *
     * @return the chain's verdict
     */
    public ApplyResult applyBlock(SignedBlock block) throws StoreException {
        return applyBlocks(List.of(block)).getFirst();
    }

    /**
     * Verifies blocks in order against the chain rules, stopping at the first refused one, and stores every
     * accepted block in one atomic write before any of them is visible in the store or returned (import applies
     * its chunks this way: one RocksDB write per chunk instead of one per block).
     *
     * @return the verdict of each block tried, in order: all ok, or ok ones then one refusal
     */
    public List<ApplyResult> applyBlocks(List<SignedBlock> blocks) throws StoreException {
        List<ApplyResult> results = new ArrayList<>(blocks.size());
        List<ChainStore.Applied> applied = new ArrayList<>(blocks.size());
        synchronized (lock) {
            for (SignedBlock b : blocks) {
                List<UxOut> spent = new ArrayList<>();
                List<UxOut> created = new ArrayList<>();
                ApplyResult r = chain.apply(b, spent, created);
                results.add(r);
                if (!r.ok()) {
                    io.skyx.node.coin.Recoveries.clear();
                    break;
                }
                applied.add(new ChainStore.Applied(b, spent, created));
            }
            try {
                // the outputs as the rules have them: the store reads none back and hashes none again
                store.appendApplied(applied);
            } finally {
                head = chain.head();
            }
        }
        if (!applied.isEmpty()) {
            Set<SHA256> confirmed = new HashSet<>();
            for (ChainStore.Applied a : applied) {
                for (Transaction t : a.block().block().body().transactions()) {
                    confirmed.add(t.txid());
                }
            }
            pool.onBlock(confirmed);
            persisted.sync();
        }
        return results;
    }

    /** Checks a transaction against the head: hard, soft and user rules, with its fee. */
    public UnconfirmedPool.Check check(Transaction t) {
        synchronized (lock) {
            TxnResult r = chain.verifyTransaction(t, soft);
            if (r.ok()) {
                r = TransactionRules.verifyUser(t);
            }
            if (!r.ok()) {
                return UnconfirmedPool.Check.invalid(r.violation());
            }
            List<UxOut> in = new ArrayList<>();
            for (SHA256 id : t.inputs()) {
                in.add(chain.unspent(id).orElseThrow());
            }
            return UnconfirmedPool.Check.ok(TransactionRules.fee(t, chain.head().time(), in).fee());
        }
    }

    /** @return the currently unspent output with this id, from the chain's in-memory set */
    public Optional<UxOut> unspent(SHA256 uxid) {
        synchronized (lock) {
            return chain.unspent(uxid);
        }
    }

    /**
     * Offers a transaction to the pool and, unless {@code noBroadcast}, announces it to peers.
     *
     * @return the pool's answer (invalid transactions change nothing)
     */
    public UnconfirmedPool.Offer inject(Transaction t, boolean noBroadcast) {
        UnconfirmedPool.Offer o = pool.offer(t);
        if (o.admission() == UnconfirmedPool.Admission.ADDED) {
            persisted.save(t);
        }
        Daemon d = daemon;
        if (o.admission() == UnconfirmedPool.Admission.ADDED && !noBroadcast && d != null) {
            d.announceTxns(List.of(t.txid()));
            pool.markAnnounced(List.of(t.txid()));
        }
        return o;
    }

    /**
     * Announces every valid unconfirmed transaction to the peers again (Skycoin's ResendUnconfirmedTxns).
     *
     * @return the txids announced (empty without a running daemon)
     */
    public List<SHA256> resendUnconfirmed() {
        Daemon d = daemon;
        if (d == null) {
            return List.of();
        }
        List<SHA256> ids = pool.all().stream().filter(e -> e.valid()).map(e -> e.transaction().txid()).toList();
        d.announceTxns(ids);
        pool.markAnnounced(ids);
        return ids;
    }

    /**
     * Publisher: makes, signs, applies and announces a block from the pending transactions, if any.
     *
     * @return the new block, or empty when nothing is pending or this node is not the publisher
     */
    public Optional<SignedBlock> createBlock() throws StoreException {
        if (!config.publisher()) {
            return Optional.empty();
        }
        // the pool is read before the chain's lock is taken: the pool checks an offered transaction against the
        // chain under its own lock, so taking the two the other way round could deadlock with an offer
        List<Transaction> txns = pool.blockCandidates(config.maxBlockBytes());
        long fee = 0;
        for (Transaction t : txns) {
            Optional<io.skyx.node.pool.PoolEntry> e = pool.get(t.txid());
            if (e.isEmpty()) {
                return Optional.empty();
            }
            fee += e.get().fee();
        }
        if (txns.isEmpty()) {
            return Optional.empty();
        }
        SignedBlock signed;
        synchronized (lock) {
            BlockHeader parent = chain.head();
            BlockBody body = new BlockBody(txns);
            long now = Clock.systemUTC().instant().getEpochSecond();
            long time = Math.max(now, parent.time() + 1);
            BlockHeader header = new BlockHeader(0, time, parent.seq() + 1, fee, chain.headHash(), body.hash(),
                    chain.uxHash());
            SHA256 hash = header.hash();
            signed = new SignedBlock(new Block(header, body), io.skyx.node.cipher.Cipher.signHash(hash, config.signingKey().orElseThrow()));
        }
        ApplyResult r = applyBlock(signed);
        if (!r.ok()) {
            LOG.warning(() -> "publisher made an invalid block: " + r.describe());
            return Optional.empty();
        }
        LOG.info(() -> "created block " + signed.header().seq() + " (" + signed.hash() + ") with "
                + signed.block().body().transactions().size() + " transaction(s)");
        Daemon d = daemon;
        if (d != null) {
            d.announceHead();
        }
        return Optional.of(signed);
    }

    private void publishQuietly() {
        try {
            createBlock();
        } catch (StoreException | RuntimeException e) {
            LOG.log(Level.SEVERE, "block creation failed", e);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService p = publisher;
        if (p != null) {
            p.shutdownNow();
        }
        Daemon d = daemon;
        if (d != null) {
            d.close();
        }
        synchronized (lock) {
            store.close();
        }
    }
}
