package io.skyx.skywire;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;
import io.skyx.node.encoding.DecodeError;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed Skywire record as it travels on Kafka and over REST: {@code body []byte ‖ sig [65]} in Skycoin
 * encoding (uint32 length, the body bytes, then the 65-byte signature). The record's ID is {@code SHA-256(body)};
 * the signature is Skywire's {@code SignPayload(body, sk)} = {@code SignHash(SHA-256(body))}, a recoverable
 * secp256k1 signature {@code r ‖ s ‖ recid} by the body's {@linkplain RecordBody#signer() signer}.
 */
public final class SignedRecord {
    /** Largest body: an epoch claim listing {@link EpochClaim#MAX_REPORTS} reports. */
    public static final int MAX_BODY = 2 + 33 + 4 + 21 + 4 + EpochClaim.MAX_REPORTS * SHA256.SIZE;
    /** Largest wire form accepted; anything longer is refused before decoding. */
    public static final int MAX_WIRE = 4 + MAX_BODY + Sig.SIZE;

    private final byte[] body;
    private final Sig sig;
    private final RecordBody parsed;
    private final SHA256 id;

    private SignedRecord(byte[] body, Sig sig, RecordBody parsed) {
        this.body = body;
        this.sig = sig;
        this.parsed = parsed;
        this.id = SHA256.sum(body);
    }

    /** Encodes {@code body} and signs its hash with {@code key} (which should be the body's signer). */
    public static SignedRecord sign(RecordBody body, SecKey key) {
        Objects.requireNonNull(body, "body");
        byte[] bytes = body.encode();
        return new SignedRecord(bytes, Cipher.signHash(SHA256.sum(bytes), key), body);
    }

    /**
     * Decodes a wire record: size limit, exact Skycoin decoding of the envelope and the body, no trailing bytes.
     * The signature is not checked here (see {@link #verify()}).
     */
    public static SignedRecord decode(byte[] wire) throws DecodeException {
        if (wire.length > MAX_WIRE) {
            throw new DecodeException(DecodeError.TOO_LONG, 0, "record of " + wire.length + " bytes, max " + MAX_WIRE);
        }
        Decoder d = new Decoder(wire);
        byte[] body = d.byteSlice(MAX_BODY);
        Sig sig = Sig.read(d);
        d.requireEnd();
        return new SignedRecord(body, sig, parseBody(body));
    }

    /** Parses canonical body bytes; they must re-encode to the same bytes. */
    static RecordBody parseBody(byte[] body) throws DecodeException {
        Decoder d = new Decoder(body);
        int code = d.u8();
        RecordKind kind = RecordKind.ofCode(code);
        if (kind == null) {
            throw d.error(DecodeError.INVALID_VALUE, "unknown record kind " + code);
        }
        int version = d.u8();
        if (version != RecordBody.VERSION) {
            throw d.error(DecodeError.INVALID_VALUE, "unknown record version " + version);
        }
        RecordBody parsed = switch (kind) {
            case USAGE_REPORT -> UsageReport.readFields(d);
            case EPOCH_CLAIM -> EpochClaim.readFields(d);
        };
        d.requireEnd();
        if (!Arrays.equals(parsed.encode(), body)) {
            throw new DecodeException(DecodeError.INVALID_VALUE, 0, "body is not in canonical form");
        }
        return parsed;
    }

    /** @return {@link VerifyResult#OK} when the signature recovers to the body's signer and is valid */
    public VerifyResult verify() {
        return Cipher.verifyPubKeySignedHash(parsed.signer(), sig, id);
    }

    /** @return the wire bytes {@code body []byte ‖ sig [65]} */
    public byte[] encode() {
        Encoder e = new Encoder(4 + body.length + Sig.SIZE);
        e.byteSlice(body);
        sig.writeTo(e);
        return e.toByteArray();
    }

    /** @return the record ID, {@code SHA-256(body)} */
    public SHA256 id() {
        return id;
    }

    /** @return a copy of the canonical body bytes */
    public byte[] body() {
        return body.clone();
    }

    /** @return the signature */
    public Sig sig() {
        return sig;
    }

    /** @return the decoded body */
    public RecordBody parsed() {
        return parsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedRecord r && Arrays.equals(body, r.body) && sig.equals(r.sig);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + sig.hashCode();
    }

    @Override
    public String toString() {
        return parsed.kind() + " " + id.hex();
    }
}
