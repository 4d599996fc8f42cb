package io.skyx.node.chain;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.BlockHeader;
import io.skyx.node.coin.Genesis;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxOut;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chain in memory: the head block and the unspent set. {@link #apply(SignedBlock)} checks a block against every
 * rule of skycoin-protocol.md §7–8 and, only if all pass, applies it; a refused block changes nothing. Not
 * thread-safe.
 */
public final class Chain {
    private final GenesisParams params;
    private final boolean strictFee;
    private final UnspentPool pool = new UnspentPool();
    private BlockHeader head;
    private SHA256 headHash;

    private Chain(GenesisParams params, boolean strictFee) {
        this.params = params;
        this.strictFee = strictFee;
    }

    /**
     * Starts a chain holding only the genesis block built from {@code params}.
     *
     * @param strictFee also require each header's Fee to equal the sum of its transaction fees (Skycoin nodes do
     *                  not check this; every mainnet block satisfies it)
     * @throws IllegalArgumentException if the configured genesis signature does not verify
     */
    public static Chain fromGenesis(GenesisParams params, boolean strictFee) {
        Objects.requireNonNull(params, "params");
        SignedBlock genesis = params.genesisBlock();
        if (!BlockSignatures.verify(params.blockchainPubKey(), genesis)) {
            throw new IllegalArgumentException("genesis signature does not verify against the blockchain key");
        }
        Chain chain = new Chain(params, strictFee);
        for (Transaction t : genesis.block().body().transactions()) {
            Genesis.createdOutputs(genesis.header(), t).forEach(chain.pool::add);
        }
        chain.head = genesis.header();
        chain.headHash = genesis.hash();
        return chain;
    }

    /**
     * Restores a chain at a stored head without replaying its blocks: the head block (its signature is checked
     * against the blockchain key) and the unspent set after it. The caller proves the set is the right one by
     * comparing {@link #uxHash()} (recomputed here from every member) with the UxHash recorded with the head.
     *
     * @throws IllegalArgumentException if the head's signature does not verify or an output appears twice
     */
    public static Chain restore(GenesisParams params, boolean strictFee, SignedBlock head, Collection<UxOut> unspents) {
        Objects.requireNonNull(params, "params");
        if (!BlockSignatures.verify(params.blockchainPubKey(), head)) {
            throw new IllegalArgumentException("stored head block signature does not verify against the blockchain key");
        }
        Chain chain = new Chain(params, strictFee);
        for (UxOut u : unspents) {
            chain.pool.add(u);
        }
        chain.head = head.header();
        chain.headHash = head.hash();
        return chain;
    }

    public GenesisParams params() {
        return params;
    }

    public BlockHeader head() {
        return head;
    }

    public SHA256 headHash() {
        return headHash;
    }

    public long headSeq() {
        return head.seq();
    }

    public int unspentCount() {
        return pool.size();
    }

    /** @return XOR of the snapshot hashes of the unspent set: the UxHash the next block must carry */
    public SHA256 uxHash() {
        return pool.uxHash();
    }

    public Optional<UxOut> unspent(SHA256 id) {
        return pool.get(id);
    }

    /** @return a live, read-only view of the unspent set (copy it before applying more blocks while iterating) */
    public Collection<UxOut> unspents() {
        return pool.all();
    }

    /**
     * Checks a transaction that is not in a block against the current head and unspent set: hard rules for a
     * single transaction, then the soft rules.
     */
    public TxnResult verifyTransaction(Transaction t, TransactionRules.SoftParams soft) {
        List<UxOut> uxIn = new ArrayList<>(t.inputs().size());
        for (SHA256 in : t.inputs()) {
            Optional<UxOut> ux = pool.get(in);
            if (ux.isEmpty()) {
                return TxnResult.INPUT_NOT_UNSPENT;
            }
            uxIn.add(ux.get());
        }
        TxnResult r = TransactionRules.verifySingleTransaction(t, head.time(), uxIn);
        if (r.ok()) {
            r = newOutputsCollide(t) ? TxnResult.NEW_OUTPUT_COLLIDES : TxnResult.OK;
        }
        return r.ok() ? TransactionRules.verifySoft(t, head.time(), uxIn, soft) : r;
    }

    /** Checks {@code block} and applies it if it is valid; otherwise nothing changes. */
    public ApplyResult apply(SignedBlock block) {
        return apply(block, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * {@link #apply(SignedBlock)}, adding to {@code spent} the outputs a valid block spends (in transaction, then
     * input order) and to {@code created} those it creates (in transaction, then output order), for the store.
     */
    public ApplyResult apply(SignedBlock block, List<UxOut> spent, List<UxOut> created) {
        BlockCheck check = new BlockCheck(this, block);
        ApplyResult result = check.run();
        if (result.ok()) {
            for (SHA256 id : check.spent()) {
                spent.add(pool.remove(id));
            }
            for (UxOut ux : check.created()) {
                pool.add(ux);
                created.add(ux);
            }
            head = block.header();
            headHash = block.hash();
        }
        return result;
    }

    boolean strictFee() {
        return strictFee;
    }

    UnspentPool pool() {
        return pool;
    }

    /**
     * Skycoin's sanity check that a transaction's new outputs are not already unspent. Like Skycoin it derives the
     * ids with the <em>head</em> block's header, so on top of genesis they use the all-zero SrcTransaction: a
     * transaction in block 1 that recreates the genesis output exactly collides with it.
     */
    boolean newOutputsCollide(Transaction t) {
        if (head.seq() != 0) {
            for (int i = 0; i < t.outputs().size(); i++) {
                if (pool.contains(t.outputId(i))) {
                    return true;
                }
            }
            return false;
        }
        for (UxOut ux : Genesis.createdOutputs(head, t)) {
            if (pool.contains(ux.id())) {
                return true;
            }
        }
        return false;
    }
}
