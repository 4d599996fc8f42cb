package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skyx.custody.CustodyException;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinBroadcaster;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import io.skyx.custody.cold.ColdDesk;
import io.skyx.custody.cold.ColdTransfer;
import io.skyx.custody.cold.HotTarget;
import io.skyx.custody.cold.Sweeper;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.testing.Await;
import io.skyx.custody.testing.Regtest;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.testing.TestLedger;
import io.skyx.custody.withdrawal.HotWallet;
import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.wallet.DeterministicSeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hot → cold sweeps and PSBT top-ups against a real bcoin regtest node. The cold key exists only in this test (the
 * offline signer): the custody side gets the account xpub and never a private key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BtcColdWalletIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int N = 2;
    private static final long TARGET = 20_000_000;
    private static final long DEPOSIT = 100_000_000;
    private static final String COLD_WORDS = "legal winner thank year wave sausage worth useful legal winner thank yellow";

    private static BcoinNode node;
    private static BcoinRpc rpc;
    private static TestLedger ledger;
    private static BtcCustody custody;
    private static ColdDesk desk;
    private static DeterministicKey coldMaster;
    private static long swept;
    private static DataSource db;
    private static BtcColdConfig coldConfig;

    @BeforeAll
    @SuppressWarnings("deprecation") // the vpub (BIP84 header) form an operator copies from a wallet
    static void start() {
        node = Regtest.start();
        rpc = node.rpc();
        ledger = new TestLedger();
        DeterministicSeed seed = DeterministicSeed.ofMnemonic(COLD_WORDS, "", Instant.parse("2020-01-01T00:00:00Z"));
        coldMaster = HDKeyDerivation.createMasterPrivateKey(seed.getSeedBytes());
        DeterministicKey account = derive(coldMaster, new ChildNumber(84, true), new ChildNumber(1, true),
                new ChildNumber(0, true));
        String xpub = account.serializePubB58(BitcoinNetwork.REGTEST, ScriptType.P2WPKH);
        coldConfig = new BtcColdConfig(xpub, HotTarget.of(TARGET), 2, 50,
                String.format("%08x", coldMaster.getFingerprint()), "m/84'/1'/0'");
        db = TestDb.fresh();
        custody = custody(new BcoinBroadcaster(rpc));
        desk = custody.coldDesk().orElseThrow();
    }

    private static BtcCustody custody(BtcWallet.Broadcaster broadcaster) {
        BtcCustody c = new BtcCustody(Regtest.config(node, N), coldConfig, db, ledger,
                (u, a) -> WithdrawalSettings.Settings.NONE, new SimpleMeterRegistry(), broadcaster);
        c.start();
        return c;
    }

    @AfterAll
    static void stop() {
        if (custody != null) {
            custody.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static DeterministicKey derive(DeterministicKey from, ChildNumber... path) {
        DeterministicKey k = from;
        for (ChildNumber c : path) {
            k = HDKeyDerivation.deriveChildKey(k, c);
        }
        return k;
    }

    private static void mineUntil(String what, java.util.function.BooleanSupplier done) {
        Await.until(what, WAIT, () -> {
            rpc.mine(1);
            return done.getAsBoolean();
        });
    }

    @Test
    @Order(1)
    void aSweepMovesExactlyTheExcessToColdAndLeavesTheLedgerAlone() {
        long user = 21;
        String a = custody.depositAddress(user);
        rpc.walletSend(BcoinAddresses.toBcoin(AddressParser.getDefault(BitcoinNetwork.REGTEST).parseAddress(a)), DEPOSIT);
        rpc.mine(N);
        Await.until("deposit credited", WAIT, () -> ledger.available(user, CustodyAsset.BTC) == DEPOSIT);
        long reserve = ledger.reserve(CustodyAsset.BTC);
        int applied = ledger.applied();
        long hot = custody.wallet().spendable();
        assertThat(hot).isEqualTo(DEPOSIT);

        Sweeper.Report r = desk.sweep("sweep-1");

        assertThat(r.outcome()).isEqualTo("SENT");
        ColdTransfer t = r.transfer();
        assertThat(t.amount() + t.fee()).isEqualTo(DEPOSIT - TARGET);
        assertThat(t.fee()).isPositive();
        assertThat(t.destination()).isEqualTo(desk.view(5).coldAddresses().getFirst());
        mineUntil("sweep confirmed", () -> desk.view(5).latest().getFirst().state() == ColdTransfer.State.CONFIRMED);
        Sweeper.View v = desk.view(5);
        assertThat(v.cold()).isEqualTo(t.amount());
        assertThat(v.hot()).isEqualTo(TARGET);
        assertThat(custody.wallet().confirmations(t.txid())).isGreaterThanOrEqualTo(N);
        Transaction onChain = Transaction.read(ByteBuffer.wrap(t.rawTx()));
        assertThat(onChain.getOutputs()).anySatisfy(o -> {
            assertThat(o.getValue().value).isEqualTo(t.amount());
            assertThat(o.getScriptPubKey().getToAddress(BitcoinNetwork.REGTEST).toString()).isEqualTo(t.destination());
        });
        // the platform's own coins moved between its own addresses: no ledger command, users owed the same
        assertThat(ledger.applied()).isEqualTo(applied);
        assertThat(ledger.reserve(CustodyAsset.BTC)).isEqualTo(reserve);
        assertThat(ledger.available(user, CustodyAsset.BTC)).isEqualTo(DEPOSIT);
        ReserveWallet.Holdings h = custody.reserves().holdings();
        assertThat(h.addresses()).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(ReserveWallet.Kind.COLD);
            assertThat(x.address()).isEqualTo(t.destination());
            assertThat(x.balance()).isEqualTo(t.amount());
        });
        assertThatThrownBy(() -> custody.reserves().signMessage(t.destination(), "challenge"))
                .isInstanceOf(IllegalArgumentException.class);
        swept = t.amount();
    }

    @Test
    @Order(2)
    void aRepeatedSweepRequestIsANoOp() {
        ColdTransfer first = desk.view(5).latest().getFirst();
        int mempool = rpc.mempool().size();
        Sweeper.Report again = desk.sweep("sweep-1");
        assertThat(again.outcome()).isEqualTo("REPEATED");
        assertThat(again.transfer().id()).isEqualTo(first.id());
        assertThat(again.transfer().txid()).isEqualTo(first.txid());
        Sweeper.Report other = desk.sweep("sweep-2");
        assertThat(other.outcome()).isEqualTo("NOTHING");
        assertThat(other.transfer()).isNull();
        assertThat(rpc.mempool()).hasSize(mempool);
        assertThat(desk.view(5).latest()).hasSize(1);
        assertThat(custody.wallet().spendable()).isEqualTo(TARGET);
    }

    @Test
    @Order(3)
    void aTamperedOrUnsignedPsbtIsRefusedAndTheSignedOneTopsUpTheHotWallet() {
        long amount = 30_000_000;
        ColdTransfer t = desk.exportTopUp("topup-1", amount);
        assertThat(t.state()).isEqualTo(ColdTransfer.State.EXPORTED);
        assertThat(t.destination()).isEqualTo(custody.wallet().operatorAddress());
        assertThat(desk.exportTopUp("topup-1", amount).id()).isEqualTo(t.id());
        assertThat(Psbt.fromBase64(t.psbt()).toBase64()).as("the exported PSBT round-trips").isEqualTo(t.psbt());

        // refused, each with its code, and the top-up stays EXPORTED
        refused(t.id(), "bm90IGEgcHNidA==", "PSBT_MALFORMED");
        refused(t.id(), t.psbt(), "PSBT_UNSIGNED");
        refused(t.id(), tampered(t.psbt()), "PSBT_MISMATCH");
        DeterministicKey stranger = derive(coldMaster, new ChildNumber(84, true), new ChildNumber(1, true),
                new ChildNumber(1, true), ChildNumber.ZERO, ChildNumber.ZERO);
        refused(t.id(), sign(t.psbt(), stranger), "PSBT_BAD_SIGNATURE");
        assertThat(desk.view(5).latest().getFirst().state()).isEqualTo(ColdTransfer.State.EXPORTED);

        ColdTransfer signed = desk.importTopUp(t.id(), sign(t.psbt(), null));
        assertThat(signed.state()).isEqualTo(ColdTransfer.State.SIGNED);
        refused(t.id(), sign(t.psbt(), null), "TOPUP_STATE");
        mineUntil("top-up confirmed", () -> desk.view(5).latest().getFirst().state() == ColdTransfer.State.CONFIRMED);
        Sweeper.View v = desk.view(5);
        assertThat(v.hot()).isEqualTo(TARGET + amount);
        assertThat(v.cold()).isEqualTo(swept - amount - t.fee());
    }

    @Test
    @Order(4)
    void aSweepSignedButNeverSentBeforeACrashIsSentAfterTheRestartAndNoSecondOneIsSigned() {
        long hot = custody.wallet().spendable();
        long coldBefore = desk.view(5).cold();
        custody.close();
        BtcCustody down = custody(raw -> {
            throw new HotWallet.BroadcastException("network down", false);
        });
        ColdTransfer signed;
        try {
            Sweeper.Report r = down.coldDesk().orElseThrow().sweep("sweep-3");
            assertThat(r.outcome()).isEqualTo("SENT");
            signed = r.transfer();
            assertThat(signed.state()).isEqualTo(ColdTransfer.State.SIGNED);
            assertThat(signed.amount() + signed.fee()).isEqualTo(hot - TARGET);
            assertThat(rpc.mempool()).doesNotContain(signed.txid());
        } finally {
            down.close(); // the crash: signed and stored, never sent
        }
        custody = custody(new BcoinBroadcaster(rpc));
        desk = custody.coldDesk().orElseThrow();
        Sweeper.Report meanwhile = desk.sweep("sweep-4");
        assertThat(meanwhile.outcome()).isEqualTo("NOTHING");
        assertThat(meanwhile.transfer().id()).isEqualTo(signed.id());
        mineUntil("the stored sweep confirmed", () -> desk.view(10).latest().stream()
                .anyMatch(t -> t.id() == signed.id() && t.state() == ColdTransfer.State.CONFIRMED));
        Sweeper.View v = desk.view(10);
        assertThat(v.latest().stream().filter(t -> t.kind() == ColdTransfer.Kind.SWEEP)).hasSize(2);
        assertThat(v.latest().stream().filter(t -> t.id() == signed.id()).findFirst().orElseThrow().txid())
                .isEqualTo(signed.txid());
        assertThat(v.cold()).isEqualTo(coldBefore + signed.amount());
        assertThat(v.hot()).isEqualTo(TARGET);
    }

    private static void refused(long id, String psbt, String code) {
        assertThatThrownBy(() -> desk.importTopUp(id, psbt)).as(code)
                .isInstanceOfSatisfying(CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** The exported PSBT with its payment to the hot wallet raised by one satoshi. */
    private static String tampered(String base64) {
        Psbt p = Psbt.fromBase64(base64);
        Transaction tx = Transaction.read(ByteBuffer.wrap(p.unsignedTx()));
        Transaction changed = new Transaction();
        tx.getInputs().forEach(i -> changed.addInput(i.getOutpoint().hash(), i.getOutpoint().index(),
                org.bitcoinj.script.Script.parse(new byte[0])));
        changed.addOutput(tx.getOutput(0).getValue().add(Coin.SATOSHI), tx.getOutput(0).getScriptPubKey());
        for (int i = 1; i < tx.getOutputs().size(); i++) {
            changed.addOutput(tx.getOutput(i).getValue(), tx.getOutput(i).getScriptPubKey());
        }
        Psbt q = Psbt.of(changed.serialize());
        for (int i = 0; i < p.inputCount(); i++) {
            for (Psbt.Entry e : p.input(i)) {
                q.putInput(i, e.key(), e.value());
            }
        }
        return sign(q.toBase64(), null);
    }

    /**
     * The spent output's value as a hardware signer takes it: from NON_WITNESS_UTXO, the previous transaction whose
     * txid must be the outpoint's, whose output must be the WITNESS_UTXO given beside it.
     */
    private static long spentValue(java.util.List<Psbt.Entry> input, org.bitcoinj.core.TransactionOutPoint spent) {
        byte[] whole = input.stream().filter(e -> e.key().length == 1 && e.type() == Psbt.IN_NON_WITNESS_UTXO)
                .findFirst().orElseThrow(() -> new AssertionError("no NON_WITNESS_UTXO")).value();
        byte[] witnessUtxo = input.stream().filter(e -> e.key().length == 1 && e.type() == Psbt.IN_WITNESS_UTXO)
                .findFirst().orElseThrow(() -> new AssertionError("no WITNESS_UTXO")).value();
        Transaction previous = Transaction.read(ByteBuffer.wrap(whole));
        assertThat(previous.getTxId()).isEqualTo(spent.hash());
        assertThat(previous.hasWitnesses()).isFalse();
        org.bitcoinj.core.TransactionOutput o = previous.getOutput(spent.index());
        ByteBuffer u = ByteBuffer.wrap(witnessUtxo).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(u.getLong()).isEqualTo(o.getValue().value);
        byte[] script = new byte[org.bitcoinj.base.VarInt.read(u).intValue()];
        u.get(script);
        assertThat(script).isEqualTo(o.getScriptPubKey().program());
        return o.getValue().value;
    }

    /**
     * The offline signer: for each input, the key named by its BIP32 derivation (or {@code forced}), a BIP143
     * signature over the PSBT's own unsigned transaction, written back as PARTIAL_SIG.
     */
    private static String sign(String base64, DeterministicKey forced) {
        Psbt p = Psbt.fromBase64(base64);
        Transaction tx = Transaction.read(ByteBuffer.wrap(p.unsignedTx()));
        for (int i = 0; i < p.inputCount(); i++) {
            long value = spentValue(p.input(i), tx.getInput(i).getOutpoint());
            DeterministicKey key = forced;
            for (Psbt.Entry e : p.input(i)) {
                if (e.type() == Psbt.BIP32_DERIVATION && forced == null) {
                    ByteBuffer d = ByteBuffer.wrap(e.value());
                    assertThat(d.getInt()).isEqualTo(coldMaster.getFingerprint());
                    d.order(ByteOrder.LITTLE_ENDIAN);
                    DeterministicKey k = coldMaster;
                    while (d.hasRemaining()) {
                        k = HDKeyDerivation.deriveChildKey(k, new ChildNumber(d.getInt()));
                    }
                    assertThat(k.getPubKey()).isEqualTo(e.keyData());
                    key = k;
                }
            }
            TransactionSignature sig = tx.calculateWitnessSignature(i, key, ScriptBuilder.createP2PKHOutputScript(key),
                    Coin.valueOf(value), Transaction.SigHash.ALL, false);
            p.putInput(i, Psbt.key(Psbt.IN_PARTIAL_SIG, key.getPubKey()), sig.encodeToBitcoin());
        }
        return p.toBase64();
    }
}
