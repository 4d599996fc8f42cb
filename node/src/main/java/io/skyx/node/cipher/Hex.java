package io.skyx.node.cipher;

import java.util.HexFormat;

/** Lower-case hex with cipher errors for bad input. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] decode(String hex, int expectedLength, String what) throws CipherException {
        byte[] bytes = decode(hex, what);
        if (bytes.length != expectedLength) {
            throw new CipherException(CipherError.INVALID_LENGTH,
                    what + " must be " + expectedLength + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    static byte[] decode(String hex, String what) throws CipherException {
        if (hex == null) {
            throw new CipherException(CipherError.INVALID_HEX, what + " is missing");
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new CipherException(CipherError.INVALID_HEX, what + " is not valid hex");
        }
    }
}
