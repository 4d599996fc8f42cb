package io.skyx.node.cipher;

import java.util.Arrays;

/**
 * Wallet Import Format for secret keys, always compressed:
 * base58({@code 0x80 ‖ sec32 ‖ 0x01 ‖ DoubleSHA256(first 34 bytes)[0:4]}), 38 bytes.
 */
public final class Wif {
    private Wif() {
    }

    /** @return the WIF string of {@code sec} (it reveals the secret: export only) */
    public static String encode(SecKey sec) {
        byte[] raw = new byte[38];
        raw[0] = (byte) 0x80;
        System.arraycopy(sec.bytes(), 0, raw, 1, 32);
        raw[33] = 1;
        System.arraycopy(SHA256.doubleSum(Arrays.copyOf(raw, 34)).bytes(), 0, raw, 34, 4);
        return Base58.encode(raw);
    }

    /**
     * Decodes a compressed-key WIF ({@code SecKeyFromBitcoinWalletImportFormat}).
     *
     * @throws CipherException {@link CipherError#INVALID_BASE58}, {@link CipherError#INVALID_LENGTH} (not 38
     *                         bytes), {@link CipherError#INVALID_VERSION} (prefix not 0x80 or flag not 0x01),
     *                         {@link CipherError#INVALID_CHECKSUM} or {@link CipherError#INVALID_SECKEY}
     */
    public static SecKey decode(String wif) throws CipherException {
        byte[] raw = Base58.decode(wif);
        if (raw.length != 38) {
            throw new CipherException(CipherError.INVALID_LENGTH, "WIF must decode to 38 bytes, got " + raw.length);
        }
        if ((raw[0] & 0xFF) != 0x80 || raw[33] != 1) {
            throw new CipherException(CipherError.INVALID_VERSION, "WIF must start with 0x80 and mark compression");
        }
        byte[] check = Arrays.copyOf(SHA256.doubleSum(Arrays.copyOf(raw, 34)).bytes(), 4);
        if (!Arrays.equals(check, Arrays.copyOfRange(raw, 34, 38))) {
            throw new CipherException(CipherError.INVALID_CHECKSUM, "WIF checksum mismatch");
        }
        return SecKey.of(Arrays.copyOfRange(raw, 1, 33));
    }
}
