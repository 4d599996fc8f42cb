package io.skyx.node.daemon;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionOutput;
import io.skyx.node.encoding.Decoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daemon message bodies against Skycoin's goldens (skycoin-vectors/daemon): decode gives the values listed in
 * decoded-values.json, and re-encoding gives identical bytes.
 */
class MessageGoldenTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] golden(String name) throws IOException {
        return Files.readAllBytes(SharedVectors.dir("daemon").resolve(name));
    }

    private static JsonNode expected(String name) throws IOException {
        Path p = SharedVectors.dir("daemon").resolve("decoded-values.json");
        return JsonMapper.builder().build().readTree(Files.readString(p)).get(name);
    }

    private static Message decodeExact(MessageId id, byte[] body) throws Exception {
        byte[] frame = new byte[4 + body.length];
        System.arraycopy(id.wire(), 0, frame, 0, 4);
        System.arraycopy(body, 0, frame, 4, body.length);
        return Frames.decodeFrameBody(frame);
    }

    @ParameterizedTest
    @CsvSource({"GETP,get-peers-msg.golden", "PING,ping-msg.golden", "PONG,pong-msg.golden",
            "INTR,intro-msg.golden", "INTR,intro-msg-extra.golden", "GIVP,give-peers-msg.golden",
            "GETB,get-blocks-msg.golden", "ANNB,announce-blocks-msg.golden", "ANNT,announce-txns-msg.golden",
            "GETT,get-txns-msg.golden", "GIVB,give-blocks-msg.golden", "GIVT,give-txns-msg.golden"})
    void everyGoldenReEncodesToIdenticalBytes(MessageId id, String file) throws Exception {
        byte[] body = golden(file);
        Message m = decodeExact(id, body);
        assertThat(m.id()).isEqualTo(id);
        assertThat(MessageCodec.size(m)).isEqualTo(body.length);
        assertThat(HEX.formatHex(MessageCodec.encode(m))).isEqualTo(HEX.formatHex(body));
        byte[] frame = Frames.encode(m);
        assertThat(Frames.decodeFrameBody(java.util.Arrays.copyOfRange(frame, 4, frame.length))).isEqualTo(m);
    }

    @Test
    void introductionWithoutExtra() throws Exception {
        JsonNode v = expected("intro-msg.golden");
        var m = (Message.Introduction) decodeExact(MessageId.INTR, golden("intro-msg.golden"));
        assertThat(m.mirror()).isEqualTo(v.get("mirror").asLong());
        assertThat(m.listenPort()).isEqualTo(v.get("listen_port").asInt());
        assertThat(m.protocolVersion()).isEqualTo(v.get("protocol_version").asInt());
        assertThat(m.extra()).isEmpty();
    }

    @Test
    void introductionExtraFields() throws Exception {
        JsonNode v = expected("intro-msg-extra.golden");
        var m = (Message.Introduction) decodeExact(MessageId.INTR, golden("intro-msg-extra.golden"));
        assertThat(m.mirror()).isEqualTo(v.get("mirror").asLong());
        assertThat(m.listenPort()).isEqualTo(v.get("listen_port").asInt());
        assertThat(m.protocolVersion()).isEqualTo(v.get("protocol_version").asInt());
        JsonNode x = v.get("extra");
        IntroductionExtra extra = IntroductionExtra.parse(m.extra());
        assertThat(HEX.formatHex(extra.blockchainPubkey())).isEqualTo(x.get("blockchain_pubkey").asString());
        assertThat(extra.burnFactor()).isEqualTo(x.get("burn_factor").asLong());
        assertThat(extra.maxTransactionSize()).isEqualTo(x.get("max_txn_size").asLong());
        assertThat(extra.maxDropletPrecision()).isEqualTo(x.get("max_droplet_precision").asInt());
        assertThat(extra.userAgent()).isEqualTo(x.get("user_agent").asString());
        assertThat(extra.genesisHash().map(HEX::formatHex)).contains(x.get("genesis_hash").asString());
        assertThat(extra.encode()).isEqualTo(m.extra());
        assertThat(IntroductionExtra.validUserAgent(extra.userAgent())).isTrue();
        assertThat(IntroductionExtra.parseAndVerify(m.extra(), extra.blockchainPubkey())).isEqualTo(extra);
    }

    @Test
    void peersBlocksAndAnnouncements() throws Exception {
        var peers = (Message.GivePeers) decodeExact(MessageId.GIVP, golden("give-peers-msg.golden"));
        List<JsonNode> want = expected("give-peers-msg.golden").get("peers").valueStream().toList();
        assertThat(peers.peers()).hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            assertThat(peers.peers().get(i)).isEqualTo(
                    new PeerAddress(want.get(i).get("ip").asLong(), want.get(i).get("port").asInt()));
        }
        var getb = (Message.GetBlocks) decodeExact(MessageId.GETB, golden("get-blocks-msg.golden"));
        JsonNode gb = expected("get-blocks-msg.golden");
        assertThat(getb).isEqualTo(new Message.GetBlocks(gb.get("last_block").asLong(), gb.get("requested_blocks").asLong()));
        var annb = (Message.AnnounceBlocks) decodeExact(MessageId.ANNB, golden("announce-blocks-msg.golden"));
        assertThat(annb.maxBlockSeq()).isEqualTo(expected("announce-blocks-msg.golden").get("max_bk_seq").asLong());
    }

    @Test
    void txidLists() throws Exception {
        var annt = (Message.AnnounceTxns) decodeExact(MessageId.ANNT, golden("announce-txns-msg.golden"));
        assertThat(annt.txids().stream().map(SHA256::toString).toList()).isEqualTo(
                expected("announce-txns-msg.golden").get("transactions").valueStream().map(JsonNode::asString).toList());
        var gett = (Message.GetTxns) decodeExact(MessageId.GETT, golden("get-txns-msg.golden"));
        assertThat(gett.txids().stream().map(SHA256::toString).toList()).isEqualTo(
                expected("get-txns-msg.golden").get("transactions").valueStream().map(JsonNode::asString).toList());
    }

    @Test
    void giveBlocksDecodedValues() throws Exception {
        var givb = (Message.GiveBlocks) decodeExact(MessageId.GIVB, golden("give-blocks-msg.golden"));
        List<JsonNode> want = expected("give-blocks-msg.golden").get("blocks").valueStream().toList();
        assertThat(givb.blocks()).hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            assertThat(normalize(describe(givb.blocks().get(i)))).isEqualTo(want.get(i));
        }
    }

    @Test
    void giveTxnsDecodedValues() throws Exception {
        var givt = (Message.GiveTxns) decodeExact(MessageId.GIVT, golden("give-txns-msg.golden"));
        List<JsonNode> want = expected("give-txns-msg.golden").get("transactions").valueStream().toList();
        assertThat(givt.transactions()).hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            assertThat(normalize(describe(givt.transactions().get(i)))).isEqualTo(want.get(i));
        }
    }

    @Test
    void emptyMessagesHaveEmptyBodies() throws Exception {
        assertThat(golden("ping-msg.golden")).isEmpty();
        assertThat(HEX.formatHex(Frames.encode(new Message.Ping()))).isEqualTo("0400000050494e47");
        assertThat(Decoder.UNLIMITED).isPositive();
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Round-trips through text so number node types match those of parsed JSON. */
    private static JsonNode normalize(JsonNode n) {
        return JSON.readTree(JSON.writeValueAsString(n));
    }

    /** The decoded-values.json shape of a signed block. */
    private static JsonNode describe(SignedBlock b) {
        ObjectNode h = F.objectNode();
        h.put("version", b.header().version());
        h.put("time", new java.math.BigInteger(Long.toUnsignedString(b.header().time())));
        h.put("seq", new java.math.BigInteger(Long.toUnsignedString(b.header().seq())));
        h.put("fee", new java.math.BigInteger(Long.toUnsignedString(b.header().fee())));
        h.put("prev", b.header().prevHash().toString());
        h.put("body_hash", b.header().bodyHash().toString());
        h.put("ux_hash", b.header().uxHash().toString());
        ObjectNode o = F.objectNode();
        o.set("header", h);
        ArrayNode txns = F.arrayNode();
        b.block().body().transactions().forEach(t -> txns.add(describe(t)));
        o.set("txns", txns);
        o.put("sig", b.sig().toString());
        return o;
    }

    /** The decoded-values.json shape of a transaction. */
    private static JsonNode describe(Transaction t) {
        ObjectNode o = F.objectNode();
        o.put("length", t.length());
        o.put("type", t.type());
        o.put("inner_hash", t.innerHash().toString());
        ArrayNode sigs = F.arrayNode();
        t.sigs().forEach(s -> sigs.add(s.toString()));
        o.set("sigs", sigs);
        ArrayNode in = F.arrayNode();
        t.inputs().forEach(h -> in.add(h.toString()));
        o.set("in", in);
        ArrayNode out = F.arrayNode();
        for (TransactionOutput x : t.outputs()) {
            ObjectNode one = F.objectNode();
            one.put("address", x.address().toString());
            one.put("coins", new java.math.BigInteger(Long.toUnsignedString(x.coins())));
            one.put("hours", new java.math.BigInteger(Long.toUnsignedString(x.hours())));
            out.add(one);
        }
        o.set("out", out);
        return o;
    }
}
