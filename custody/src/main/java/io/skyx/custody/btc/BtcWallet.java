package io.skyx.custody.btc;

import io.skyx.custody.deposit.Observation;
import io.skyx.custody.withdrawal.HotWallet;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.BlockChain;
import org.bitcoinj.core.Context;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.Peer;
import org.bitcoinj.core.PeerAddress;
import org.bitcoinj.core.PeerGroup;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.listeners.DownloadProgressTracker;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.script.ScriptException;
import org.bitcoinj.store.BlockStoreException;
import org.bitcoinj.store.MemoryBlockStore;
import org.bitcoinj.wallet.DeterministicKeyChain;
import org.bitcoinj.wallet.DeterministicSeed;
import org.bitcoinj.wallet.KeyChainGroupStructure;
import org.bitcoinj.wallet.SendRequest;
import org.bitcoinj.wallet.Wallet;

/**
 * The BTC hot wallet on bitcoinj 0.17: an HD wallet from the configured BIP39 seed (BIP84, account m/84'/coin'/0'),
 * whose external chain index {@code i} is the deposit address of the user assigned index {@code i}, synced over P2P
 * from the configured peers. Deposits land directly in the hot wallet. bitcoinj is never the source of balances: it
 * only reports what it sees on chain ({@link #observe}), and the ledger decides.
 */
public final class BtcWallet implements HotWallet, AutoCloseable {

    /** Outputs below this are not created as change (P2WPKH dust limit). */
    static final long DUST = 546;

    /** Sends a signed transaction to the network. */
    public interface Broadcaster {
        /** Sends the raw transaction (hex). */
        void send(String rawHex) throws BroadcastException;
    }

    private final BitcoinNetwork network;
    private final Context context = new Context();
    private final Wallet wallet;
    private final BlockChain chain;
    private final PeerGroup peers;
    private final Broadcaster broadcaster;

    /**
     * @param broadcaster null to broadcast through the P2P peers; bcoin needs RPC (it ignores an unrequested tx)
     */
    public BtcWallet(BitcoinNetwork network, String mnemonic, String passphrase, Instant seedBirth,
                     List<InetSocketAddress> peerAddresses, Broadcaster broadcaster) {
        this.network = network;
        Context.propagate(context);
        DeterministicSeed seed = DeterministicSeed.ofMnemonic(mnemonic, passphrase, seedBirth);
        this.wallet = Wallet.fromSeed(network, seed, ScriptType.P2WPKH, KeyChainGroupStructure.BIP43);
        try {
            this.chain = new BlockChain(network, wallet,
                    new MemoryBlockStore(NetworkParameters.of(network).getGenesisBlock()));
        } catch (BlockStoreException e) {
            throw new IllegalStateException("bitcoinj block store: " + e.getMessage(), e);
        }
        this.peers = new PeerGroup(network, chain);
        peers.setUserAgent("skyx-custody", "0.1");
        peers.addWallet(wallet);
        for (InetSocketAddress a : peerAddresses) {
            peers.addAddress(PeerAddress.simple(a));
        }
        peers.setMaxConnections(Math.max(1, peerAddresses.size()));
        this.broadcaster = broadcaster != null ? broadcaster : this::sendP2p;
    }

    /** Issues the keys of deposit indexes 0..{@code lastIndex}, connects and waits for the chain download. */
    public void start(int lastIndex, Duration timeout) {
        Context.propagate(context);
        ensureIssued(lastIndex);
        DownloadProgressTracker tracker = new DownloadProgressTracker();
        peers.startBlockChainDownload(tracker);
        peers.start();
        try {
            tracker.getFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the chain download", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the chain download did not finish within " + timeout + ": " + e, e);
        }
    }

    /** Also follows {@code other} (a watch-only cold wallet) on this wallet's chain and peers; call before {@link #start}. */
    void watch(Wallet other) {
        Context.propagate(context);
        chain.addWallet(other);
        peers.addWallet(other);
    }

    /**
     * The highest BIP133 fee filter the connected peers sent (sat/kvB): a transaction paying less is not relayed by
     * all of them. -1 when no connected peer sent one (bcoin never does).
     */
    long peersFeeFilter() {
        long highest = -1;
        for (Peer p : peers.getConnectedPeers()) {
            Coin filter = p.getFeeFilter();
            if (filter != null) {
                highest = Math.max(highest, filter.value);
            }
        }
        return highest;
    }

    /** The network. */
    public BitcoinNetwork network() {
        return network;
    }

    /** Best height bitcoinj knows. */
    public int height() {
        return chain.getBestChainHeight();
    }

    /** The deposit address of index {@code index} (BIP84 external chain), watched from now on. */
    public String depositAddress(int index) {
        Context.propagate(context);
        ensureIssued(index);
        DeterministicKeyChain kc = wallet.getActiveKeyChain();
        DeterministicKey key = kc.getKeyByPath(kc.getAccountPath().extend(ChildNumber.ZERO, new ChildNumber(index)),
                false);
        return key.toAddress(ScriptType.P2WPKH, network).toString();
    }

    /**
     * The operator's own address in the hot wallet (BIP84 internal chain, index 0): never a deposit address, so
     * coins paid to it are the operator's (the float that pays anchor fees), credited to no user.
     */
    public String operatorAddress() {
        Context.propagate(context);
        DeterministicKeyChain kc = wallet.getActiveKeyChain();
        DeterministicKey key = kc.getKeyByPath(kc.getAccountPath().extend(ChildNumber.ONE, ChildNumber.ZERO), true);
        return key.toAddress(ScriptType.P2WPKH, network).toString();
    }

    /** Whether {@code address} is one of the wallet's internal-chain (change and operator) addresses. */
    public boolean isOperatorAddress(String address) {
        Context.propagate(context);
        Address a = AddressParser.getDefault(network).parseAddress(address);
        if (!(a instanceof SegwitAddress s)) {
            return false;
        }
        DeterministicKey key = wallet.getActiveKeyChain().findKeyFromPubHash(s.getWitnessProgram());
        return key != null && key.getPath().get(wallet.getActiveKeyChain().getAccountPath().size())
                .equals(ChildNumber.ONE);
    }

    /** Accounts searched under each purpose and coin type for a chain-level key (m/purpose'/coin'/account'/chain). */
    static final int ACCOUNTS_SEARCHED = 100;

    /**
     * Whether {@code key} is derivable from this wallet's seed: the master key itself, an account key at its own
     * child number under a BIP44/49/84/86 purpose and either coin type, or a chain key (external 0 or internal 1)
     * under one of the first {@link #ACCOUNTS_SEARCHED} accounts of those (the server holds the private key of any
     * of those, so such a key is never a cold one).
     */
    boolean derivesFromSeed(DeterministicKey key) {
        Context.propagate(context);
        DeterministicKey root = HDKeyDerivation.createMasterPrivateKey(wallet.getKeyChainSeed().getSeedBytes());
        if (root.getPubKeyPoint().equals(key.getPubKeyPoint())) {
            return true;
        }
        ChildNumber own = key.getChildNumber();
        boolean chainLevel = !own.isHardened() && own.num() <= 1;
        for (int purpose : new int[] {44, 49, 84, 86}) {
            for (int coin : new int[] {0, 1}) {
                DeterministicKey coinKey = HDKeyDerivation.deriveChildKey(
                        HDKeyDerivation.deriveChildKey(root, new ChildNumber(purpose, true)), new ChildNumber(coin, true));
                if (HDKeyDerivation.deriveChildKey(coinKey, own).getPubKeyPoint().equals(key.getPubKeyPoint())) {
                    return true;
                }
                if (chainLevel && isChainOf(coinKey, key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code key} is chain {@code key.getChildNumber()} of one of the first accounts under {@code coinKey}. */
    private static boolean isChainOf(DeterministicKey coinKey, DeterministicKey key) {
        for (int account = 0; account < ACCOUNTS_SEARCHED; account++) {
            DeterministicKey accountKey = HDKeyDerivation.deriveChildKey(coinKey, new ChildNumber(account, true));
            if (key.getParentFingerprint() != 0 && accountKey.getFingerprint() != key.getParentFingerprint()) {
                continue;
            }
            if (HDKeyDerivation.deriveChildKey(accountKey, key.getChildNumber()).getPubKeyPoint()
                    .equals(key.getPubKeyPoint())) {
                return true;
            }
        }
        return false;
    }

    private void ensureIssued(int index) {
        while (wallet.getActiveKeyChain().getIssuedExternalKeys() <= index) {
            wallet.freshReceiveKey();
        }
    }

    /** Every output of the wallet's transactions that pays one of {@code addresses}, with its current depth. */
    public List<Observation> observe(Set<String> addresses) {
        Context.propagate(context);
        List<Observation> out = new ArrayList<>();
        for (Transaction tx : wallet.getTransactions(true)) {
            int depth = depth(tx);
            for (TransactionOutput o : tx.getOutputs()) {
                String a = addressOf(o);
                if (a != null && addresses.contains(a)) {
                    out.add(new Observation(tx.getTxId().toString(), o.getIndex(), a, o.getValue().value,
                            Math.max(depth, 0)));
                }
            }
        }
        return out;
    }

    /** The txids of the wallet's confirmed transactions that spend its coins (for reconciliation). */
    public Set<String> spends() {
        Context.propagate(context);
        Set<String> out = new java.util.HashSet<>();
        for (Transaction tx : wallet.getTransactions(false)) {
            if (depth(tx) >= 1 && tx.getValueSentFromMe(wallet).isPositive()) {
                out.add(tx.getTxId().toString());
            }
        }
        return out;
    }

    private String addressOf(TransactionOutput o) {
        try {
            return o.getScriptPubKey().getToAddress(network).toString();
        } catch (ScriptException | IllegalArgumentException e) {
            return null;
        }
    }

    private static int depth(Transaction tx) {
        TransactionConfidence c = tx.getConfidence();
        return switch (c.getConfidenceType()) {
            case BUILDING -> c.getDepthInBlocks();
            case DEAD, IN_CONFLICT -> -1;
            default -> 0;
        };
    }

    private List<TransactionOutput> spendableOutputs() {
        List<TransactionOutput> l = new ArrayList<>();
        for (TransactionOutput o : wallet.calculateAllSpendCandidates(true, true)) {
            TransactionConfidence c = o.getParentTransaction().getConfidence();
            boolean confirmed = c.getConfidenceType() == TransactionConfidence.ConfidenceType.BUILDING;
            boolean ownPending = c.getConfidenceType() == TransactionConfidence.ConfidenceType.PENDING
                    && c.getSource() == TransactionConfidence.Source.SELF;
            if (confirmed || ownPending) {
                l.add(o);
            }
        }
        l.sort(Comparator.comparingLong((TransactionOutput o) -> o.getValue().value).reversed());
        return l;
    }

    @Override
    public synchronized Build buildAndSign(String destination, long amount, long fee) {
        Context.propagate(context);
        Address to = BtcDestinations.parse(destination, network);
        long needed = Math.addExact(amount, fee);
        List<TransactionOutput> candidates = spendableOutputs();
        List<TransactionOutput> picked = new ArrayList<>();
        long sum = 0;
        for (TransactionOutput o : candidates) {
            if (sum >= needed && (sum == needed || sum - needed >= DUST)) {
                break;
            }
            picked.add(o);
            sum += o.getValue().value;
        }
        if (sum < needed || (sum > needed && sum - needed < DUST)) {
            return new Short(candidates.stream().mapToLong(o -> o.getValue().value).sum(), needed);
        }
        Transaction tx = new Transaction();
        tx.addOutput(Coin.valueOf(amount), to);
        for (TransactionOutput o : picked) {
            tx.addInput(o);
        }
        if (sum > needed) {
            tx.addOutput(Coin.valueOf(sum - needed), wallet.currentChangeAddress());
        }
        SendRequest req = SendRequest.forTx(tx);
        wallet.signTransaction(req);
        return new Signed(tx.getTxId().toString(), tx.serialize());
    }

    @Override
    public synchronized void adopt(byte[] raw) {
        Context.propagate(context);
        Transaction tx = Transaction.read(ByteBuffer.wrap(raw));
        if (wallet.getTransaction(tx.getTxId()) == null) {
            wallet.maybeCommitTx(tx);
        }
    }

    @Override
    public void broadcast(byte[] raw) throws BroadcastException {
        broadcaster.send(HexFormat.of().formatHex(raw));
    }

    private void sendP2p(String rawHex) throws BroadcastException {
        Context.propagate(context);
        Transaction tx = Transaction.read(ByteBuffer.wrap(HexFormat.of().parseHex(rawHex)));
        try {
            peers.broadcastTransaction(tx).awaitRelayed().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BroadcastException("interrupted", false);
        } catch (ExecutionException | TimeoutException e) {
            throw new BroadcastException(e.toString(), false);
        }
    }

    @Override
    public int confirmations(String txid) {
        Context.propagate(context);
        Transaction tx = wallet.getTransaction(Sha256Hash.wrap(txid));
        return tx == null ? 0 : depth(tx);
    }

    @Override
    public long spendable() {
        Context.propagate(context);
        return spendableOutputs().stream().mapToLong(o -> o.getValue().value).sum();
    }

    /** The bitcoinj wallet, for {@link BtcReserveWallet} (call with {@link #context()} propagated). */
    Wallet bitcoinj() {
        return wallet;
    }

    /** The chain the wallet follows. */
    BlockChain chain() {
        return chain;
    }

    /** bitcoinj's context of this wallet. */
    Context context() {
        return context;
    }

    /** The wallet's own view of its balance (for reconciliation only; never a user balance). */
    public long walletBalance() {
        Context.propagate(context);
        return wallet.getBalance(Wallet.BalanceType.ESTIMATED).value;
    }

    @Override
    public void close() {
        Context.propagate(context);
        peers.stop();
    }
}
