package io.skyx.custody.btc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.core.ProtocolException;
import org.bitcoinj.core.Transaction;

/**
 * A BIP174 (version 0) partially signed transaction, read and written as key-value maps: the global map with the
 * unsigned transaction, one map per input and one per output. Entries this class has no name for are kept as
 * they are, so a PSBT round-trips byte for byte. bitcoinj 0.17 has no PSBT support; this covers what the cold
 * top-up needs (P2WPKH inputs: NON_WITNESS_UTXO, WITNESS_UTXO, BIP32_DERIVATION, PARTIAL_SIG, FINAL_SCRIPTWITNESS).
 * Each exported input carries both UTXO forms: BIP143 signs the spent value, but a signer given only WITNESS_UTXO
 * cannot know the value is true (the 2020 segwit fee attack), so hardware signers (Trezor, Ledger, Coldcard) refuse
 * segwit v0 inputs without the full previous transaction; Bitcoin Core signs with either.
 */
public final class Psbt {

    /** Global: the unsigned transaction. */
    public static final int GLOBAL_UNSIGNED_TX = 0x00;
    /** Input: the whole previous transaction (without witnesses), whose txid the input's outpoint names. */
    public static final int IN_NON_WITNESS_UTXO = 0x00;
    /** Input: the output spent (value and script). */
    public static final int IN_WITNESS_UTXO = 0x01;
    /** Input: a signature; key = type ‖ public key, value = DER signature ‖ sighash byte. */
    public static final int IN_PARTIAL_SIG = 0x02;
    /** Input/output: key = type ‖ public key, value = master fingerprint ‖ path (uint32 little endian each). */
    public static final int BIP32_DERIVATION = 0x06;
    /** Input: the final witness stack. */
    public static final int IN_FINAL_SCRIPTWITNESS = 0x08;

    private static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};

    /** One key-value pair; {@code key[0]} is its type. */
    public record Entry(byte[] key, byte[] value) {
        /** The key's type byte. */
        public int type() {
            return key[0] & 0xff;
        }

        /** The key after its type byte. */
        public byte[] keyData() {
            return Arrays.copyOfRange(key, 1, key.length);
        }
    }

    private final List<Entry> global;
    private final List<List<Entry>> inputs;
    private final List<List<Entry>> outputs;

    private Psbt(List<Entry> global, List<List<Entry>> inputs, List<List<Entry>> outputs) {
        this.global = global;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** A PSBT of {@code unsigned} (no signatures or witnesses in it) with empty input and output maps. */
    public static Psbt of(byte[] unsignedTx) {
        Transaction tx = Transaction.read(ByteBuffer.wrap(unsignedTx));
        List<Entry> g = new ArrayList<>();
        g.add(new Entry(new byte[] {GLOBAL_UNSIGNED_TX}, unsignedTx.clone()));
        List<List<Entry>> ins = new ArrayList<>();
        tx.getInputs().forEach(i -> ins.add(new ArrayList<>()));
        List<List<Entry>> outs = new ArrayList<>();
        tx.getOutputs().forEach(o -> outs.add(new ArrayList<>()));
        return new Psbt(g, ins, outs);
    }

    /**
     * Reads a PSBT from base64.
     *
     * @throws IllegalArgumentException with the reason when it is not a well-formed version 0 PSBT
     */
    public static Psbt fromBase64(String base64) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        try {
            byte[] magic = new byte[MAGIC.length];
            buf.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("no PSBT magic");
            }
            List<Entry> g = map(buf);
            byte[] txBytes = g.stream().filter(e -> e.key().length == 1 && e.type() == GLOBAL_UNSIGNED_TX).findFirst()
                    .map(Entry::value).orElseThrow(() -> new IllegalArgumentException("no unsigned transaction"));
            Transaction tx = Transaction.read(ByteBuffer.wrap(txBytes));
            List<List<Entry>> ins = new ArrayList<>();
            for (int i = 0; i < tx.getInputs().size(); i++) {
                ins.add(map(buf));
            }
            List<List<Entry>> outs = new ArrayList<>();
            for (int i = 0; i < tx.getOutputs().size(); i++) {
                outs.add(map(buf));
            }
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException(buf.remaining() + " bytes after the last map");
            }
            return new Psbt(g, ins, outs);
        } catch (BufferUnderflowException | ProtocolException | ArithmeticException e) {
            throw new IllegalArgumentException("truncated or malformed: " + e);
        }
    }

    private static List<Entry> map(ByteBuffer buf) {
        List<Entry> out = new ArrayList<>();
        while (true) {
            int keyLen = VarInt.read(buf).intValue();
            if (keyLen == 0) {
                return out;
            }
            byte[] key = new byte[keyLen];
            buf.get(key);
            byte[] value = new byte[VarInt.read(buf).intValue()];
            buf.get(value);
            for (Entry e : out) {
                if (Arrays.equals(e.key(), key)) {
                    throw new IllegalArgumentException("duplicate key in a map");
                }
            }
            out.add(new Entry(key, value));
        }
    }

    /** The unsigned transaction, as serialized in the PSBT. */
    public byte[] unsignedTx() {
        return global.stream().filter(e -> e.key().length == 1 && e.type() == GLOBAL_UNSIGNED_TX).findFirst()
                .orElseThrow().value().clone();
    }

    /** The number of inputs. */
    public int inputCount() {
        return inputs.size();
    }

    /** The entries of input {@code i}. */
    public List<Entry> input(int i) {
        return List.copyOf(inputs.get(i));
    }

    /** The entries of output {@code i}. */
    public List<Entry> output(int i) {
        return List.copyOf(outputs.get(i));
    }

    /** Sets an entry of input {@code i} (replacing one with the same key). */
    public void putInput(int i, byte[] key, byte[] value) {
        put(inputs.get(i), key, value);
    }

    /** Sets an entry of output {@code i}. */
    public void putOutput(int i, byte[] key, byte[] value) {
        put(outputs.get(i), key, value);
    }

    private static void put(List<Entry> map, byte[] key, byte[] value) {
        map.removeIf(e -> Arrays.equals(e.key(), key));
        map.add(new Entry(key.clone(), value.clone()));
    }

    /** A key of {@code type} followed by {@code data}. */
    public static byte[] key(int type, byte[] data) {
        byte[] k = new byte[data.length + 1];
        k[0] = (byte) type;
        System.arraycopy(data, 0, k, 1, data.length);
        return k;
    }

    /** The serialized PSBT. */
    public byte[] serialize() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        write(out, global);
        inputs.forEach(m -> write(out, m));
        outputs.forEach(m -> write(out, m));
        return out.toByteArray();
    }

    /** The PSBT as base64 (the usual text form). */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(serialize());
    }

    private static void write(ByteArrayOutputStream out, List<Entry> map) {
        for (Entry e : map) {
            out.writeBytes(VarInt.of(e.key().length).serialize());
            out.writeBytes(e.key());
            out.writeBytes(VarInt.of(e.value().length).serialize());
            out.writeBytes(e.value());
        }
        out.write(0);
    }
}
