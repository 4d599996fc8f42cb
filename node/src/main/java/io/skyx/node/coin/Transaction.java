package io.skyx.node.coin;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.encoding.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Skycoin transaction (skycoin-protocol.md §7.1), immutable. The constructor only checks field domains; whether a
 * transaction is <em>valid</em> is {@link TransactionRules}' business, so that invalid transactions read off the
 * wire can still be represented, hashed and reported.
 *
 * <p>Layout: {@code Length u32 | Type u8 | InnerHash[32] | Sigs (u32 n, n×65) | In (u32 m, m×32) | Out (u32 k,
 * k×37)}.
 */
public final class Transaction {
    /** Fixed part of the encoding: length, type, inner hash and the three slice counts. */
    static final int FIXED_SIZE = 4 + 1 + 32 + 4 + 4 + 4;

    private final long length;
    private final int type;
    private final SHA256 innerHash;
    private final List<Sig> sigs;
    private final List<SHA256> inputs;
    private final List<TransactionOutput> outputs;
    private volatile SHA256 txid;
    private volatile SHA256[] outputIds;
    private volatile SHA256[] signingHashes;
    private volatile Created created;

    /** The outputs created in a block with this head, kept for the next caller with the same head. */
    private record Created(UxHead head, List<UxOut> outputs) {
    }

    /**
     * @param length    the declared serialized size (u32)
     * @param type      the type byte (u8; only 0 is valid)
     * @param innerHash the declared inner hash
     * @param sigs      one signature per input
     * @param inputs    ids of the outputs spent
     * @param outputs   outputs created
     */
    public Transaction(long length, int type, SHA256 innerHash, List<Sig> sigs, List<SHA256> inputs,
            List<TransactionOutput> outputs) {
        if (length < 0 || length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("length must be a u32: " + length);
        }
        if (type < 0 || type > 0xFF) {
            throw new IllegalArgumentException("type must be a u8: " + type);
        }
        this.length = length;
        this.type = type;
        this.innerHash = Objects.requireNonNull(innerHash, "innerHash");
        this.sigs = List.copyOf(sigs);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /**
     * Builds an unsigned transaction the way Skycoin's {@code UpdateHeader} does: Length = size, Type = 0, InnerHash
     * computed, and one all-zero signature per input.
     */
    public static Transaction unsigned(List<SHA256> inputs, List<TransactionOutput> outputs) {
        List<Sig> nullSigs = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            nullSigs.add(Sig.NULL);
        }
        long size = encodedSize(inputs.size(), inputs.size(), outputs.size());
        return new Transaction(size, 0, innerHashOf(inputs, outputs), nullSigs, inputs, outputs);
    }

    /**
     * Signs every input: signature i is over {@code SHA256(InnerHash ‖ In[i])} with {@code keys.get(i)}.
     *
     * @return a new transaction with the signatures and a recomputed header
     */
    public Transaction sign(List<SecKey> keys) {
        if (keys.size() != inputs.size()) {
            throw new IllegalArgumentException("need one key per input: " + keys.size() + " keys, "
                    + inputs.size() + " inputs");
        }
        SHA256 inner = innerHashOf(inputs, outputs);
        List<Sig> signed = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            signed.add(Cipher.signHash(SHA256.addSHA256(inner, inputs.get(i)), keys.get(i)));
        }
        long size = encodedSize(signed.size(), inputs.size(), outputs.size());
        return new Transaction(size, 0, inner, signed, inputs, outputs);
    }

    static long encodedSize(int sigCount, int inputCount, int outputCount) {
        return FIXED_SIZE + 65L * sigCount + 32L * inputCount + (long) TransactionOutput.SIZE * outputCount;
    }

    /** @return SHA-256 of the encoded input and output slices, what the header's InnerHash must equal */
    static SHA256 innerHashOf(List<SHA256> inputs, List<TransactionOutput> outputs) {
        Encoder e = new Encoder(8 + 32 * inputs.size() + TransactionOutput.SIZE * outputs.size());
        e.slice(inputs, Wire::writeHash);
        e.slice(outputs, TransactionOutputCodec.INSTANCE);
        return SHA256.sum(e.toByteArray());
    }

    /** @return the declared Length field (u32) */
    public long length() {
        return length;
    }

    /** @return the type byte */
    public int type() {
        return type;
    }

    /** @return the declared inner hash */
    public SHA256 innerHash() {
        return innerHash;
    }

    public List<Sig> sigs() {
        return sigs;
    }

    public List<SHA256> inputs() {
        return inputs;
    }

    public List<TransactionOutput> outputs() {
        return outputs;
    }

    /** @return the actual serialized size in bytes */
    public long size() {
        return encodedSize(sigs.size(), inputs.size(), outputs.size());
    }

    /** @return the inner hash recomputed from the inputs and outputs */
    public SHA256 computeInnerHash() {
        return innerHashOf(inputs, outputs);
    }

    /** @return the transaction id, SHA-256 of the whole serialization */
    public SHA256 txid() {
        SHA256 h = txid;
        if (h == null) {
            h = SHA256.sum(TransactionCodec.INSTANCE.encode(this));
            txid = h;
        }
        return h;
    }

    /** @return the hash input {@code i}'s signature signs: SHA256(InnerHash ‖ In[i]) */
    public SHA256 signingHash(int i) {
        SHA256[] hashes = signingHashes;
        if (hashes == null) {
            hashes = new SHA256[inputs.size()];
            for (int k = 0; k < hashes.length; k++) {
                hashes[k] = SHA256.addSHA256(innerHash, inputs.get(k));
            }
            signingHashes = hashes;
        }
        return hashes[i];
    }

    /** @return the uxid of output {@code i} */
    public SHA256 outputId(int i) {
        return outputIds()[i];
    }

    private SHA256[] outputIds() {
        SHA256[] ids = outputIds;
        if (ids == null) {
            SHA256 id = txid();
            ids = new SHA256[outputs.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = outputs.get(i).uxId(id);
            }
            outputIds = ids;
        }
        return ids;
    }

    /**
     * @return the unspent outputs this transaction creates in a block with {@code head} (unmodifiable; the same
     *         objects, with their hashes, for repeated calls with the same head: the chain rules, the unspent set
     *         and the store share them)
     */
    public List<UxOut> createdOutputs(UxHead head) {
        Created c = created;
        if (c != null && c.head().equals(head)) {
            return c.outputs();
        }
        SHA256 id = txid();
        SHA256[] ids = outputIds();
        List<UxOut> out = new ArrayList<>(outputs.size());
        for (int i = 0; i < ids.length; i++) {
            TransactionOutput o = outputs.get(i);
            out.add(new UxOut(head, new UxBody(id, o.address(), o.coins(), o.hours()), ids[i]));
        }
        List<UxOut> list = List.copyOf(out);
        created = new Created(head, list);
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && length == t.length && type == t.type
                && innerHash.equals(t.innerHash) && sigs.equals(t.sigs) && inputs.equals(t.inputs)
                && outputs.equals(t.outputs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, type, innerHash, sigs, inputs, outputs);
    }

    @Override
    public String toString() {
        return "Transaction[txid=" + txid() + ", length=" + length + ", type=" + type + ", inputs="
                + inputs.size() + ", outputs=" + outputs.size() + ", sigs=" + sigs.size() + "]";
    }
}
