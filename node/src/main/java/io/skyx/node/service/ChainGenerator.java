package io.skyx.node.service;

import io.skyx.node.chain.ApplyResult;
import io.skyx.node.chain.Chain;
import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.coin.Block;
import io.skyx.node.coin.BlockBody;
import io.skyx.node.coin.BlockHeader;
import io.skyx.node.coin.Genesis;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.UxOut;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a valid private chain deterministically from a seed: a publisher key, a genesis output of 100M SKY
 * held by wallet key 0, and blocks whose transactions each split one unspent output into two (owned by a
 * rotating set of wallet keys), burning half the input hours. Every block passes the full chain rules (they are
 * applied to a {@link Chain} as they are made), so the result is what a real publisher would have produced.
 * Used by tests, the standalone dev setup and the sync benchmark.
 */
public final class ChainGenerator {
    /** Droplets in the genesis output (100M SKY). */
    public static final long GENESIS_COINS = 100_000_000_000_000L;
    private static final long GENESIS_TIME = 1_700_000_000L;
    /** Wallet keys of {@link #ChainGenerator(String)}: the outputs' owners rotate over them. */
    public static final int DEFAULT_WALLET_KEYS = 16;

    private final SecKey publisher;
    private final GenesisParams params;
    /** The wallet keys' addresses, in rotation order (the keys themselves are the values of {@link #owners}). */
    private final List<Address> wallet = new ArrayList<>();
    private final Map<Address, SecKey> owners = new HashMap<>();
    private final Chain chain;
    private final Deque<UxOut> spendable = new ArrayDeque<>();
    private final List<SignedBlock> blocks = new ArrayList<>();
    private int nextOwner;

    /** A generator for the chain named by {@code seed} (same seed, same chain), over 16 wallet keys. */
    public ChainGenerator(String seed) {
        this(seed, DEFAULT_WALLET_KEYS);
    }

    /**
     * A generator for the chain named by {@code seed} and {@code walletKeys}, the number of keys the outputs' owners
     * rotate over: few keys make every address spend again and again (an exchange's hot wallet), many keys make
     * nearly every input the first spend of its address.
     */
    public ChainGenerator(String seed, int walletKeys) {
        if (walletKeys < 1) {
            throw new IllegalArgumentException("a chain needs at least one wallet key, was " + walletKeys);
        }
        this.publisher = key(seed + "/publisher");
        for (int i = 0; i < walletKeys; i++) {
            SecKey k = key(seed + "/wallet/" + i);
            Address a = Address.fromSecKey(k);
            wallet.add(a);
            owners.put(a, k);
        }
        Address genesisAddress = wallet.getFirst();
        Block genesis = Genesis.block(genesisAddress, GENESIS_COINS, GENESIS_TIME);
        this.params = new GenesisParams(genesisAddress, GENESIS_COINS, GENESIS_TIME,
                Cipher.signHash(genesis.header().hash(), publisher), publisher.pubKey());
        this.chain = Chain.fromGenesis(params, true);
        SignedBlock g = params.genesisBlock();
        blocks.add(g);
        spendable.addAll(chain.unspents());
    }

    private static SecKey key(String label) {
        try {
            return SecKey.of(SHA256.sum(label.getBytes(StandardCharsets.UTF_8)).bytes());
        } catch (io.skyx.node.cipher.CipherException e) {
            throw new IllegalStateException("seed hashes to an invalid key: " + label, e);
        }
    }

    /** @return the genesis parameters (publisher key, genesis address, coins, time, signature) */
    public GenesisParams params() {
        return params;
    }

    /** @return the block-signing key */
    public SecKey publisherKey() {
        return publisher;
    }

    /** @return wallet key {@code i} (key 0 owns the genesis output) */
    public SecKey walletKey(int i) {
        return owners.get(wallet.get(i));
    }

    /** @return all blocks made so far, genesis first */
    public List<SignedBlock> blocks() {
        return List.copyOf(blocks);
    }

    /** @return the chain's current head time */
    public long headTime() {
        return chain.head().time();
    }

    /** @return an unspent output of the generated chain not yet used by this generator, owned by a wallet key */
    public UxOut takeSpendable() {
        return spendable.removeFirst();
    }

    /** @return the wallet key owning {@code ux} */
    public SecKey ownerOf(UxOut ux) {
        return owners.get(ux.body().address());
    }

    /**
     * Signs a transaction spending {@code ux} into two outputs to wallet keys, with output hours half the input's
     * hours at {@code time} (so the soft fee rule holds).
     */
    public Transaction split(UxOut ux, long time) {
        long coins = ux.body().coins();
        long half = (coins / 2) / 1000 * 1000;
        long hours = Math.max(0, ux.coinHours(time).hours() / 4);
        Address a = wallet.get(nextOwner++ % wallet.size());
        Address b = wallet.get(nextOwner++ % wallet.size());
        List<TransactionOutput> outs = half == 0 || half == coins
                ? List.of(new TransactionOutput(a, coins, hours))
                : List.of(new TransactionOutput(a, half, hours), new TransactionOutput(b, coins - half, hours));
        return Transaction.unsigned(List.of(ux.id()), outs).sign(List.of(ownerOf(ux)));
    }

    /**
     * Makes, signs and applies the next block with up to {@code txnsPerBlock} splitting transactions.
     *
     * @return the block
     */
    public SignedBlock nextBlock(int txnsPerBlock) {
        BlockHeader parent = chain.head();
        List<Transaction> txns = new ArrayList<>();
        long fee = 0;
        int n = Math.min(txnsPerBlock, spendable.size());
        for (int i = 0; i < n; i++) {
            UxOut ux = spendable.removeFirst();
            Transaction t = split(ux, parent.time());
            fee += TransactionRules.fee(t, parent.time(), List.of(ux)).fee();
            txns.add(t);
        }
        return sealAndApply(parent, txns, fee);
    }

    /** Makes, signs and applies a block holding exactly these transactions (they must be valid at the head). */
    public SignedBlock blockWith(List<Transaction> txns) {
        BlockHeader parent = chain.head();
        long fee = 0;
        for (Transaction t : txns) {
            List<UxOut> in = t.inputs().stream().map(id -> chain.unspent(id).orElseThrow()).toList();
            fee += TransactionRules.fee(t, parent.time(), in).fee();
            spendable.removeIf(u -> t.inputs().contains(u.id()));
        }
        return sealAndApply(parent, txns, fee);
    }

    private SignedBlock sealAndApply(BlockHeader parent, List<Transaction> txns, long fee) {
        BlockBody body = new BlockBody(txns);
        BlockHeader h = new BlockHeader(0, parent.time() + 10, parent.seq() + 1, fee, chain.headHash(),
                body.hash(), chain.uxHash());
        SignedBlock b = new SignedBlock(new Block(h, body), Cipher.signHash(h.hash(), publisher));
        ApplyResult r = chain.apply(b);
        if (!r.ok()) {
            throw new IllegalStateException("generated an invalid block: " + r.describe());
        }
        for (Transaction t : txns) {
            spendable.addAll(t.createdOutputs(new io.skyx.node.coin.UxHead(h.time(), h.seq())));
        }
        blocks.add(b);
        return b;
    }
}
