package io.skyx.skywire;

import io.skyx.node.cipher.PubKey;
import io.skyx.node.encoding.Encoder;

/** The signed part of a Skywire record: its canonical encoding starts with {@code kind u8 ‖ version u8}. */
public sealed interface RecordBody permits UsageReport, EpochClaim {
    /** Format version written after the kind byte. */
    int VERSION = 1;

    /** @return which record this is */
    RecordKind kind();

    /** @return the relay whose key must sign the record */
    PubKey signer();

    /** Writes the fields after {@code kind ‖ version}, in order. */
    void writeFields(Encoder encoder);

    /** @return the canonical body bytes: {@code kind u8 ‖ version u8 ‖ fields} */
    default byte[] encode() {
        Encoder e = new Encoder(256);
        e.u8(kind().code()).u8(VERSION);
        writeFields(e);
        return e.toByteArray();
    }
}
