package io.skyx.custody.btc;

import io.skyx.custody.cold.ColdSide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.core.Context;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.script.ScriptException;
import org.bitcoinj.wallet.DeterministicKeyChain;
import org.bitcoinj.wallet.Wallet;

/**
 * The BTC cold wallet as the server holds it: a watch-only bitcoinj wallet on the configured BIP84 account public
 * key (xpub, zpub, tpub or vpub of m/84'/coin'/account'), following the same chain as the hot wallet. Cold address
 * {@code i} is the account's external chain index {@code i}; top-up change goes to its internal chain. No private
 * key is ever on the server: spending needs the offline signer (PSBT, {@link BtcTopUps}).
 */
public final class BtcColdWallet implements ColdSide {

    private final BtcWallet hot;
    private final Wallet watching;

    /** Watches the account of {@code accountKeyB58} on the hot wallet's chain; call before the hot wallet starts. */
    BtcColdWallet(BtcWallet hot, String accountKeyB58, Instant birth) {
        this.hot = hot;
        Context.propagate(hot.context());
        DeterministicKey account;
        try {
            account = DeterministicKey.deserializeB58(accountKeyB58.strip(), hot.network());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the cold account key is not a " + hot.network() + " extended public key: "
                    + e.getMessage(), e);
        }
        if (account.hasPrivKey()) {
            throw new IllegalArgumentException("the cold account key must be a public key (xpub/zpub), never a private one");
        }
        if (hot.derivesFromSeed(account)) {
            throw new IllegalArgumentException("the cold account key belongs to the hot wallet (it derives from the hot "
                    + "seed, whose private keys are on this server): configure the offline signer's account xpub");
        }
        account.setCreationTime(birth);
        this.watching = Wallet.fromWatchingKey(hot.network(), account, ScriptType.P2WPKH);
        hot.watch(watching);
    }

    private DeterministicKey key(ChildNumber chain, int index) {
        Context.propagate(hot.context());
        DeterministicKeyChain kc = watching.getActiveKeyChain();
        if (chain.equals(ChildNumber.ZERO)) {
            while (kc.getIssuedExternalKeys() <= index) {
                watching.freshReceiveKey();
            }
        }
        return kc.getKeyByPath(kc.getAccountPath().extend(chain, new ChildNumber(index)), true);
    }

    @Override
    public synchronized String address(int index) {
        return key(ChildNumber.ZERO, index).toAddress(ScriptType.P2WPKH, hot.network()).toString();
    }

    /** The cold account's internal-chain address {@code index} (top-up change). */
    synchronized String changeAddress(int index) {
        return key(ChildNumber.ONE, index).toAddress(ScriptType.P2WPKH, hot.network()).toString();
    }

    /** The watched key of a cold P2WPKH output, or null. */
    synchronized DeterministicKey keyOf(TransactionOutput o) {
        Context.propagate(hot.context());
        try {
            if (o.getScriptPubKey().getScriptType() != ScriptType.P2WPKH) {
                return null;
            }
            SegwitAddress a = (SegwitAddress) o.getScriptPubKey().getToAddress(hot.network());
            return watching.getActiveKeyChain().findKeyFromPubHash(a.getWitnessProgram());
        } catch (ScriptException | ClassCastException e) {
            return null;
        }
    }

    @Override
    public synchronized List<String> addresses() {
        int n = watching.getActiveKeyChain().getIssuedExternalKeys();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(address(i));
        }
        return out;
    }

    /** Unspent cold outputs confirmed in the chain, largest first. */
    synchronized List<TransactionOutput> confirmedUnspent() {
        Context.propagate(hot.context());
        List<TransactionOutput> out = new ArrayList<>();
        for (Transaction tx : watching.getTransactions(false)) {
            if (!inChain(tx)) {
                continue;
            }
            for (TransactionOutput o : tx.getOutputs()) {
                if (o.isMine(watching) && !spentInChain(o)) {
                    out.add(o);
                }
            }
        }
        out.sort(Comparator.comparingLong((TransactionOutput o) -> o.getValue().value).reversed());
        return out;
    }

    /** The confirmed unspent balance of each cold address at the chain head (for proof of reserves). */
    synchronized Map<String, Long> byAddress() {
        Map<String, Long> m = new TreeMap<>();
        for (TransactionOutput o : confirmedUnspent()) {
            m.merge(o.getScriptPubKey().getToAddress(hot.network()).toString(), o.getValue().value, Math::addExact);
        }
        return m;
    }

    @Override
    public long balance() {
        return confirmedUnspent().stream().mapToLong(o -> o.getValue().value).sum();
    }

    private static boolean inChain(Transaction tx) {
        return tx.getConfidence().getConfidenceType() == TransactionConfidence.ConfidenceType.BUILDING;
    }

    private static boolean spentInChain(TransactionOutput o) {
        TransactionInput by = o.getSpentBy();
        return by != null && by.getParentTransaction() != null && inChain(by.getParentTransaction());
    }
}
