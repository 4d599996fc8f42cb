package io.skyx.custody.sky;

import io.skyx.custody.CustodyException;
import io.skyx.custody.cold.ColdTransfer;
import io.skyx.custody.cold.ColdTransferStore;
import io.skyx.custody.cold.HotTarget;
import io.skyx.custody.cold.TopUps;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxOut;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.service.SkycoinNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SKY cold → hot top-ups signed offline, the SKY counterpart of the BTC PSBT: {@link #export} builds an unsigned
 * Skycoin transaction spending confirmed outputs of the configured cold addresses to the hot address (never a
 * deposit address, so no user is credited), all its coin hours after the burn to the hot address, the change to
 * the next cold address, and stores it with a signing sheet: per input its uxid, cold address, coins, hours and
 * the hash to sign ({@code SHA256(innerHash ‖ uxid)}), which {@code skycoin sign --secret HEX --hash HASH} signs on
 * the offline machine. {@link #importSigned} takes the signatures back (one per input, in order), or a whole
 * signed transaction, which must be the exported one: the signatures go onto the stored unsigned transaction and
 * nothing else of the import is used. It checks that every input is still unspent and signed by its cold address,
 * and the node's rules for a single transaction, then stores it (SIGNED) for the sweeper's step to inject.
 * Anything else is refused with a code and changes nothing.
 */
final class SkyTopUps implements TopUps {

    private static final CustodyAsset SKY = CustodyAsset.SKY;
    private static final int SIG_HEX = 130;

    private final SkycoinNode node;
    private final SkyWallet hot;
    private final List<Address> cold;
    private final ColdTransferStore store;
    private final HotTarget target;

    SkyTopUps(SkycoinNode node, SkyWallet hot, List<Address> cold, ColdTransferStore store, HotTarget target) {
        this.node = node;
        this.hot = hot;
        this.cold = List.copyOf(cold);
        this.store = store;
        this.target = target;
    }

    /**
     * Exports a top-up of {@code amount} droplets (null: up to the target, in whole 0.001 SKY); a repeated request
     * id returns the stored one.
     *
     * @throws CustodyException INVALID_AMOUNT, NOTHING_TO_TOP_UP, COLD_WALLET_SHORT
     */
    @Override
    public synchronized ColdTransfer export(String requestId, Long amount) {
        Optional<ColdTransfer> existing = store.find(SKY, ColdTransfer.Kind.TOPUP, requestId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (amount != null && (amount <= 0 || amount % SkyTransactions.DROPLET_STEP != 0)) {
            throw new CustodyException("INVALID_AMOUNT", "a SKY top-up is a positive multiple of 0.001 SKY: " + amount
                    + " droplets", "amount");
        }
        long hotNow = hot.spendable();
        long want = amount != null ? amount : target.target() - hotNow;
        want -= Math.floorMod(want, SkyTransactions.DROPLET_STEP);
        if (want <= 0) {
            throw new CustodyException("NOTHING_TO_TOP_UP", "the hot wallet holds " + hotNow + ", its target is "
                    + target.target(), "amount");
        }
        Set<SHA256> taken = reserved();
        taken.addAll(KeyPayer.pendingInputs(node));
        List<UxOut> free = new ArrayList<>();
        for (Address a : cold) {
            node.store().unspentsOf(a).stream().filter(u -> !taken.contains(u.id())).forEach(free::add);
        }
        int changeIndex = store.count(SKY, ColdTransfer.Kind.TOPUP);
        Address change = cold.get(changeIndex % cold.size());
        SkyTransactions.PlanResult r = SkyTransactions.plan(free, Map.of(hot.hotAddress(), want), change,
                node.head().time(), node.softParams().burnFactor(), 100);
        if (r instanceof SkyTransactions.Insufficient s) {
            throw new CustodyException("COLD_WALLET_SHORT", "the cold addresses' free confirmed outputs hold "
                    + s.spendable() + " droplets, the top-up needs " + want
                    + (s.reason() != null ? " (" + s.reason() + ")" : ""), "amount");
        }
        SkyTransactions.Plan plan = (SkyTransactions.Plan) r;
        Transaction unsigned = plan.unsigned();
        if (!store.insert(SKY, ColdTransfer.Kind.TOPUP, requestId, ColdTransfer.State.EXPORTED,
                hot.hotAddress().toString(), changeIndex % cold.size(), want, 0, hotNow, unsigned.txid().hex(),
                TransactionCodec.INSTANCE.encode(unsigned), sheet(plan), null)) {
            throw new IllegalStateException("top-up request " + requestId + " stored concurrently");
        }
        return store.find(SKY, ColdTransfer.Kind.TOPUP, requestId).orElseThrow();
    }

    /** The signing sheet (JSON): the unsigned transaction, each input with the hash to sign, the outputs. */
    static String sheet(SkyTransactions.Plan plan) {
        Transaction t = plan.unsigned();
        StringBuilder b = new StringBuilder("{\"format\":\"skyx-sky-topup-1\",\"transaction\":\"")
                .append(HexFormat.of().formatHex(TransactionCodec.INSTANCE.encode(t))).append("\",\"inputs\":[");
        for (int i = 0; i < t.inputs().size(); i++) {
            UxOut u = plan.spent().get(i);
            b.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"uxid\":\"").append(u.id().hex())
                    .append("\",\"address\":\"").append(u.body().address()).append("\",\"coins\":")
                    .append(u.body().coins()).append(",\"hours\":").append(u.body().hours())
                    .append(",\"signingHash\":\"").append(t.signingHash(i).hex()).append("\"}");
        }
        b.append("],\"outputs\":[");
        for (int i = 0; i < t.outputs().size(); i++) {
            TransactionOutput o = t.outputs().get(i);
            b.append(i == 0 ? "" : ",").append("{\"address\":\"").append(o.address()).append("\",\"coins\":")
                    .append(o.coins()).append(",\"hours\":").append(o.hours()).append('}');
        }
        return b.append("],\"sign\":\"skycoin sign --secret <the input address's secret key> --hash <signingHash>, "
                + "then import the signatures in input order\"}").toString();
    }

    /** The uxids that open top-ups already spend. */
    private Set<SHA256> reserved() {
        Set<SHA256> out = new HashSet<>();
        for (ColdTransfer t : store.open(SKY)) {
            if (t.kind() == ColdTransfer.Kind.TOPUP && t.unsignedTx() != null) {
                out.addAll(decode(t.unsignedTx()).inputs());
            }
        }
        return out;
    }

    /**
     * Takes the signatures (hex, one per input in order, separated by spaces, commas or new lines) or the whole
     * signed transaction (hex) of an exported top-up.
     *
     * @throws CustodyException UNKNOWN_TOPUP, TOPUP_STATE, TOPUP_MALFORMED, TOPUP_MISMATCH, TOPUP_INPUT_SPENT,
     *                          TOPUP_BAD_SIGNATURE, TOPUP_INVALID; nothing changed then
     */
    @Override
    public synchronized ColdTransfer importSigned(long id, String signed) {
        ColdTransfer t = store.get(id).filter(x -> x.asset() == SKY && x.kind() == ColdTransfer.Kind.TOPUP)
                .orElseThrow(() -> new CustodyException("UNKNOWN_TOPUP", "no SKY top-up " + id, "id"));
        if (t.state() != ColdTransfer.State.EXPORTED) {
            throw new CustodyException("TOPUP_STATE", "top-up " + id + " is " + t.state() + ", not EXPORTED", "id");
        }
        Transaction exported = decode(t.unsignedTx());
        Transaction tx = new Transaction(exported.length(), exported.type(), exported.innerHash(),
                signatures(signed, exported), exported.inputs(), exported.outputs());
        List<UxOut> in = new ArrayList<>();
        for (SHA256 uxid : tx.inputs()) {
            UxOut u = node.unspent(uxid).orElseThrow(() -> new CustodyException("TOPUP_INPUT_SPENT", "the cold output "
                    + uxid.hex() + " was spent since the export: cancel this top-up and export another", "signed"));
            if (!cold.contains(u.body().address())) {
                throw new CustodyException("TOPUP_MISMATCH", "input " + uxid.hex() + " is not a cold address's", "signed");
            }
            in.add(u);
        }
        TxnResult sigs = TransactionRules.verifyInputSignatures(tx, in);
        if (!sigs.ok()) {
            throw new CustodyException("TOPUP_BAD_SIGNATURE", "a signature is not the cold address's for its input: "
                    + sigs.message(), "signed");
        }
        TxnResult rules = TransactionRules.verifySingleTransaction(tx, node.head().time(), in);
        if (!rules.ok()) {
            throw new CustodyException("TOPUP_INVALID", "the node would refuse the top-up: " + rules.message(),
                    "signed");
        }
        if (!store.signed(id, TransactionCodec.INSTANCE.encode(tx), tx.txid().hex())) {
            throw new CustodyException("TOPUP_STATE", "top-up " + id + " is no longer EXPORTED", "id");
        }
        return store.get(id).orElseThrow();
    }

    private static List<Sig> signatures(String signed, Transaction exported) {
        String text = signed == null ? "" : signed.strip();
        if (text.isEmpty()) {
            throw new CustodyException("TOPUP_MALFORMED", "give the signatures, one per input, or the signed "
                    + "transaction", "signed");
        }
        String[] words = text.split("[\\s,]+");
        if (words.length == 1 && words[0].length() > SIG_HEX) {
            Transaction tx;
            try {
                tx = TransactionCodec.INSTANCE.decodeExact(HexFormat.of().parseHex(words[0]));
            } catch (DecodeException | IllegalArgumentException e) {
                throw new CustodyException("TOPUP_MALFORMED", "not a Skycoin transaction: " + e.getMessage(), "signed");
            }
            if (tx.type() != exported.type() || !tx.inputs().equals(exported.inputs())
                    || !tx.outputs().equals(exported.outputs()) || tx.sigs().size() != exported.inputs().size()) {
                throw new CustodyException("TOPUP_MISMATCH", "the signed transaction is not the exported one: it must "
                        + "spend exactly the exported cold outputs and pay exactly the exported outputs", "signed");
            }
            return tx.sigs();
        }
        if (words.length != exported.inputs().size()) {
            throw new CustodyException("TOPUP_MALFORMED", "the top-up has " + exported.inputs().size()
                    + " inputs and " + words.length + " signatures were given", "signed");
        }
        List<Sig> out = new ArrayList<>();
        for (String w : words) {
            try {
                out.add(Sig.fromHex(w));
            } catch (CipherException | IllegalArgumentException e) {
                throw new CustodyException("TOPUP_MALFORMED", "not a 65-byte signature in hex: " + w, "signed");
            }
        }
        return out;
    }

    /** Cancels an exported top-up that was not signed (its cold outputs are free again). */
    @Override
    public synchronized ColdTransfer cancel(long id) {
        boolean sky = store.get(id).filter(x -> x.asset() == SKY && x.kind() == ColdTransfer.Kind.TOPUP).isPresent();
        if (!sky || !store.move(id, ColdTransfer.State.EXPORTED, ColdTransfer.State.CANCELLED,
                "cancelled by the operator")) {
            throw new CustodyException("TOPUP_STATE", "top-up " + id + " is not an EXPORTED SKY top-up", "id");
        }
        return store.get(id).orElseThrow();
    }

    private static Transaction decode(byte[] raw) {
        try {
            return TransactionCodec.INSTANCE.decodeExact(raw);
        } catch (DecodeException e) {
            throw new IllegalStateException("a stored top-up is not a Skycoin transaction: " + e.getMessage(), e);
        }
    }
}
