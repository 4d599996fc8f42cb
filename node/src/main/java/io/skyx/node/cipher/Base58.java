package io.skyx.node.cipher;

import java.util.Arrays;

/** Base58 with the Bitcoin alphabet; leading zero bytes are written as '1'. */
final class Base58 {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEX = new int[128];

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEX[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] digits = new byte[input.length * 2];
        int digitCount = 0;
        for (int i = zeros; i < input.length; i++) {
            int carry = input[i] & 0xFF;
            for (int j = 0; j < digitCount; j++) {
                carry += (digits[j] & 0xFF) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[digitCount++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder sb = new StringBuilder(zeros + digitCount);
        for (int i = 0; i < zeros; i++) {
            sb.append(ALPHABET[0]);
        }
        for (int i = digitCount - 1; i >= 0; i--) {
            sb.append(ALPHABET[digits[i]]);
        }
        return sb.toString();
    }

    static byte[] decode(String input) throws CipherException {
        if (input == null || input.isEmpty()) {
            throw new CipherException(CipherError.INVALID_BASE58, "empty base58 string");
        }
        if (input.length() > 200) {
            throw new CipherException(CipherError.INVALID_LENGTH, "base58 string too long");
        }
        int zeros = 0;
        while (zeros < input.length() && input.charAt(zeros) == ALPHABET[0]) {
            zeros++;
        }
        byte[] bytes = new byte[input.length()];
        int byteCount = 0;
        for (int i = zeros; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0) {
                throw new CipherException(CipherError.INVALID_BASE58, "invalid base58 character at index " + i);
            }
            int carry = digit;
            for (int j = 0; j < byteCount; j++) {
                carry += (bytes[j] & 0xFF) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[byteCount++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + byteCount];
        for (int i = 0; i < byteCount; i++) {
            out[out.length - 1 - i] = bytes[i];
        }
        return out;
    }
}
