package io.skyx.node.api;

import io.skyx.node.cipher.CipherException;

import java.util.Optional;

/** The error texts of Skycoin's Go decoders, which its API puts after "400 Bad Request - ". */
final class GoErrors {
    private GoErrors() {
    }

    /** cipher.SHA256FromHex: encoding/hex's errors first, then "Invalid hex length". */
    static Optional<String> sha256FromHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!hex) {
                return Optional.of(String.format("encoding/hex: invalid byte: U+%04X '%c'", (int) c, c));
            }
        }
        if (s.length() % 2 != 0) {
            return Optional.of("encoding/hex: odd length hex string");
        }
        if (s.length() != 64) {
            return Optional.of("Invalid hex length");
        }
        return Optional.empty();
    }

    /** cipher.DecodeBase58Address's errors. */
    static String address(CipherException e) {
        return switch (e.error()) {
            case INVALID_BASE58 -> "Invalid base58 character";
            case INVALID_LENGTH -> "Invalid address length";
            case INVALID_CHECKSUM -> "Invalid checksum";
            case INVALID_VERSION -> "Address version invalid";
            default -> e.getMessage();
        };
    }
}
