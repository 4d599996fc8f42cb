package io.skyx.custody.btc;

import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.reserve.ChainAnchor;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.withdrawal.HotWallet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bitcoinj.core.InsufficientMoneyException;
import org.bitcoinj.core.StoredBlock;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionConfidence;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptException;
import org.bitcoinj.wallet.SendRequest;
import org.bitcoinj.wallet.Wallet;

/**
 * The BTC hot wallet seen by proof of reserves: every wallet address holding coins in the UTXO set at the wallet's
 * best block (outputs in that chain not spent by a transaction in that chain; an own spend still in the mempool
 * does not yet move the coins), legacy signed messages ({@code ECKey.signMessage}, P2WPKH header), and the
 * OP_RETURN anchor, sent on the custody thread so it never picks the coins of a withdrawal being signed.
 */
public final class BtcReserveWallet implements ReserveWallet, ChainAnchor {

    /** Bitcoin Core's standardness limit for the OP_RETURN data. */
    static final int MAX_OP_RETURN = 80;

    private final BtcWallet btc;
    private final BtcColdWallet cold;
    private final long feeRate;
    private final Executor custodyThread;

    /**
     * @param cold          the watch-only cold wallet (its addresses are COLD holdings, signed offline), or null
     * @param feeRate       the anchor's fee rate in sat/vB (at least 1)
     * @param custodyThread the thread that also runs the withdrawal pipeline
     */
    BtcReserveWallet(BtcWallet btc, long feeRate, Executor custodyThread) {
        this(btc, null, feeRate, custodyThread);
    }

    /** The same, with the cold wallet's addresses as COLD holdings. */
    BtcReserveWallet(BtcWallet btc, BtcColdWallet cold, long feeRate, Executor custodyThread) {
        this.btc = btc;
        this.cold = cold;
        this.feeRate = Math.max(1, feeRate);
        this.custodyThread = custodyThread;
    }

    @Override
    public CustodyAsset asset() {
        return CustodyAsset.BTC;
    }

    @Override
    public Holdings holdings() {
        while (true) {
            StoredBlock head = btc.chain().getChainHead();
            Holdings h = read(head);
            if (btc.chain().getChainHead().equals(head)) {
                return h;
            }
        }
    }

    private Holdings read(StoredBlock head) {
        org.bitcoinj.core.Context.propagate(btc.context());
        Wallet w = btc.bitcoinj();
        Map<String, Long> byAddress = new TreeMap<>();
        for (Transaction tx : w.getTransactions(false)) {
            if (!inChain(tx)) {
                continue;
            }
            for (TransactionOutput o : tx.getOutputs()) {
                if (!o.isMine(w) || spentInChain(o)) {
                    continue;
                }
                String a = address(o);
                if (a != null) {
                    byAddress.merge(a, o.getValue().value, Math::addExact);
                }
            }
        }
        List<Holding> out = new ArrayList<>();
        byAddress.forEach((a, v) -> out.add(new Holding(a, Kind.HOT, v)));
        if (cold != null) {
            cold.byAddress().forEach((a, v) -> out.add(new Holding(a, Kind.COLD, v)));
        }
        return new Holdings(head.getHeight(), head.getHeader().getHash().toString(), out);
    }

    private static boolean inChain(Transaction tx) {
        return tx.getConfidence().getConfidenceType() == TransactionConfidence.ConfidenceType.BUILDING;
    }

    private static boolean spentInChain(TransactionOutput o) {
        TransactionInput by = o.getSpentBy();
        return by != null && by.getParentTransaction() != null && inChain(by.getParentTransaction());
    }

    private String address(TransactionOutput o) {
        try {
            return o.getScriptPubKey().getToAddress(btc.network()).toString();
        } catch (ScriptException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String signMessage(String address, String message) {
        org.bitcoinj.core.Context.propagate(btc.context());
        Address a;
        try {
            a = AddressParser.getDefault(btc.network()).parseAddress(address);
        } catch (AddressFormatException e) {
            throw new IllegalArgumentException("not a " + btc.network() + " address: " + address);
        }
        if (!(a instanceof SegwitAddress s) || s.getOutputScriptType() != ScriptType.P2WPKH) {
            throw new IllegalArgumentException("the hot wallet holds only P2WPKH keys: " + address);
        }
        ECKey key = btc.bitcoinj().findKeyFromPubKeyHash(s.getWitnessProgram(), ScriptType.P2WPKH);
        if (key == null) {
            throw new IllegalArgumentException("no key for " + address + " in the hot wallet");
        }
        return key.signMessage(message, ScriptType.P2WPKH);
    }

    @Override
    public String publish(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_OP_RETURN) {
            throw new IllegalArgumentException("an OP_RETURN anchor carries 1.." + MAX_OP_RETURN + " bytes, not "
                    + payload.length);
        }
        try {
            return CompletableFuture.supplyAsync(() -> send(payload), custodyThread).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private String send(byte[] payload) {
        org.bitcoinj.core.Context.propagate(btc.context());
        Transaction tx = new Transaction();
        tx.addOutput(Coin.ZERO, ScriptBuilder.createOpReturnScript(payload));
        SendRequest req = SendRequest.forTx(tx);
        req.setFeePerVkb(Coin.valueOf(feeRate * 1000));
        req.shuffleOutputs = false;
        Wallet w = btc.bitcoinj();
        try {
            w.completeTx(req);
        } catch (InsufficientMoneyException e) {
            throw new IllegalStateException("the hot wallet cannot pay the anchor's fee: " + e.getMessage(), e);
        }
        byte[] raw = req.tx.serialize();
        try {
            btc.broadcast(raw);
        } catch (HotWallet.BroadcastException e) {
            throw new IllegalStateException("the network refused the anchor: " + e.getMessage(), e);
        }
        btc.adopt(raw);
        return req.tx.getTxId().toString();
    }

    @Override
    public int confirmations(String txid) {
        return btc.confirmations(txid);
    }
}
