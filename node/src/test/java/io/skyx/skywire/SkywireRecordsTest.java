package io.skyx.skywire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.VerifyResult;
import io.skyx.node.encoding.DecodeError;
import io.skyx.node.encoding.DecodeException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Transport IDs, canonical encodings, IDs and signatures of Skywire records. The expected values were computed
 * independently (Python hashlib and struct, from the rules in field-notes §1.3 and docs/skywire.md).
 */
class SkywireRecordsTest {
    static final HexFormat HEX = HexFormat.of();
    static final SecKey SK1 = key(1);
    static final SecKey SK2 = key(2);
    static final PubKey G1 = SK1.pubKey();
    static final PubKey G2 = SK2.pubKey();

    static SecKey key(int n) {
        byte[] b = new byte[32];
        b[31] = (byte) n;
        try {
            return SecKey.of(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void transportIdIsMakeTransportIdWhicheverEdgeComputesIt() {
        assertThat(G1.hex()).isEqualTo("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
        assertThat(TransportId.make(G1, G2, "dmsg")).isEqualTo(UUID.fromString("c2d3e00f-4d0b-05d9-b2a7-bdab05d40005"));
        assertThat(TransportId.make(G2, G1, "dmsg")).isEqualTo(UUID.fromString("c2d3e00f-4d0b-05d9-b2a7-bdab05d40005"));
        assertThat(TransportId.make(G1, G2, "stcpr")).isEqualTo(UUID.fromString("0ec86d43-4950-08cd-b47b-de52d0f8677d"));
        assertThat(TransportId.make(G2, G1, "sudph")).isEqualTo(UUID.fromString("4994fdaf-ce8c-082b-ae1c-507e2f4459bf"));
        assertThat(TransportId.make(G1, G2, "stcpr").version()).isZero();
        assertThat(TransportId.make(G1, G2, "stcpr").variant()).isEqualTo(2);
    }

    @Test
    void usageReportHasTheCanonicalEncodingAndId() throws Exception {
        UsageReport r = UsageReport.of(G2, G1, "stcpr", 1780272000L, 1780275600L, 123456789L, 987654L, 7);
        assertThat(r.edge0()).isEqualTo(G1);
        assertThat(HEX.formatHex(r.encode())).isEqualTo("010102c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c"
                + "709ee50ec86d43495008cdb47bde52d0f8677d0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81"
                + "79802c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee505000000737463707280cb1c6a00000000"
                + "90d91c6a0000000015cd5b070000000006120f00000000000700000000000000");
        SignedRecord s = SignedRecord.sign(r, SK2);
        assertThat(s.id().hex()).isEqualTo("bde0ce831e0bd3b35bd42b2448ec6bf57c4989fb7759fc742e844147226d4734");
        assertThat(s.verify()).isEqualTo(VerifyResult.OK);
        SignedRecord back = SignedRecord.decode(s.encode());
        assertThat(back).isEqualTo(s);
        assertThat(back.parsed()).isEqualTo(r);
        assertThat(back.encode()).hasSize(4 + 166 + 65);
        assertThat(RecordChecks.check(r, 1780275600L)).isEmpty();
    }

    @Test
    void epochClaimRoundTripsAndVerifies() throws Exception {
        EpochClaim c = new EpochClaim(G1, 20605, Address.fromPubKey(G1),
                List.of(SHA256.sum(new byte[] {1}), SHA256.sum(new byte[] {2})));
        SignedRecord s = SignedRecord.sign(c, SK1);
        assertThat(s.body()).hasSize(2 + 33 + 4 + 21 + 4 + 64);
        SignedRecord back = SignedRecord.decode(s.encode());
        assertThat(back.parsed()).isEqualTo(c);
        assertThat(back.verify()).isEqualTo(VerifyResult.OK);
        assertThat(RecordJson.toJsonString(back)).contains("\"kind\":\"epoch_claim\"",
                "\"reward_address\":\"" + Address.fromPubKey(G1) + "\"", "\"epoch\":20605");
    }

    @Test
    void aSignatureByAnotherKeyOrOverOtherBytesDoesNotVerify() throws Exception {
        UsageReport r = UsageReport.of(G1, G2, "dmsg", 100, 200, 1, 2, 1);
        SignedRecord byOther = SignedRecord.sign(r, SK2);
        assertThat(SignedRecord.decode(byOther.encode()).verify()).isNotEqualTo(VerifyResult.OK);
        byte[] wire = SignedRecord.sign(r, SK1).encode();
        int sentOffset = 4 + 2 + 33 + 16 + 33 + 33 + 4 + 4 + 16;
        wire[sentOffset] ^= 1;
        SignedRecord tampered = SignedRecord.decode(wire);
        assertThat(((UsageReport) tampered.parsed()).sent()).isEqualTo(0);
        assertThat(tampered.verify()).isNotEqualTo(VerifyResult.OK);
    }

    @Test
    void malformedAndOversizeRecordsAreRefusedWithTheirDecodeError() {
        byte[] wire = SignedRecord.sign(UsageReport.of(G1, G2, "dmsg", 100, 200, 1, 2, 1), SK1).encode();
        assertThat(code(Arrays.copyOf(wire, wire.length + 1))).isEqualTo(DecodeError.TRAILING_BYTES);
        assertThat(code(Arrays.copyOf(wire, wire.length - 1))).isEqualTo(DecodeError.SHORT_BUFFER);
        assertThat(code(new byte[SignedRecord.MAX_WIRE + 1])).isEqualTo(DecodeError.TOO_LONG);
        byte[] badKind = wire.clone();
        badKind[4] = 9;
        assertThat(code(badKind)).isEqualTo(DecodeError.INVALID_VALUE);
        byte[] badType = wire.clone();
        badType[4 + 2 + 33 + 16 + 66 + 4] = 'D';
        assertThat(code(badType)).isEqualTo(DecodeError.INVALID_VALUE);
        assertThat(code(new byte[0])).isEqualTo(DecodeError.SHORT_BUFFER);
    }

    @Test
    void statelessChecksRefuseWrongTransportIdsReportersAndWindows() {
        PubKey g3 = key(3).pubKey();
        UsageReport ok = UsageReport.of(G1, G2, "stcpr", 1000, 2000, 10, 10, 1);
        UsageReport wrongId = new UsageReport(G1, TransportId.make(G1, G2, "sudph"), ok.edge0(), ok.edge1(),
                "stcpr", 1000, 2000, 10, 10, 1);
        assertThat(RecordChecks.check(wrongId, 5000)).contains(Reason.TRANSPORT_ID_MISMATCH);
        UsageReport unsorted = new UsageReport(G1, ok.transportId(), ok.edge1(), ok.edge0(), "stcpr", 1000, 2000,
                10, 10, 1);
        assertThat(RecordChecks.check(unsorted, 5000)).contains(Reason.TRANSPORT_ID_MISMATCH);
        UsageReport stranger = new UsageReport(g3, ok.transportId(), ok.edge0(), ok.edge1(), "stcpr", 1000, 2000,
                10, 10, 1);
        assertThat(RecordChecks.check(stranger, 5000)).contains(Reason.REPORTER_NOT_EDGE);
        assertThat(RecordChecks.check(UsageReport.of(G1, G2, "stcpr", 2000, 2000, 1, 1, 1), 5000))
                .contains(Reason.BAD_WINDOW);
        assertThat(RecordChecks.check(UsageReport.of(G1, G2, "stcpr", 86_000, 86_401, 1, 1, 1), 90_000))
                .contains(Reason.BAD_WINDOW);
        assertThat(RecordChecks.check(UsageReport.of(G1, G2, "stcpr", 86_000, 86_400, 1, 1, 1), 90_000)).isEmpty();
        assertThat(RecordChecks.check(ok, 1000)).contains(Reason.BAD_WINDOW);
    }

    private static DecodeError code(byte[] wire) {
        try {
            SignedRecord.decode(wire);
        } catch (DecodeException e) {
            return e.error();
        }
        throw new AssertionError("decoded");
    }

    @Test
    void domainErrorsAreClearWhenBuildingRecords() {
        assertThatThrownBy(() -> UsageReport.of(G1, G2, "DMSG", 0, 1, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transport type");
        assertThatThrownBy(() -> UsageReport.of(G1, G2, "dmsg", 0, 1, -1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
