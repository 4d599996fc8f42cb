package io.skyx.node.coin;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Rebuilds every transaction and block of the REST goldens (skycoin-vectors/api) and checks every hash. */
class RestGoldensTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String GENESIS_TXID = "d556c1c7abf1e86138316b8c17183665512dc67633c04cf236a8b7f332cb4add";

    /** Checks txid, inner hash, length and each output's uxid of one JSON transaction; returns it. */
    private static Transaction checkTransaction(JsonNode j) throws Exception {
        Transaction t = JsonTransactions.transaction(j);
        assertThat(t.txid().hex()).isEqualTo(j.get("txid").asString());
        if (t.length() != 0) { // the genesis transaction is never UpdateHeader'd
            assertThat(t.computeInnerHash().hex()).isEqualTo(j.get("inner_hash").asString());
            assertThat(t.length()).isEqualTo(t.size());
        }
        List<JsonNode> outs = new ArrayList<>(j.get("outputs").values());
        boolean genesis = t.txid().hex().equals(GENESIS_TXID);
        // outputs of block 0 use an all-zero SrcTransaction (Skycoin's genesis quirk)
        List<UxOut> created = Genesis.createdOutputs(
                new BlockHeader(0, 0, genesis ? 0 : 1, 0, SHA256.NULL, SHA256.NULL, SHA256.NULL), t);
        for (int i = 0; i < outs.size(); i++) {
            String expected = outs.get(i).get("uxid").asString();
            assertThat(created.get(i).id().hex()).as("uxid of output %d", i).isEqualTo(expected);
            if (!genesis) {
                assertThat(t.outputId(i).hex()).isEqualTo(expected);
            }
        }
        byte[] encoded = TransactionCodec.INSTANCE.encode(t);
        assertThat(TransactionCodec.INSTANCE.decodeExact(encoded)).isEqualTo(t);
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"block-seq-0", "block-seq-1", "block-seq-100", "block-hash", "block-hash-genesis",
        "block-hash-verbose", "block-seq-verbose-0", "block-seq-verbose-1", "block-seq-verbose-100"})
    void blocksRebuildToTheirHashes(String name) throws Exception {
        JsonNode block = SharedVectors.json("api/" + name + ".golden");
        List<Transaction> txns = new ArrayList<>();
        for (JsonNode t : block.get("body").get("txns").values()) {
            txns.add(checkTransaction(t));
        }
        BlockBody body = new BlockBody(txns);
        BlockHeader header = JsonTransactions.header(block.get("header"));
        assertThat(body.hash()).isEqualTo(header.bodyHash());
        assertThat(header.hash().hex()).isEqualTo(block.get("header").get("block_hash").asString());
        assertThat((long) BlockBodyCodec.INSTANCE.size(body) - 4).isEqualTo(block.get("size").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"genesis-transaction", "genesis-transaction-verbose", "transaction-block-101",
        "transaction-verbose-block-101", "transaction-unconfirmed", "transaction-unconfirmed-verbose"})
    void transactionsRebuildToTheirIds(String name) throws Exception {
        checkTransaction(SharedVectors.json("api/" + name + ".golden").get("txn"));
    }

    @Test
    void pendingAndVerifyGoldensRebuild() throws Exception {
        for (JsonNode p : SharedVectors.json("api/pending-transactions.golden").values()) {
            checkTransaction(p.get("transaction"));
        }
        Transaction badSig = checkTransaction(
                SharedVectors.json("api/verify-transaction-invalid-bad-sig.golden").get("transaction"));
        assertThat(TransactionRules.verifyStructure(badSig)).isEqualTo(TxnResult.INVALID_SIGNATURE);
        Transaction empty = JsonTransactions.transaction(
                SharedVectors.json("api/verify-transaction-invalid-empty.golden").get("transaction"));
        assertThat(empty.txid().hex()).isEqualTo("78877fa898f0b4c45c9c33ae941e40617ad7c8657a307db62bc5691f92f4f60e");
        assertThat(TransactionRules.verifyStructure(empty)).isEqualTo(TxnResult.NO_INPUTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"genesis-transaction-encoded:genesis-transaction",
        "transaction-encoded-block-101:transaction-block-101",
        "transaction-unconfirmed-encoded:transaction-unconfirmed"})
    void encodedTransactionsDecodeToTheirJson(String pair) throws Exception {
        String[] names = pair.split(":");
        byte[] raw = HEX.parseHex(SharedVectors.json("api/" + names[0] + ".golden").get("encoded_transaction")
                .asString());
        Transaction decoded = TransactionCodec.INSTANCE.decodeExact(raw);
        Transaction fromJson = checkTransaction(SharedVectors.json("api/" + names[1] + ".golden").get("txn"));
        assertThat(decoded).isEqualTo(fromJson);
        assertThat(TransactionCodec.INSTANCE.encode(decoded)).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"transaction-encoded", "transaction-encoded-block-105"})
    void otherEncodedTransactionsAreWellFormed(String name) throws Exception {
        byte[] raw = HEX.parseHex(SharedVectors.json("api/" + name + ".golden").get("encoded_transaction")
                .asString());
        Transaction t = TransactionCodec.INSTANCE.decodeExact(raw);
        assertThat(TransactionCodec.INSTANCE.encode(t)).isEqualTo(raw);
        assertThat(t.length()).isEqualTo(raw.length);
        assertThat(t.computeInnerHash()).isEqualTo(t.innerHash());
        assertThat(TransactionRules.verifyStructure(t)).isEqualTo(TxnResult.OK);
    }

    @Test
    void uxoutGoldensGiveTheirIds() throws Exception {
        for (String name : List.of("uxout", "uxout-spent")) {
            JsonNode u = SharedVectors.json("api/" + name + ".golden");
            checkUxOut(u);
        }
        for (JsonNode u : SharedVectors.json("api/uxout-addr.golden").values()) {
            checkUxOut(u);
        }
    }

    private static void checkUxOut(JsonNode u) throws Exception {
        UxOut ux = new UxOut(new UxHead(u.get("time").asLong(), u.get("src_block_seq").asLong()),
                new UxBody(SHA256.fromHex(u.get("src_tx").asString()), Address.parse(u.get("owner_address")
                        .asString()), u.get("coins").asLong(), u.get("hours").asLong()));
        assertThat(ux.id().hex()).isEqualTo(u.get("uxid").asString());
        assertThat(UxOutCodec.INSTANCE.decodeExact(UxOutCodec.INSTANCE.encode(ux))).isEqualTo(ux);
        if (u.get("spent_block_seq").asLong() == 0) {
            // unspent: calculated_hours is at the API head time (block 180)
            assertThat(ux.coinHours(1431574528L).hours()).isEqualTo(u.get("calculated_hours").asLong());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"outputs-hashes", "outputs-addrs"})
    void outputsGoldenIdsAndHours(String name) throws Exception {
        JsonNode g = SharedVectors.json("api/" + name + ".golden");
        long headTime = g.get("head").get("timestamp").asLong();
        for (JsonNode o : g.get("head_outputs").values()) {
            UxOut ux = new UxOut(new UxHead(o.get("time").asLong(), o.get("block_seq").asLong()),
                    new UxBody(SHA256.fromHex(o.get("src_tx").asString()), Address.parse(o.get("address")
                            .asString()), Droplets.parse(o.get("coins").asString()).orElseThrow(),
                            o.get("hours").asLong()));
            assertThat(ux.id().hex()).isEqualTo(o.get("hash").asString());
            assertThat(ux.coinHours(headTime).hours()).isEqualTo(o.get("calculated_hours").asLong());
            assertThat(Droplets.format(ux.body().coins())).isEqualTo(o.get("coins").asString());
        }
    }

    @Test
    void mainnetGenesisFromParameters() throws Exception {
        Block genesis = Genesis.block(Address.parse("2jBbGxZRGoQG1mqhPBnXnLTxK6oxsTf8os6"), 100_000_000_000_000L,
                1_426_562_704L);
        assertThat(genesis.header().hash().hex())
                .isEqualTo("0551a1e5af999fe8fff529f6f2ab341e1e33db95135eef1b2be44fe6981349f3");
        Transaction txn = genesis.body().transactions().get(0);
        assertThat(txn.txid().hex()).isEqualTo("d556c1c7abf1e86138316b8c17183665512dc67633c04cf236a8b7f332cb4add");
        UxOut out = Genesis.createdOutputs(genesis.header(), txn).get(0);
        assertThat(out.id().hex()).isEqualTo("043836eb6f29aaeb8b9bfce847e07c159c72b25ae17d291f32125e7f1912e2a0");
        // block 1's UxHash is the snapshot hash of the genesis output
        assertThat(out.snapshotHash().hex()).startsWith("ecc66d67").endsWith("655f");
        assertThat(HEX.formatHex(TransactionCodec.INSTANCE.encode(txn))).isEqualTo(SharedVectors
                .json("api/genesis-transaction-encoded.golden").get("encoded_transaction").asString());
    }
}
