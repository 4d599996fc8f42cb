package io.skyx.custody.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.CustodyException;
import io.skyx.custody.cold.ColdDesk;
import io.skyx.custody.cold.ColdTransfer;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.LedgerRecords;
import io.skyx.custody.reconcile.Report;
import io.skyx.custody.testing.Await;
import io.skyx.custody.testing.SkyChain;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.testing.TestLedger;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cli.Main;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.TransactionOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SKY cold → hot top-ups on the embedded node's private chain: the platform exports an unsigned transaction from
 * the cold addresses (their keys only in this test, the "offline machine"), the node jar's {@code skycoin sign}
 * signs each input's hash, the platform checks the import and injects it; tampered or wrong imports are refused
 * with a code and change nothing; the ledger is untouched and reconciliation stays clean.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkyTopUpIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int N = SkyTestCustody.N;
    private static final long SKY = SkyTestCustody.SKY;
    private static final long TARGET = 100 * SKY;
    private static final SecKey COLD1 = SecKey.random();
    private static final SecKey COLD2 = SecKey.random();
    private static final Pattern INPUT = Pattern.compile(
            "\"address\":\"(\\w+)\",\"coins\":\\d+,\"hours\":\\d+,\"signingHash\":\"(\\p{XDigit}{64})\"");

    private static SkyChain chain;
    private static TestLedger ledger;
    private static SkyCustody custody;
    private static ColdDesk desk;
    private static javax.sql.DataSource db;

    @BeforeAll
    static void start() {
        chain = SkyChain.start();
        ledger = new TestLedger();
        db = TestDb.fresh();
        custody = SkyTestCustody.start(chain, "skyx top-up test seed", SkyTestCustody.cold(TARGET, COLD1, COLD2), db,
                ledger);
        desk = custody.coldDesk().orElseThrow();
        chain.pay(Map.of(custody.wallet().hotAddress(), 10 * SKY, SkyChain.parse(address(COLD1)), 60 * SKY,
                SkyChain.parse(address(COLD2)), 50 * SKY));
        chain.blocks(N);
    }

    @AfterAll
    static void stop() {
        SkyTestCustody.stop(custody, chain);
    }

    private static String address(SecKey k) {
        return Address.fromSecKey(k).toString();
    }

    private static void refused(String code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CustodyException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    /** The offline machine: {@code skycoin sign --secret S --hash H} for each input, with the key of its address. */
    private static List<String> signOffline(String sheet, Map<String, SecKey> keys) {
        List<String> sigs = new ArrayList<>();
        Matcher m = INPUT.matcher(sheet);
        while (m.find()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(List.of("sign", "--secret", HexFormat.of().formatHex(keys.get(m.group(1)).bytes()),
                    "--hash", m.group(2)), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertThat(code).isZero();
            Matcher sig = Pattern.compile("\"sig\":\"(\\p{XDigit}{130})\"").matcher(out.toString(StandardCharsets.UTF_8));
            assertThat(sig.find()).isTrue();
            sigs.add(sig.group(1));
        }
        return sigs;
    }

    private static Report reconcile() {
        LedgerRecords books = asset -> new LedgerRecords.Records(0, Map.of(), Map.of(), Map.of(), -ledger.reserve(asset));
        return custody.reconciler(books, java.util.Set::of, 0).run();
    }

    @Test
    @Order(1)
    void badExportsAreRefusedAndACancelledTopUpFreesItsColdOutputs() {
        refused("INVALID_AMOUNT", () -> desk.exportTopUp("bad-amount", 1500L));
        refused("COLD_WALLET_SHORT", () -> desk.exportTopUp("too-much", 111 * SKY));
        assertThat(desk.view(10).latest()).isEmpty();

        ColdTransfer a = desk.exportTopUp("a", 100 * SKY);
        assertThat(a.state()).isEqualTo(ColdTransfer.State.EXPORTED);
        refused("COLD_WALLET_SHORT", () -> desk.exportTopUp("b", 5 * SKY));
        ColdTransfer cancelled = desk.cancelTopUp(a.id());
        assertThat(cancelled.state()).isEqualTo(ColdTransfer.State.CANCELLED);
        refused("TOPUP_STATE", () -> desk.cancelTopUp(a.id()));
        refused("TOPUP_STATE", () -> desk.importTopUp(a.id(), "00"));
        ColdTransfer b = desk.exportTopUp("b", 5 * SKY);
        assertThat(b.state()).isEqualTo(ColdTransfer.State.EXPORTED);
        desk.cancelTopUp(b.id());
        assertThat(ledger.applied()).isZero();
    }

    @Test
    @Order(2)
    void anOfflineSignedTopUpReachesTheHotWalletAndTamperedImportsChangeNothing() {
        Report clean = reconcile();
        assertThat(clean.differences()).isEmpty();
        long holdings = custody.wallet().holdings().total();
        String hot = custody.wallet().hotAddress().toString();

        ColdTransfer t = desk.exportTopUp("t1", null);
        assertThat(t.amount()).as("up to the target").isEqualTo(90 * SKY);
        assertThat(t.destination()).isEqualTo(hot);
        assertThat(desk.exportTopUp("t1", null).id()).as("a repeated request id").isEqualTo(t.id());
        Transaction unsigned = decode(t.unsignedTx());
        assertThat(unsigned.inputs()).as("60 + 50 SKY for 90").hasSize(2);
        assertThat(unsigned.outputs()).extracting(o -> o.address().toString(), TransactionOutput::coins)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hot, 90 * SKY),
                        org.assertj.core.groups.Tuple.tuple(address(COLD1), 20 * SKY));
        Map<String, SecKey> keys = Map.of(address(COLD1), COLD1, address(COLD2), COLD2);
        List<String> sigs = signOffline(t.psbt(), keys);
        assertThat(sigs).hasSize(2);

        refused("UNKNOWN_TOPUP", () -> desk.importTopUp(t.id() + 1000, String.join(" ", sigs)));
        refused("TOPUP_MALFORMED", () -> desk.importTopUp(t.id(), "not hex"));
        refused("TOPUP_MALFORMED", () -> desk.importTopUp(t.id(), sigs.get(0)));
        refused("TOPUP_BAD_SIGNATURE", () -> desk.importTopUp(t.id(), sigs.get(1) + " " + sigs.get(0)));
        List<String> wrongKey = signOffline(t.psbt(), Map.of(address(COLD1), COLD2, address(COLD2), COLD2));
        refused("TOPUP_BAD_SIGNATURE", () -> desk.importTopUp(t.id(), String.join(",", wrongKey)));
        List<TransactionOutput> outs = new ArrayList<>(unsigned.outputs());
        outs.set(0, new TransactionOutput(SkyChain.parse(SkyChain.outsideAddress()), 90 * SKY, outs.get(0).hours()));
        Transaction redirected = Transaction.unsigned(unsigned.inputs(), outs).sign(List.of(COLD1, COLD2));
        refused("TOPUP_MISMATCH", () -> desk.importTopUp(t.id(), hex(redirected)));
        refused("TOPUP_MALFORMED", () -> desk.importTopUp(t.id(), hex(redirected).substring(2)));
        assertThat(desk.view(10).latest().getFirst()).satisfies(x -> {
            assertThat(x.state()).isEqualTo(ColdTransfer.State.EXPORTED);
            assertThat(x.rawTx()).isNull();
            assertThat(x.txid()).isEqualTo(t.txid());
        });
        assertThat(chain.balance(hot)).isEqualTo(10 * SKY);

        ColdTransfer signed = desk.importTopUp(t.id(), String.join("\n", sigs));
        assertThat(signed.state()).isEqualTo(ColdTransfer.State.SIGNED);
        assertThat(signed.txid()).as("a Skycoin txid covers the signatures").isNotEqualTo(t.txid());
        refused("TOPUP_STATE", () -> desk.importTopUp(t.id(), String.join(" ", sigs)));
        Await.until("top-up confirmed", WAIT, () -> {
            chain.block();
            return desk.view(10).latest().getFirst().state() == ColdTransfer.State.CONFIRMED;
        });
        assertThat(chain.node().store().transaction(sha(signed.txid()))).isPresent();
        assertThat(chain.balance(hot)).isEqualTo(100 * SKY);
        assertThat(chain.balance(address(COLD1))).isEqualTo(20 * SKY);
        assertThat(chain.balance(address(COLD2))).isZero();
        assertThat(desk.view(10).hot()).isEqualTo(TARGET);
        assertThat(ledger.applied()).as("no ledger command").isZero();
        assertThat(custody.wallet().holdings().total()).as("the reserves moved, not changed").isEqualTo(holdings);
        Report after = reconcile();
        assertThat(after.differences()).isEmpty();
        assertThat(after.holdings()).isEqualTo(clean.holdings());
        assertThat(ledger.available(1, CustodyAsset.SKY)).isZero();
    }

    @Test
    @Order(3)
    void aColdOutputSpentSinceTheExportAndATransactionTheNodeWouldRefuseAreRefusedAndChangeNothing() throws Exception {
        Map<String, SecKey> keys = Map.of(address(COLD1), COLD1, address(COLD2), COLD2);
        chain.pay(Map.of(SkyChain.parse(address(COLD2)), 30 * SKY));
        chain.blocks(N);
        ColdTransfer invalid = desk.exportTopUp("t-invalid", 5 * SKY);
        Transaction exported = decode(invalid.unsignedTx());
        // the stored export altered behind custody's back: its outputs no longer add up to its inputs' coins
        List<TransactionOutput> outs = new ArrayList<>(exported.outputs());
        TransactionOutput change = outs.getLast();
        outs.set(outs.size() - 1, new TransactionOutput(change.address(), change.coins() + SKY, change.hours()));
        Transaction altered = Transaction.unsigned(exported.inputs(), outs);
        try (var c = db.getConnection(); var st = c.prepareStatement(
                "update custody_cold_transfer set unsigned_tx = ? where id = ?")) {
            st.setBytes(1, TransactionCodec.INSTANCE.encode(altered));
            st.setLong(2, invalid.id());
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        List<String> alteredSigs = altered.sign(keysOf(altered, keys)).sigs().stream().map(x -> x.hex()).toList();
        refused("TOPUP_INVALID", () -> desk.importTopUp(invalid.id(), String.join(" ", alteredSigs)));
        assertThat(desk.cancelTopUp(invalid.id()).state()).isEqualTo(ColdTransfer.State.CANCELLED);

        ColdTransfer t = desk.exportTopUp("t-spent", 5 * SKY);
        Transaction unsigned = decode(t.unsignedTx());
        List<String> sigs = signOffline(t.psbt(), keys);
        // the cold key holder spends the same output elsewhere before the import
        List<TransactionOutput> elsewhere = new ArrayList<>(unsigned.outputs());
        elsewhere.set(0, new TransactionOutput(SkyChain.parse(SkyChain.outsideAddress()), elsewhere.get(0).coins(),
                elsewhere.get(0).hours()));
        Transaction spend = Transaction.unsigned(unsigned.inputs(), elsewhere).sign(keysOf(unsigned, keys));
        assertThat(chain.node().inject(spend, true).admission()).isEqualTo(
                io.skyx.node.pool.UnconfirmedPool.Admission.ADDED);
        chain.block();
        String hot = custody.wallet().hotAddress().toString();
        long hotBefore = chain.balance(hot);
        refused("TOPUP_INPUT_SPENT", () -> desk.importTopUp(t.id(), String.join(" ", sigs)));
        assertThat(desk.view(10).latest().getFirst()).satisfies(x -> {
            assertThat(x.id()).isEqualTo(t.id());
            assertThat(x.state()).isEqualTo(ColdTransfer.State.EXPORTED);
            assertThat(x.rawTx()).isNull();
        });
        assertThat(chain.balance(hot)).isEqualTo(hotBefore);
        assertThat(ledger.applied()).isZero();
        desk.cancelTopUp(t.id());
    }

    /** The cold key of each of {@code t}'s inputs, in order. */
    private static List<SecKey> keysOf(Transaction t, Map<String, SecKey> keys) {
        return t.inputs().stream().map(uxid -> keys.get(chain.node().unspent(uxid).orElseThrow().body().address()
                .toString())).toList();
    }

    private static Transaction decode(byte[] raw) {
        try {
            return TransactionCodec.INSTANCE.decodeExact(raw);
        } catch (io.skyx.node.encoding.DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private static String hex(Transaction t) {
        return HexFormat.of().formatHex(TransactionCodec.INSTANCE.encode(t));
    }

    private static SHA256 sha(String hex) {
        try {
            return SHA256.fromHex(hex);
        } catch (io.skyx.node.cipher.CipherException e) {
            throw new AssertionError(e);
        }
    }
}
