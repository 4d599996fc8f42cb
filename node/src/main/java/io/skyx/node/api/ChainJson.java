package io.skyx.node.api;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.UxBody;
import io.skyx.node.coin.UxHead;
import io.skyx.node.coin.UxOut;
import io.skyx.node.pool.PoolEntry;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.store.StoredOutput;
import io.skyx.node.store.TxLocation;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.skyx.node.api.Readable.F;

/** Builds the chain-backed responses (blocks, transactions, outputs) from the node's store and pool. */
final class ChainJson {
    private final SkycoinNode node;

    ChainJson(SkycoinNode node) {
        this.node = node;
    }

    long headSeq() {
        return node.storedHead().seq();
    }

    long headTime() {
        return node.storedHead().block().header().time();
    }

    /** The time transactions in block {@code seq} are valued at: the parent's time (genesis: its own). */
    private long parentTime(SignedBlock b) {
        long seq = b.header().seq();
        return seq == 0 ? b.header().time() : node.store().blockBySeq(seq - 1).orElseThrow().header().time();
    }

    private static SHA256 uxSource(SignedBlock b, Transaction t) {
        return b.header().seq() == 0 ? SHA256.NULL : t.txid();
    }

    private List<UxOut> inputsOf(Transaction t) {
        List<UxOut> in = new ArrayList<>();
        for (SHA256 id : t.inputs()) {
            Optional<StoredOutput> s = node.store().output(id);
            if (s.isEmpty()) {
                return List.of();
            }
            in.add(s.get().out());
        }
        return in;
    }

    private long fee(Transaction t, long time, List<UxOut> in) {
        if (in.isEmpty()) {
            return 0;
        }
        TransactionRules.Fee f = TransactionRules.fee(t, time, in);
        return f.status().ok() ? f.fee() : 0;
    }

    ObjectNode block(SignedBlock b, boolean verbose) {
        ObjectNode o = F.objectNode();
        o.set("header", Readable.header(b.header()));
        ArrayNode txns = F.arrayNode();
        long time = parentTime(b);
        for (Transaction t : b.block().body().transactions()) {
            if (verbose) {
                List<UxOut> in = inputsOf(t);
                txns.add(Readable.verboseTransaction(t, uxSource(b, t), in, time, fee(t, time, in)));
            } else {
                txns.add(Readable.transaction(t, uxSource(b, t)));
            }
        }
        ObjectNode body = F.objectNode();
        body.set("txns", txns);
        o.set("body", body);
        o.put("size", Readable.blockSize(b));
        return o;
    }

    ObjectNode blocks(List<SignedBlock> blocks, boolean verbose) {
        ArrayNode a = F.arrayNode();
        blocks.forEach(b -> a.add(block(b, verbose)));
        ObjectNode o = F.objectNode();
        o.set("blocks", a);
        return o;
    }

    private ObjectNode status(boolean confirmed, long height, long seq) {
        ObjectNode s = F.objectNode();
        s.put("confirmed", confirmed);
        s.put("unconfirmed", !confirmed);
        s.set("height", Readable.u64(height));
        s.set("block_seq", Readable.u64(seq));
        return s;
    }

    /** A transaction found in the chain or the pool, as {@code /transaction} shows it. */
    Optional<ObjectNode> transaction(SHA256 txid, boolean verbose, boolean encoded) {
        Optional<TxLocation> loc = node.store().transaction(txid);
        ObjectNode o = F.objectNode();
        Transaction t;
        long time;
        long valueTime;
        SHA256 src;
        if (loc.isPresent()) {
            SignedBlock b = node.store().blockBySeq(loc.get().blockSeq()).orElseThrow();
            t = b.block().body().transactions().get(loc.get().index());
            time = b.header().time();
            valueTime = parentTime(b);
            src = uxSource(b, t);
            o.set("status", status(true, headSeq() - b.header().seq() + 1, b.header().seq()));
        } else {
            Optional<PoolEntry> e = node.pool().get(txid);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            t = e.get().transaction();
            time = e.get().received().getEpochSecond();
            valueTime = headTime();
            src = t.txid();
            o.set("status", status(false, 0, 0));
        }
        o.set("time", Readable.u64(time));
        if (encoded) {
            o.put("encoded_transaction", HexFormat.of().formatHex(TransactionCodec.INSTANCE.encode(t)));
            return Optional.of(o);
        }
        ObjectNode txn = F.objectNode();
        txn.set("timestamp", Readable.u64(time));
        ObjectNode body;
        if (verbose) {
            List<UxOut> in = inputsOf(t);
            body = Readable.verboseTransaction(t, src, in, valueTime, fee(t, valueTime, in));
        } else {
            body = Readable.transaction(t, src);
        }
        txn.setAll(body);
        o.set("txn", txn);
        return Optional.of(o);
    }

    /** @return the transaction's raw bytes if known */
    Optional<Transaction> rawTransaction(SHA256 txid) {
        Optional<TxLocation> loc = node.store().transaction(txid);
        if (loc.isPresent()) {
            return Optional.of(node.store().blockBySeq(loc.get().blockSeq()).orElseThrow()
                    .block().body().transactions().get(loc.get().index()));
        }
        return node.pool().get(txid).map(PoolEntry::transaction);
    }

    /**
     * Unspent outputs selected by address or by hash (both empty: all), with the pool's outgoing and incoming
     * outputs under the same filter, as Skycoin's GetUnspentOutputsSummary applies it.
     */
    ObjectNode outputs(List<UxOut> head, Set<Address> addrs, Set<SHA256> hashes) {
        long headTime = headTime();
        List<UxOut> sorted = new ArrayList<>(head);
        sorted.sort(Comparator.comparing((UxOut u) -> u.head().time(), Long::compareUnsigned).reversed()
                .thenComparing(u -> u.id().toString()));
        Set<SHA256> headIds = new java.util.HashSet<>();
        sorted.forEach(u -> headIds.add(u.id()));
        ArrayNode headOut = F.arrayNode();
        sorted.forEach(u -> headOut.add(Readable.output(u, headTime)));
        ArrayNode outgoing = F.arrayNode();
        ArrayNode incoming = F.arrayNode();
        long headSeq = headSeq();
        for (PoolEntry e : node.pool().all()) {
            Transaction t = e.transaction();
            for (UxOut u : sorted) {
                if (t.inputs().contains(u.id())) {
                    outgoing.add(Readable.output(u, headTime));
                }
            }
            for (UxOut u : t.createdOutputs(new UxHead(headTime, headSeq))) {
                boolean wanted = addrs.isEmpty() && hashes.isEmpty() || addrs.contains(u.body().address())
                        || hashes.contains(u.id());
                if (wanted) {
                    incoming.add(Readable.output(u, headTime));
                }
            }
        }
        ObjectNode o = F.objectNode();
        o.set("head", Readable.header(node.storedHead().block().header()));
        o.set("head_outputs", headOut);
        o.set("outgoing_outputs", outgoing);
        o.set("incoming_outputs", incoming);
        return o;
    }

    /** Confirmed and predicted (after the pool) balance of these addresses, coins in droplets. */
    ObjectNode balance(List<Address> addrs) {
        long headTime = headTime();
        long headSeq = headSeq();
        ObjectNode perAddress = F.objectNode();
        long[] total = new long[4];
        for (Address a : addrs) {
            long[] conf = new long[2];
            long[] pred = new long[2];
            for (UxOut u : node.store().unspentsOf(a)) {
                conf[0] += u.body().coins();
                conf[1] += ApiHours.at(u, headTime);
                boolean spentInPool = node.pool().all().stream().anyMatch(e -> e.transaction().inputs().contains(u.id()));
                if (!spentInPool) {
                    pred[0] += u.body().coins();
                    pred[1] += ApiHours.at(u, headTime);
                }
            }
            for (PoolEntry e : node.pool().all()) {
                for (UxOut u : e.transaction().createdOutputs(new UxHead(headTime, headSeq))) {
                    UxBody body = u.body();
                    if (body.address().equals(a)) {
                        pred[0] += body.coins();
                        pred[1] += body.hours();
                    }
                }
            }
            ObjectNode one = F.objectNode();
            one.set("confirmed", pair(conf));
            one.set("predicted", pair(pred));
            perAddress.set(a.toString(), one);
            total[0] += conf[0];
            total[1] += conf[1];
            total[2] += pred[0];
            total[3] += pred[1];
        }
        ObjectNode o = F.objectNode();
        o.set("confirmed", pair(new long[] {total[0], total[1]}));
        o.set("predicted", pair(new long[] {total[2], total[3]}));
        o.set("addresses", perAddress);
        return o;
    }

    private static ObjectNode pair(long[] coinsHours) {
        ObjectNode o = F.objectNode();
        o.set("coins", Readable.u64(coinsHours[0]));
        o.set("hours", Readable.u64(coinsHours[1]));
        return o;
    }

    /**
     * The uxout form of every output an address ever received, in the order Skycoin's history index appends them:
     * by creating block, then transaction, then output position.
     */
    ArrayNode addressUxouts(Address a) {
        long headTime = headTime();
        List<StoredOutput> outs = new ArrayList<>(node.store().outputsOf(a));
        java.util.Map<SHA256, Integer> position = new java.util.HashMap<>();
        java.util.Set<Long> loaded = new java.util.HashSet<>();
        for (StoredOutput s : outs) {
            long seq = s.out().head().bkSeq();
            if (loaded.add(seq)) {
                SignedBlock b = node.store().blockBySeq(seq).orElseThrow();
                int i = 0;
                for (Transaction t : b.block().body().transactions()) {
                    for (UxOut u : io.skyx.node.store.ChainStore.createdOutputs(b, t)) {
                        position.put(u.id(), i++);
                    }
                }
            }
        }
        outs.sort(Comparator.comparing((StoredOutput s) -> s.out().head().bkSeq(), Long::compareUnsigned)
                .thenComparing(s -> position.getOrDefault(s.out().id(), Integer.MAX_VALUE)));
        ArrayNode arr = F.arrayNode();
        outs.forEach(s -> arr.add(Readable.uxout(s, headTime)));
        return arr;
    }

    /** Confirmed transactions touching these addresses (created outputs for them or spent theirs), by seq. */
    List<SHA256> confirmedTxidsOf(List<Address> addrs) {
        java.util.TreeMap<String, SHA256> byOrder = new java.util.TreeMap<>();
        for (Address a : addrs) {
            for (StoredOutput s : node.store().outputsOf(a)) {
                addTx(byOrder, s.out().head().bkSeq(), txOf(s.out()));
                if (s.spent()) {
                    addTx(byOrder, s.spentSeq().orElseThrow(), s.spentTxid().orElseThrow());
                }
            }
        }
        return List.copyOf(byOrder.values());
    }

    private SHA256 txOf(UxOut u) {
        if (u.head().bkSeq() == 0) {
            return node.store().blockBySeq(0).orElseThrow().block().body().transactions().getFirst().txid();
        }
        return u.body().srcTransaction();
    }

    private static void addTx(java.util.TreeMap<String, SHA256> m, long seq, SHA256 txid) {
        m.put(String.format("%020d", seq) + txid, txid);
    }
}
