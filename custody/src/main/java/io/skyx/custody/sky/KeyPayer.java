package io.skyx.custody.sky;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.Transaction;
import io.skyx.node.pool.PoolEntry;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.service.SkycoinNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pays from one key outside custody (the local private chain's genesis wallet, a test's funding key) through the
 * node: its confirmed outputs that no unconfirmed transaction spends, change back to its address. Skycoin spends
 * only confirmed outputs, so a second payment waits for the block that confirms the first one's change.
 */
public final class KeyPayer {

    private final SkycoinNode node;
    private final SecKey key;
    private final Address address;

    /** A payer of {@code key}'s coins on {@code node}. */
    public KeyPayer(SkycoinNode node, SecKey key) {
        this.node = node;
        this.key = key;
        this.address = Address.fromSecKey(key);
    }

    /** The key's address. */
    public Address address() {
        return address;
    }

    /** The outputs the node's unconfirmed transactions spend. */
    static Set<SHA256> pendingInputs(SkycoinNode node) {
        Set<SHA256> pending = new HashSet<>();
        for (PoolEntry e : node.pool().all()) {
            pending.addAll(e.transaction().inputs());
        }
        return pending;
    }

    /**
     * Injects one transaction paying every address its droplets; empty when every output of the key is spent by
     * an unconfirmed transaction (retry after the next block).
     *
     * @throws IllegalStateException when the key cannot cover the payments or the node refuses the transaction
     */
    public synchronized Optional<String> tryPay(Map<Address, Long> payments) {
        Set<SHA256> pending = pendingInputs(node);
        List<SkyTransactions.Spendable> in = node.store().unspentsOf(address).stream()
                .filter(u -> !pending.contains(u.id())).map(u -> new SkyTransactions.Spendable(u, key)).toList();
        if (in.isEmpty()) {
            return Optional.empty();
        }
        SkyTransactions.Result r = SkyTransactions.build(in, payments, address, node.head().time(),
                node.softParams().burnFactor(), 50);
        if (!(r instanceof SkyTransactions.Built b)) {
            throw new IllegalStateException(address + " cannot pay " + payments + ": " + r);
        }
        Transaction t = b.transaction();
        UnconfirmedPool.Offer o = node.inject(t, false);
        if (o.admission() == UnconfirmedPool.Admission.REJECTED) {
            throw new IllegalStateException("the node refused the payment: " + o.reason());
        }
        return Optional.of(t.txid().hex());
    }

    /** {@link #tryPay}, retrying for at most {@code wait} while the key's outputs are all pending. */
    public String pay(Map<Address, Long> payments, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<String> txid = tryPay(payments);
            if (txid.isPresent()) {
                return txid.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(address + " has no confirmed output free to spend after " + wait);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting to pay", e);
            }
        }
    }
}
