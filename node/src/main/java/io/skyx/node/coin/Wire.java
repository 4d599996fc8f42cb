package io.skyx.node.coin;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.Sig;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Decoder;
import io.skyx.node.encoding.Encoder;

/** Reading and writing of the cipher value types as they appear inside coin structures. */
final class Wire {
    /** Maximum count of signatures, inputs, outputs and block transactions ({@code maxlen=65535}). */
    static final int MAX_LEN = 65535;
    static final int ADDRESS_SIZE = 21;

    private Wire() {
    }

    static void writeHash(SHA256 h, Encoder e) {
        h.writeTo(e);
    }

    static SHA256 readHash(Decoder d) throws DecodeException {
        return SHA256.read(d);
    }

    static void writeSig(Sig s, Encoder e) {
        s.writeTo(e);
    }

    static Sig readSig(Decoder d) throws DecodeException {
        return Sig.read(d);
    }

    /** Binary address: version byte, then the 20-byte key (the Go struct order, not the base58 order). */
    static void writeAddress(Address a, Encoder e) {
        a.writeTo(e);
    }

    static Address readAddress(Decoder d) throws DecodeException {
        return Address.read(d);
    }
}
