package io.skyx.custody.btc;

import io.skyx.custody.CustodyException;
import io.skyx.custody.cold.ColdTransfer;
import io.skyx.custody.cold.ColdTransferStore;
import io.skyx.custody.cold.HotTarget;
import io.skyx.custody.platform.CustodyAsset;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bitcoinj.base.Coin;
import org.bitcoinj.core.Context;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptException;
import org.bitcoinj.script.ScriptPattern;
import org.bitcoinj.crypto.internal.CryptoUtils;

/**
 * Cold → hot top-ups with an offline signer: {@link #export} builds an unsigned transaction spending confirmed cold
 * outputs to the hot wallet's operator address (never a deposit address, so no user is credited) and stores it with
 * its PSBT (each input with its WITNESS_UTXO and BIP32_DERIVATION, so the signer finds its key); {@link #importSigned}
 * takes the signed PSBT back, checks that it is the exported transaction byte for byte (it spends exactly the
 * exported outputs and pays exactly the exported outputs), that every input carries a valid signature for the
 * exported output it spends and that the fee is within bounds, then stores the finalised transaction (SIGNED) for
 * the sweeper's step to broadcast. Anything else is refused with a code and changes nothing.
 */
public final class BtcTopUps implements io.skyx.custody.cold.TopUps {

    private static final CustodyAsset BTC = CustodyAsset.BTC;

    private final BtcWallet hot;
    private final BtcColdWallet cold;
    private final ColdTransferStore store;
    private final HotTarget target;
    private final long feeRate;
    private final long maxFeeRate;
    private final int fingerprint;
    private final List<ChildNumber> accountPath;

    /**
     * @param feeRate     the top-up's fee rate (sat/vB)
     * @param maxFeeRate  the highest fee rate a signed top-up may pay
     * @param fingerprint the cold master key's fingerprint (BIP32), written into the PSBT's derivations
     * @param accountPath the cold account's path from the master key (m/84'/coin'/account')
     */
    BtcTopUps(BtcWallet hot, BtcColdWallet cold, ColdTransferStore store, HotTarget target, long feeRate,
              long maxFeeRate, int fingerprint, List<ChildNumber> accountPath) {
        this.hot = hot;
        this.cold = cold;
        this.store = store;
        this.target = target;
        this.feeRate = Math.max(1, feeRate);
        this.maxFeeRate = Math.max(this.feeRate, maxFeeRate);
        this.fingerprint = fingerprint;
        this.accountPath = List.copyOf(accountPath);
    }

    /** P2WPKH vsize: 11 vB of overhead, 68 per input (a 72-byte signature assumed), 31 per output. */
    static long vsize(int inputs, int outputs) {
        return 11L + 68L * inputs + 31L * outputs;
    }

    /**
     * Exports a top-up of {@code amount} satoshis (null: up to the hot wallet's target); a repeated request id
     * returns the stored one.
     *
     * @throws CustodyException INVALID_AMOUNT, NOTHING_TO_TOP_UP, COLD_WALLET_SHORT
     */
    public synchronized ColdTransfer export(String requestId, Long amount) {
        var existing = store.find(BTC, ColdTransfer.Kind.TOPUP, requestId);
        if (existing.isPresent()) {
            return existing.get();
        }
        long hotNow = hot.spendable();
        long want = amount != null ? amount : target.target() - hotNow;
        if (amount != null && amount < BtcWallet.DUST) {
            throw new CustodyException("INVALID_AMOUNT", "a top-up pays at least " + BtcWallet.DUST + " sat", "amount");
        }
        if (want <= 0) {
            throw new CustodyException("NOTHING_TO_TOP_UP", "the hot wallet holds " + hotNow + ", its target is "
                    + target.target(), "amount");
        }
        Context.propagate(hot.context());
        Set<TransactionOutPoint> taken = reserved();
        List<TransactionOutput> picked = new ArrayList<>();
        long sum = 0;
        long fee = 0;
        for (TransactionOutput o : cold.confirmedUnspent()) {
            if (taken.contains(o.getOutPointFor())) {
                continue;
            }
            picked.add(o);
            sum += o.getValue().value;
            fee = feeRate * vsize(picked.size(), 2);
            if (sum >= want + fee) {
                break;
            }
        }
        if (sum < want + fee || picked.isEmpty()) {
            throw new CustodyException("COLD_WALLET_SHORT", "the cold wallet's free confirmed outputs hold " + sum
                    + " sat, the top-up needs " + want + " + fee " + fee, "amount");
        }
        int changeIndex = store.count(BTC, ColdTransfer.Kind.TOPUP);
        String to = hot.operatorAddress();
        Transaction tx = new Transaction();
        tx.addOutput(Coin.valueOf(want), BtcDestinations.parse(to, hot.network()));
        long change = sum - want - fee;
        if (change >= BtcWallet.DUST) {
            tx.addOutput(Coin.valueOf(change), BtcDestinations.parse(cold.changeAddress(changeIndex), hot.network()));
        } else {
            fee += change;
        }
        for (TransactionOutput o : picked) {
            tx.addInput(new TransactionInput(tx, new byte[0], o.getOutPointFor(), o.getValue()));
        }
        byte[] unsigned = tx.serialize();
        Psbt psbt = Psbt.of(unsigned);
        for (int i = 0; i < picked.size(); i++) {
            TransactionOutput o = picked.get(i);
            psbt.putInput(i, new byte[] {Psbt.IN_NON_WITNESS_UTXO}, withoutWitnesses(o.getParentTransaction()));
            psbt.putInput(i, new byte[] {Psbt.IN_WITNESS_UTXO}, witnessUtxo(o.getValue().value,
                    o.getScriptPubKey().program()));
            DeterministicKey k = cold.keyOf(o);
            psbt.putInput(i, Psbt.key(Psbt.BIP32_DERIVATION, k.getPubKey()), derivation(k));
        }
        if (tx.getOutputs().size() > 1) {
            DeterministicKey k = cold.keyOf(tx.getOutput(1));
            if (k != null) {
                psbt.putOutput(1, Psbt.key(Psbt.BIP32_DERIVATION, k.getPubKey()), derivation(k));
            }
        }
        if (!store.insert(BTC, ColdTransfer.Kind.TOPUP, requestId, ColdTransfer.State.EXPORTED, to, changeIndex, want,
                fee, hotNow, tx.getTxId().toString(), unsigned, psbt.toBase64(), null)) {
            throw new IllegalStateException("top-up request " + requestId + " stored concurrently");
        }
        return store.find(BTC, ColdTransfer.Kind.TOPUP, requestId).orElseThrow();
    }

    /** The outpoints that open top-ups already spend. */
    private Set<TransactionOutPoint> reserved() {
        Set<TransactionOutPoint> out = new HashSet<>();
        for (ColdTransfer t : store.open(BTC)) {
            if (t.kind() == ColdTransfer.Kind.TOPUP && t.unsignedTx() != null) {
                Transaction.read(ByteBuffer.wrap(t.unsignedTx())).getInputs().forEach(i -> out.add(i.getOutpoint()));
            }
        }
        return out;
    }

    private byte[] derivation(DeterministicKey k) {
        List<ChildNumber> rel = k.getPath().subList(k.getPath().size() - 2, k.getPath().size());
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * (accountPath.size() + 2)).order(ByteOrder.LITTLE_ENDIAN);
        b.order(ByteOrder.BIG_ENDIAN).putInt(fingerprint).order(ByteOrder.LITTLE_ENDIAN);
        accountPath.forEach(c -> b.putInt(c.i()));
        rel.forEach(c -> b.putInt(c.i()));
        return b.array();
    }

    /** {@code tx} serialized without its witnesses (the form whose hash is its txid). */
    private static byte[] withoutWitnesses(Transaction tx) {
        Transaction copy = Transaction.read(ByteBuffer.wrap(tx.serialize()));
        for (int i = 0; i < copy.getInputs().size(); i++) {
            copy.replaceInput(i, copy.getInput(i).withoutWitness());
        }
        return copy.serialize();
    }

    private static byte[] witnessUtxo(long value, byte[] script) {
        ByteBuffer b = ByteBuffer.allocate(8 + 9 + script.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(value);
        b.put(org.bitcoinj.base.VarInt.of(script.length).serialize());
        b.put(script);
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * Takes the signed PSBT of an exported top-up.
     *
     * @throws CustodyException UNKNOWN_TOPUP, TOPUP_STATE, PSBT_MALFORMED, PSBT_MISMATCH, PSBT_UNSIGNED,
     *                          PSBT_BAD_SIGNATURE, PSBT_FEE; nothing changed then
     */
    public synchronized ColdTransfer importSigned(long id, String signedBase64) {
        ColdTransfer t = store.get(id).filter(x -> x.asset() == BTC && x.kind() == ColdTransfer.Kind.TOPUP)
                .orElseThrow(() -> new CustodyException("UNKNOWN_TOPUP", "no BTC top-up " + id, "id"));
        if (t.state() != ColdTransfer.State.EXPORTED) {
            throw new CustodyException("TOPUP_STATE", "top-up " + id + " is " + t.state() + ", not EXPORTED", "id");
        }
        Psbt signed;
        try {
            signed = Psbt.fromBase64(signedBase64);
        } catch (IllegalArgumentException e) {
            throw new CustodyException("PSBT_MALFORMED", "not a PSBT: " + e.getMessage(), "psbt");
        }
        if (!Arrays.equals(signed.unsignedTx(), t.unsignedTx())) {
            throw new CustodyException("PSBT_MISMATCH", "the PSBT's transaction is not the exported one: it must spend "
                    + "exactly the exported outputs and pay exactly " + t.amount() + " sat to " + t.destination(), "psbt");
        }
        Context.propagate(hot.context());
        Psbt exported = Psbt.fromBase64(t.psbt());
        Transaction tx = Transaction.read(ByteBuffer.wrap(t.unsignedTx()));
        long in = 0;
        for (int i = 0; i < tx.getInputs().size(); i++) {
            byte[] utxo = value(exported.input(i), Psbt.IN_WITNESS_UTXO);
            ByteBuffer u = ByteBuffer.wrap(utxo).order(ByteOrder.LITTLE_ENDIAN);
            long value = u.getLong();
            byte[] script = new byte[org.bitcoinj.base.VarInt.read(u).intValue()];
            u.get(script);
            in += value;
            TransactionWitness w = witness(signed.input(i), i);
            // bitcoinj's correctlySpends checks a P2WPKH signature against the witness's key, not the key against
            // the output's hash: check that here
            Script spent = Script.parse(script);
            if (!ScriptPattern.isP2WPKH(spent) || w.getPushCount() != 2 || !Arrays.equals(
                    ScriptPattern.extractHashFromP2WH(spent), CryptoUtils.sha256hash160(w.getPush(1)))) {
                throw new CustodyException("PSBT_BAD_SIGNATURE", "input " + i + " is signed by a key that does not own "
                        + "the exported output it spends", "psbt");
            }
            tx.replaceInput(i, tx.getInput(i).withWitness(w));
            try {
                tx.getInput(i).getScriptSig().correctlySpends(tx, i, w, Coin.valueOf(value), spent,
                        Script.ALL_VERIFY_FLAGS);
            } catch (ScriptException e) {
                throw new CustodyException("PSBT_BAD_SIGNATURE", "input " + i + " is not validly signed for the "
                        + "exported output it spends: " + e.getMessage(), "psbt");
            }
        }
        long outSum = tx.getOutputs().stream().mapToLong(o -> o.getValue().value).sum();
        long fee = in - outSum;
        int vsize = tx.getVsize();
        if (fee != t.fee() || fee > maxFeeRate * vsize || fee < vsize) {
            throw new CustodyException("PSBT_FEE", "fee " + fee + " sat for " + vsize + " vB is outside 1.."
                    + maxFeeRate + " sat/vB", "psbt");
        }
        if (!tx.getOutput(0).getScriptPubKey().getToAddress(hot.network()).toString().equals(hot.operatorAddress())) {
            throw new CustodyException("PSBT_MISMATCH", "the top-up does not pay the hot wallet", "psbt");
        }
        if (!store.signed(id, tx.serialize(), t.txid())) {
            throw new CustodyException("TOPUP_STATE", "top-up " + id + " is no longer EXPORTED", "id");
        }
        return store.get(id).orElseThrow();
    }

    /** Cancels an exported top-up that was not signed (its cold outputs are free again). */
    public synchronized ColdTransfer cancel(long id) {
        if (!store.move(id, ColdTransfer.State.EXPORTED, ColdTransfer.State.CANCELLED, "cancelled by the operator")) {
            throw new CustodyException("TOPUP_STATE", "top-up " + id + " is not an EXPORTED BTC top-up", "id");
        }
        return store.get(id).orElseThrow();
    }

    private static byte[] value(List<Psbt.Entry> map, int type) {
        return map.stream().filter(e -> e.key().length == 1 && e.type() == type).findFirst().map(Psbt.Entry::value)
                .orElseThrow(() -> new IllegalStateException("exported PSBT without entry " + type));
    }

    private static TransactionWitness witness(List<Psbt.Entry> map, int i) {
        for (Psbt.Entry e : map) {
            if (e.key().length == 1 && e.type() == Psbt.IN_FINAL_SCRIPTWITNESS) {
                try {
                    return TransactionWitness.read(ByteBuffer.wrap(e.value()));
                } catch (RuntimeException x) {
                    throw new CustodyException("PSBT_MALFORMED", "input " + i + ": unreadable final witness", "psbt");
                }
            }
        }
        List<Psbt.Entry> sigs = map.stream().filter(e -> e.type() == Psbt.IN_PARTIAL_SIG).toList();
        if (sigs.isEmpty()) {
            throw new CustodyException("PSBT_UNSIGNED", "input " + i + " has no signature", "psbt");
        }
        if (sigs.size() > 1) {
            throw new CustodyException("PSBT_BAD_SIGNATURE", "input " + i + " (P2WPKH) has " + sigs.size()
                    + " signatures", "psbt");
        }
        return TransactionWitness.of(sigs.getFirst().value(), sigs.getFirst().keyData());
    }
}
