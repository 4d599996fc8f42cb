package io.skyx.node.service;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Transaction;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.store.ChainStore;
import io.skyx.node.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The unconfirmed pool's copy in the store (table {@code unconfirmed}), so that pending transactions survive a restart. */
final class PersistedPool {
    private static final Logger LOG = Logger.getLogger(SkycoinNode.class.getName());

    private final ChainStore store;
    private final UnconfirmedPool pool;

    PersistedPool(ChainStore store, UnconfirmedPool pool) {
        this.store = store;
        this.pool = pool;
    }

    /**
     * Re-offers the persisted unconfirmed transactions with their original receive times; those no longer valid
     * against the head (inputs spent, or confirmed meanwhile) are dropped, as Skycoin drops invalid unconfirmed
     * transactions. The survivors are announced to each peer on introduction.
     */
    void restore() throws StoreException {
        List<SHA256> dropped = new ArrayList<>();
        int kept = 0;
        for (ChainStore.Unconfirmed u : store.loadUnconfirmed()) {
            if (pool.offer(u.transaction(), u.received()).admission() == UnconfirmedPool.Admission.ADDED) {
                kept++;
            } else {
                dropped.add(u.transaction().txid());
            }
        }
        store.removeUnconfirmed(dropped);
        if (kept + dropped.size() > 0) {
            int k = kept;
            LOG.info(() -> "unconfirmed pool restored: " + k + " kept, " + dropped.size() + " dropped as invalid");
        }
    }

    /** Keeps a transaction the pool just added, with its receive time. */
    void save(Transaction t) {
        pool.get(t.txid()).ifPresent(e -> {
            try {
                store.saveUnconfirmed(t, e.received());
            } catch (StoreException ex) {
                LOG.log(Level.WARNING, "cannot persist unconfirmed transaction " + t.txid(), ex);
            }
        });
    }

    /** Forgets persisted transactions the pool no longer holds (confirmed, invalid or evicted). */
    void sync() {
        try {
            List<SHA256> gone = new ArrayList<>();
            for (ChainStore.Unconfirmed u : store.loadUnconfirmed()) {
                if (!pool.contains(u.transaction().txid())) {
                    gone.add(u.transaction().txid());
                }
            }
            store.removeUnconfirmed(gone);
        } catch (StoreException | IllegalStateException e) {
            LOG.log(Level.WARNING, "cannot update the persisted unconfirmed pool", e);
        }
    }
}
