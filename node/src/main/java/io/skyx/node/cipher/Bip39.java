package io.skyx.node.cipher;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bitcoinj.crypto.MnemonicCode;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP39 mnemonics with the standard English word list (taken from bitcoinj's {@link MnemonicCode}): entropy to
 * words with an SHA-256 checksum, checksum validation, and the seed PBKDF2-HMAC-SHA512(NFKD(mnemonic),
 * "mnemonic" + NFKD(passphrase), 2048, 64 bytes) that BIP44 wallets derive from.
 */
public final class Bip39 {
    private static final int PBKDF2_ROUNDS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Bip39() {
    }

    private static final class Words {
        static final List<String> LIST = List.copyOf(MnemonicCode.INSTANCE.getWordList());
        static final Map<String, Integer> INDEX = new HashMap<>();

        static {
            if (LIST.size() != 2048) {
                throw new IllegalStateException("BIP39 word list must have 2048 words, got " + LIST.size());
            }
            for (int i = 0; i < LIST.size(); i++) {
                INDEX.put(LIST.get(i), i);
            }
        }
    }

    /** @return the mnemonic for 16, 20, 24, 28 or 32 bytes of entropy (12..24 words) */
    public static String fromEntropy(byte[] entropy) {
        int bits = entropy.length * 8;
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new IllegalArgumentException("entropy must be 16..32 bytes in steps of 4, got " + entropy.length);
        }
        int checksumBits = bits / 32;
        byte[] hash = SHA256.digest(entropy);
        int words = (bits + checksumBits) / 11;
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int index = 0;
            for (int b = 0; b < 11; b++) {
                int bit = w * 11 + b;
                boolean set = bit < bits ? bitAt(entropy, bit) : bitAt(hash, bit - bits);
                index = (index << 1) | (set ? 1 : 0);
            }
            if (w > 0) {
                sb.append(' ');
            }
            sb.append(Words.LIST.get(index));
        }
        return sb.toString();
    }

    /** @return a new random mnemonic of {@code wordCount} words (12, 15, 18, 21 or 24) */
    public static String generate(int wordCount) {
        if (wordCount < 12 || wordCount > 24 || wordCount % 3 != 0) {
            throw new IllegalArgumentException("word count must be 12, 15, 18, 21 or 24, got " + wordCount);
        }
        byte[] entropy = new byte[wordCount * 4 / 3];
        RANDOM.nextBytes(entropy);
        return fromEntropy(entropy);
    }

    private static boolean bitAt(byte[] bytes, int bit) {
        return (bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0;
    }

    /**
     * Checks a mnemonic: 12, 15, 18, 21 or 24 words separated by single spaces, all from the word list, and the
     * checksum matches.
     *
     * @return the entropy it encodes
     * @throws CipherException {@link CipherError#INVALID_SEED} saying which rule failed (never echoing words)
     */
    public static byte[] validate(String mnemonic) throws CipherException {
        if (mnemonic == null || mnemonic.isBlank()) {
            throw new CipherException(CipherError.INVALID_SEED, "mnemonic is empty");
        }
        String[] words = Normalizer.normalize(mnemonic, Normalizer.Form.NFKD).split(" ", -1);
        if (words.length < 12 || words.length > 24 || words.length % 3 != 0) {
            throw new CipherException(CipherError.INVALID_SEED,
                    "mnemonic must have 12, 15, 18, 21 or 24 words separated by single spaces, got "
                            + words.length + " word(s)");
        }
        int totalBits = words.length * 11;
        int checksumBits = totalBits / 33;
        int entropyBits = totalBits - checksumBits;
        byte[] all = new byte[(totalBits + 7) / 8];
        for (int w = 0; w < words.length; w++) {
            Integer index = Words.INDEX.get(words[w]);
            if (index == null) {
                throw new CipherException(CipherError.INVALID_SEED, "word " + (w + 1) + " is not in the BIP39 list");
            }
            for (int b = 0; b < 11; b++) {
                if ((index & (1 << (10 - b))) != 0) {
                    int bit = w * 11 + b;
                    all[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                }
            }
        }
        byte[] entropy = Arrays.copyOf(all, entropyBits / 8);
        byte[] hash = SHA256.digest(entropy);
        for (int i = 0; i < checksumBits; i++) {
            if (bitAt(all, entropyBits + i) != bitAt(hash, i)) {
                throw new CipherException(CipherError.INVALID_SEED, "mnemonic checksum mismatch");
            }
        }
        return entropy;
    }

    /** @return whether {@link #validate} accepts the mnemonic */
    public static boolean isValid(String mnemonic) {
        try {
            validate(mnemonic);
            return true;
        } catch (CipherException e) {
            return false;
        }
    }

    /** @return the 64-byte seed of a mnemonic that passes {@link #validate} */
    public static byte[] seed(String mnemonic, String passphrase) throws CipherException {
        validate(mnemonic);
        return seedUnchecked(mnemonic, passphrase);
    }

    /** @return the 64-byte PBKDF2 seed without validating the words (BIP39 allows any text here) */
    public static byte[] seedUnchecked(String mnemonic, String passphrase) {
        byte[] password = Normalizer.normalize(mnemonic, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        byte[] salt = ("mnemonic" + Normalizer.normalize(passphrase == null ? "" : passphrase, Normalizer.Form.NFKD))
                .getBytes(StandardCharsets.UTF_8);
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
        generator.init(password, salt, PBKDF2_ROUNDS);
        return ((KeyParameter) generator.generateDerivedParameters(512)).getKey();
    }
}
