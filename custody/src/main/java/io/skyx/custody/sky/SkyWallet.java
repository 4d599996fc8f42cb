package io.skyx.custody.sky;

import io.skyx.custody.deposit.Observation;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.withdrawal.HotWallet;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.pool.UnconfirmedPool;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.store.ChainStore;
import io.skyx.node.store.StoredOutput;
import io.skyx.node.store.TxLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SKY hot wallet on the embedded node: it owns the hot address and every deposit address of the platform's
 * key chain, spends their confirmed unspent outputs (never one an unconfirmed transaction already spends), sends
 * the change to the hot address, and injects through the node. It is also the SKY side of proof of reserves, and
 * the deposit watcher's view of the chain (the node's address index). The node is never the source of balances.
 */
public final class SkyWallet implements HotWallet, ReserveWallet {

    /** Hands a transaction to the network (the node's inject, or a test's stand-in). */
    public interface Injector {
        /** Offers {@code t} to the node's pool and peers. */
        UnconfirmedPool.Offer inject(Transaction t);
    }

    private final SkycoinNode node;
    private final SkyKeys keys;
    private final Supplier<List<Address>> depositAddresses;
    private final Injector injector;
    private final int sharePercent;
    private final Map<String, Transaction> adopted = new ConcurrentHashMap<>();
    private volatile List<Address> cold = List.of();
    private volatile HoldingsAt lastHoldings;

    /** The holdings last read, with the head (in them) and the address lists they were read at. */
    private record HoldingsAt(Holdings holdings, List<Address> owned, List<Address> cold) {
    }

    /**
     * @param depositAddresses the deposit addresses assigned so far (their keys derived by {@code keys})
     * @param injector         null for the node's own inject (announced to peers)
     * @param sharePercent     the share of the spendable hours that goes to the destinations
     */
    public SkyWallet(SkycoinNode node, SkyKeys keys, Supplier<List<Address>> depositAddresses, Injector injector,
                     int sharePercent) {
        this.node = node;
        this.keys = keys;
        this.depositAddresses = depositAddresses;
        this.injector = injector != null ? injector : t -> node.inject(t, false);
        this.sharePercent = sharePercent;
    }

    /** Lists the cold addresses (no key here) among the reserve holdings, as COLD; call before the first read. */
    void coldAddresses(List<Address> addresses) {
        this.cold = List.copyOf(addresses);
    }

    /** The hot address, where change goes. */
    public Address hotAddress() {
        return keys.hotAddress();
    }

    /** The head block seq. */
    public long height() {
        return node.storedHead().seq();
    }

    private List<Address> owned() {
        List<Address> all = new ArrayList<>();
        all.add(keys.hotAddress());
        all.addAll(depositAddresses.get());
        return all;
    }

    /**
     * The hot wallet's unspent outputs that no transaction of ours spends: neither one in the node's pool nor one
     * this wallet signed or adopted (a withdrawal batch, a settlement payout or an anchor signed on another thread
     * and not yet injected), so two spenders never pick the same output.
     */
    private List<SkyTransactions.Spendable> candidates() {
        Set<SHA256> pending = KeyPayer.pendingInputs(node);
        // a confirmed transaction's inputs are spent on chain, and confirmations() finds it in the store: forget it
        adopted.values().removeIf(t -> node.store().transaction(t.txid()).isPresent());
        adopted.values().forEach(t -> pending.addAll(t.inputs()));
        List<SkyTransactions.Spendable> out = new ArrayList<>();
        for (Address a : owned()) {
            KeyPair k = keys.keyOf(a).orElseThrow(() -> new IllegalStateException("no key for " + a));
            node.store().unspentsOf(a).stream().filter(u -> !pending.contains(u.id()))
                    .forEach(u -> out.add(new SkyTransactions.Spendable(u, k.sec())));
        }
        return out;
    }

    @Override
    public Build buildAndSign(String destination, long amount, long fee) {
        if (fee != 0) {
            throw new IllegalArgumentException("SKY pays its network fee in coin hours, not droplets: " + fee);
        }
        return buildAndSign(List.of(new Payment(destination, amount)));
    }

    @Override
    public synchronized Build buildAndSign(List<Payment> payments) {
        Map<Address, Long> to = new LinkedHashMap<>();
        for (Payment p : payments) {
            to.merge(SkyDestinations.parse(p.destination()), p.amount(), Math::addExact);
        }
        SkyTransactions.Result r = SkyTransactions.build(candidates(), to, keys.hotAddress(), node.head().time(),
                node.softParams().burnFactor(), sharePercent);
        return switch (r) {
            case SkyTransactions.Built b -> {
                // reserved at once: the caller stores and adopts it later, maybe after another spender has built
                adopted.put(b.transaction().txid().hex(), b.transaction());
                yield new Signed(b.transaction().txid().hex(), TransactionCodec.INSTANCE.encode(b.transaction()));
            }
            case SkyTransactions.Insufficient s -> new Short(s.spendable(), s.needed(), s.reason());
        };
    }

    /**
     * Pays {@code droplets} to {@code to} with 1 coin hour (every other hour goes to the change at the hot address),
     * signs and injects it; call on the custody thread. Returns the txid.
     *
     * @throws IllegalStateException when the hot wallet cannot pay it or the node refuses it
     */
    synchronized String payMinimal(Address to, long droplets) {
        SkyTransactions.Result r = SkyTransactions.build(candidates(), Map.of(to, droplets), keys.hotAddress(),
                node.head().time(), node.softParams().burnFactor(), 0);
        if (!(r instanceof SkyTransactions.Built b)) {
            SkyTransactions.Insufficient s = (SkyTransactions.Insufficient) r;
            throw new IllegalStateException("the SKY hot wallet cannot pay " + droplets + " droplets: "
                    + (s.reason() != null ? s.reason() : s.spendable() + " spendable"));
        }
        byte[] raw = TransactionCodec.INSTANCE.encode(b.transaction());
        try {
            broadcast(raw);
        } catch (BroadcastException e) {
            throw new IllegalStateException("the node refused the transaction: " + e.getMessage(), e);
        }
        return b.transaction().txid().hex();
    }

    private static Transaction decode(byte[] raw) {
        try {
            return TransactionCodec.INSTANCE.decodeExact(raw);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("not a Skycoin transaction: " + e.getMessage(), e);
        }
    }

    @Override
    public void adopt(byte[] raw) {
        Transaction t = decode(raw);
        adopted.put(t.txid().hex(), t);
    }

    @Override
    public void broadcast(byte[] raw) throws BroadcastException {
        Transaction t = decode(raw);
        adopted.putIfAbsent(t.txid().hex(), t);
        if (node.store().transaction(t.txid()).isPresent()) {
            return;
        }
        UnconfirmedPool.Offer o = injector.inject(t);
        if (o.admission() == UnconfirmedPool.Admission.REJECTED) {
            boolean spent = t.inputs().stream().anyMatch(in -> node.unspent(in).isEmpty());
            throw new BroadcastException(o.reason(), spent);
        }
    }

    @Override
    public Optional<String> conflict(byte[] raw) {
        Transaction t = decode(raw);
        if (node.store().transaction(t.txid()).isPresent()) {
            return Optional.empty();
        }
        for (SHA256 in : t.inputs()) {
            Optional<StoredOutput> o = node.store().output(in);
            if (o.isPresent() && o.get().spent() && !o.get().spentTxid().orElseThrow().equals(t.txid())) {
                return Optional.of("input " + in.hex() + " is spent by the confirmed transaction "
                        + o.get().spentTxid().orElseThrow().hex());
            }
        }
        return Optional.empty();
    }

    @Override
    public void release(byte[] raw) {
        Transaction t = decode(raw);
        if (conflict(raw).isEmpty()) {
            throw new IllegalStateException("transaction " + t.txid() + " can still confirm: not released");
        }
        adopted.remove(t.txid().hex());
    }

    @Override
    public int confirmations(String txid) {
        SHA256 id;
        try {
            id = SHA256.fromHex(txid);
        } catch (CipherException e) {
            throw new IllegalArgumentException("bad txid " + txid, e);
        }
        Optional<TxLocation> at = node.store().transaction(id);
        if (at.isPresent()) {
            return (int) Math.min(Integer.MAX_VALUE, height() - at.get().blockSeq() + 1);
        }
        Transaction t = adopted.get(txid);
        if (t != null) {
            for (SHA256 in : t.inputs()) {
                Optional<StoredOutput> o = node.store().output(in);
                if (o.isPresent() && o.get().spent() && !o.get().spentTxid().orElseThrow().equals(id)) {
                    return -1;
                }
            }
        }
        return 0;
    }

    @Override
    public long spendable() {
        return candidates().stream().mapToLong(s -> s.out().body().coins()).sum();
    }

    /** The txids of the confirmed transactions that spend an output of the hot or a deposit address. */
    public Set<String> spends() {
        Set<String> out = new java.util.HashSet<>();
        for (Address a : owned()) {
            for (StoredOutput o : node.store().outputsOf(a)) {
                o.spentTxid().ifPresent(t -> out.add(t.hex()));
            }
        }
        return out;
    }

    /** Every output ever paid to one of {@code addresses} with its depth (the deposit watcher's view). */
    public List<Observation> observe(Set<String> addresses) {
        long head = height();
        Map<SHA256, Transaction> txs = new HashMap<>();
        List<Observation> out = new ArrayList<>();
        for (String text : addresses) {
            Address a = SkyDestinations.parse(text);
            for (StoredOutput o : node.store().outputsOf(a)) {
                SHA256 src = o.out().body().srcTransaction();
                if (src.isNull()) {
                    continue;
                }
                Transaction t = txs.computeIfAbsent(src, this::confirmedTransaction);
                out.add(new Observation(src.hex(), indexOf(t, o), text, o.out().body().coins(),
                        (int) Math.min(Integer.MAX_VALUE, head - o.out().head().bkSeq() + 1)));
            }
        }
        return out;
    }

    private Transaction confirmedTransaction(SHA256 txid) {
        TxLocation at = node.store().transaction(txid).orElseThrow(
                () -> new IllegalStateException("output of unknown transaction " + txid));
        SignedBlock b = node.store().blockBySeq(at.blockSeq()).orElseThrow();
        return b.block().body().transactions().get(at.index());
    }

    private static int indexOf(Transaction t, StoredOutput o) {
        List<TransactionOutput> outs = t.outputs();
        for (int i = 0; i < outs.size(); i++) {
            TransactionOutput x = outs.get(i);
            if (x.address().equals(o.out().body().address()) && x.coins() == o.out().body().coins()
                    && x.hours() == o.out().body().hours()) {
                return i;
            }
        }
        throw new IllegalStateException("output " + o.out().id() + " is not in its transaction " + t.txid());
    }

    @Override
    public CustodyAsset asset() {
        return CustodyAsset.SKY;
    }

    /**
     * {@inheritDoc} Read once per head block: while the head and the hot, deposit and cold address lists stay the
     * same, the last reading is returned without a re-scan.
     */
    @Override
    public Holdings holdings() {
        List<Address> owned = owned();
        List<Address> coldNow = cold;
        HoldingsAt last = lastHoldings;
        ChainStore.Head head = node.storedHead();
        if (last != null && last.holdings().height() == head.seq()
                && last.holdings().blockHash().equals(head.block().hash().hex())
                && last.owned().equals(owned) && last.cold().equals(coldNow)) {
            return last.holdings();
        }
        Holdings h = scan(owned, coldNow);
        lastHoldings = new HoldingsAt(h, owned, coldNow);
        return h;
    }

    private Holdings scan(List<Address> owned, List<Address> coldNow) {
        for (int attempt = 0; attempt < 10; attempt++) {
            ChainStore.Head before = node.storedHead();
            List<Holding> hs = new ArrayList<>();
            for (Address a : owned) {
                long balance = node.store().unspentsOf(a).stream().mapToLong(u -> u.body().coins()).sum();
                hs.add(new Holding(a.toString(), Kind.HOT, balance));
            }
            for (Address a : coldNow) {
                long balance = node.store().unspentsOf(a).stream().mapToLong(u -> u.body().coins()).sum();
                hs.add(new Holding(a.toString(), Kind.COLD, balance));
            }
            ChainStore.Head after = node.storedHead();
            if (after.seq() == before.seq()) {
                return new Holdings(before.seq(), before.block().hash().hex(), hs);
            }
        }
        throw new IllegalStateException("the SKY chain kept moving while reading the reserve balances");
    }

    @Override
    public String signMessage(String address, String message) {
        Address a;
        try {
            a = Address.parse(address);
        } catch (CipherException e) {
            throw new IllegalArgumentException("not a SKY address: " + address, e);
        }
        KeyPair k = keys.keyOf(a).orElseThrow(() -> new IllegalArgumentException("no key for " + address));
        return Cipher.signHash(SHA256.sum(message.getBytes(StandardCharsets.UTF_8)), k.sec()).hex();
    }
}
