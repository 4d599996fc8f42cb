package io.skyx.node.service;

import io.skyx.node.chain.ApplyResult;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.daemon.DaemonBackend;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.store.ChainStore;
import io.skyx.node.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The daemon's view of a {@link SkycoinNode}. */
final class NodeBackend implements DaemonBackend {
    private static final Logger LOG = Logger.getLogger(SkycoinNode.class.getName());

    private final SkycoinNode node;
    private final ChainStore store;
    private final UnconfirmedPool pool;
    private final PersistedPool persisted;

    NodeBackend(SkycoinNode node, ChainStore store, UnconfirmedPool pool, PersistedPool persisted) {
        this.node = node;
        this.store = store;
        this.pool = pool;
        this.persisted = persisted;
    }

    @Override
    public long headSeq() {
        return node.head().seq();
    }

    @Override
    public List<SignedBlock> blocksAfter(long afterSeq, int max) {
        List<SignedBlock> out = new ArrayList<>();
        for (long s = afterSeq + 1; out.size() < max; s++) {
            Optional<SignedBlock> b = store.blockBySeq(s);
            if (b.isEmpty()) {
                break;
            }
            out.add(b.get());
        }
        return out;
    }

    @Override
    public boolean applyBlocks(List<SignedBlock> blocks) {
        if (blocks.isEmpty()) {
            return true;
        }
        try {
            List<ApplyResult> results = node.applyBlocks(blocks);
            ApplyResult last = results.getLast();
            if (!last.ok()) {
                LOG.warning(() -> "refused a block from a peer: " + last.describe());
            }
            return last.ok() && results.size() == blocks.size();
        } catch (StoreException e) {
            LOG.log(Level.SEVERE, "cannot store blocks", e);
            return false;
        }
    }

    @Override
    public Optional<Transaction> unconfirmed(SHA256 txid) {
        return pool.get(txid).map(e -> e.transaction());
    }

    @Override
    public boolean knows(SHA256 txid) {
        return pool.contains(txid) || store.transaction(txid).isPresent();
    }

    @Override
    public boolean offer(Transaction txn) {
        boolean added = pool.offer(txn).admission() == UnconfirmedPool.Admission.ADDED;
        if (added) {
            persisted.save(txn);
        }
        return added;
    }

    @Override
    public List<SHA256> announceableTxids() {
        return pool.all().stream().filter(e -> e.valid()).map(e -> e.transaction().txid()).toList();
    }
}
