package io.skyx.node.cli;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.BitcoinAddress;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.ExtendedKey;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;

import java.util.HexFormat;
import java.util.Optional;

/**
 * One request line of {@code skycoin address|sign|verify|recover --batch} → one JSON object (without the newline).
 * The line formats are in docs/skycoin-node.md; a malformed line raises {@link BadLine}. Outputs hold only hex,
 * base58 and booleans, so they are built without a JSON library (this is the batch hot path). Public keys of
 * given secrets come from {@link SecKey#pubKeyVarTime()}: the batch is a conformance tool for throwaway keys.
 */
final class CryptoOps {
    /** A request line that cannot be processed; the message goes into the line's {@code error}. */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private CryptoOps() {
    }

    private static String[] words(String line, int min, int max) throws BadLine {
        String[] w = line.trim().split("\\s+");
        if (w.length < min || w.length > max) {
            throw new BadLine("expected " + (min == max ? min : min + " to " + max) + " fields, got " + w.length);
        }
        return w;
    }

    private static byte[] hex(String s, String what) throws BadLine {
        try {
            return HEX.parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new BadLine(what + " is not hex");
        }
    }

    private static SecKey secKey(String s) throws BadLine {
        try {
            return SecKey.of(hex(s, "secret key"));
        } catch (CipherException e) {
            throw new BadLine("invalid secret key: " + e.getMessage());
        }
    }

    private static PubKey pubKey(String s) throws BadLine {
        try {
            return PubKey.of(hex(s, "public key"));
        } catch (CipherException e) {
            throw new BadLine("invalid public key: " + e.getMessage());
        }
    }

    private static Sig sig(String s) throws BadLine {
        try {
            return Sig.of(hex(s, "signature"));
        } catch (CipherException e) {
            throw new BadLine("invalid signature: " + e.getMessage());
        }
    }

    private static SHA256 hash(String s) throws BadLine {
        byte[] b = hex(s, "hash");
        if (b.length != SHA256.SIZE) {
            throw new BadLine("hash must be 32 bytes, got " + b.length);
        }
        return SHA256.of(b);
    }

    /** The hash a request names: {@code HASHHEX}, or {@code payload HEX} (SHA-256 of the payload bytes). */
    private static SHA256 hashOf(String[] w, int i) throws BadLine {
        if (w[i].equals("payload")) {
            if (w.length != i + 2) {
                throw new BadLine("payload needs one hex argument");
            }
            return SHA256.sum(hex(w[i + 1], "payload"));
        }
        if (w.length != i + 1) {
            throw new BadLine("unexpected field after the hash");
        }
        return hash(w[i]);
    }

    private static void key(StringBuilder b, Optional<SecKey> sec, PubKey pub) {
        b.append('{');
        sec.ifPresent(s -> b.append("\"secret\":\"").append(s.revealHex()).append("\","));
        b.append("\"public\":\"").append(pub.hex()).append("\",\"address\":\"").append(Address.fromPubKey(pub))
                .append("\",\"bitcoin_address\":\"").append(BitcoinAddress.fromPubKey(pub)).append("\"}");
    }

    /**
     * {@code SECHEX} or {@code sec SECHEX}: the key's public key and addresses; {@code pub PUBHEX}: the addresses;
     * {@code seed SEEDHEX [N]}: the first N (default 1, at most 1000) keys of the deterministic chain;
     * {@code bip32 SEEDHEX PATH}: the BIP32 key at PATH (e.g. {@code m/44'/8000'/0'/0/7}).
     */
    static String address(String line) throws BadLine {
        String[] w = words(line, 1, 3);
        StringBuilder b = new StringBuilder(256);
        switch (w[0]) {
            case "pub" -> {
                requireLength(w, 2);
                key(b, Optional.empty(), pubKey(w[1]));
            }
            case "sec" -> {
                requireLength(w, 2);
                SecKey s = secKey(w[1]);
                key(b, Optional.of(s), s.pubKeyVarTime());
            }
            case "seed" -> {
                int n = w.length == 3 ? count(w[2]) : 1;
                try {
                    DeterministicKeys.Chain c = DeterministicKeys.chain(hex(w[1], "seed"), n);
                    b.append("{\"keys\":[");
                    for (int i = 0; i < c.keys().size(); i++) {
                        KeyPair k = c.keys().get(i);
                        if (i > 0) {
                            b.append(',');
                        }
                        key(b, Optional.of(k.sec()), k.pub());
                    }
                    b.append("],\"last_seed\":\"").append(HEX.formatHex(c.lastSeed())).append("\"}");
                } catch (CipherException e) {
                    throw new BadLine("invalid seed: " + e.getMessage());
                }
            }
            case "bip32" -> {
                requireLength(w, 3);
                try {
                    SecKey s = ExtendedKey.master(hex(w[1], "seed")).derive(w[2]).secKey();
                    key(b, Optional.of(s), s.pubKey());
                } catch (CipherException e) {
                    throw new BadLine("cannot derive: " + e.getMessage());
                }
            }
            default -> {
                requireLength(w, 1);
                SecKey s = secKey(w[0]);
                key(b, Optional.of(s), s.pubKeyVarTime());
            }
        }
        return b.toString();
    }

    private static void requireLength(String[] w, int n) throws BadLine {
        if (w.length != n) {
            throw new BadLine("'" + w[0] + "' takes " + (n - 1) + " argument(s)");
        }
    }

    private static int count(String s) throws BadLine {
        try {
            int n = Integer.parseInt(s);
            if (n < 1 || n > 1000) {
                throw new BadLine("count must be 1..1000");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadLine("count is not a number");
        }
    }

    /** {@code SECHEX HASHHEX} or {@code SECHEX payload HEX}: Skycoin's 65-byte signature (RFC 6979 nonce, low S). */
    static String sign(String line) throws BadLine {
        String[] w = words(line, 2, 3);
        SecKey s = secKey(w[0]);
        SHA256 h = hashOf(w, 1);
        if (h.isNull()) {
            throw new BadLine("refusing to sign the null hash");
        }
        Sig sig = Cipher.signHash(h, s);
        return "{\"hash\":\"" + h + "\",\"sig\":\"" + sig.hex() + "\",\"public\":\"" + s.pubKey().hex() + "\"}";
    }

    /**
     * {@code ADDRESS SIGHEX HASH} ({@code VerifyAddressSignedHash}) or {@code PUBHEX SIGHEX HASH}
     * ({@code VerifyPubKeySignedHash}); HASH is {@code HASHHEX} or {@code payload HEX}.
     */
    static String verify(String line) throws BadLine {
        String[] w = words(line, 3, 4);
        Sig s = sig(w[1]);
        SHA256 h = hashOf(w, 2);
        VerifyResult r;
        if (w[0].length() == 66 && (w[0].startsWith("02") || w[0].startsWith("03"))) {
            r = Cipher.verifyPubKeySignedHash(pubKey(w[0]), s, h);
        } else {
            Address a;
            try {
                a = Address.parse(w[0]);
            } catch (CipherException e) {
                throw new BadLine("invalid address: " + e.getMessage());
            }
            r = Cipher.verifyAddressSignedHash(a, s, h);
        }
        return r.ok() ? "{\"valid\":true}" : "{\"valid\":false,\"error\":\"" + r.name() + "\"}";
    }

    /** {@code SIGHEX HASH}: the public key the signature recovers to ({@code PubKeyFromSig}) and its address. */
    static String recover(String line) throws BadLine {
        String[] w = words(line, 2, 3);
        Sig s = sig(w[0]);
        SHA256 h = hashOf(w, 1);
        Optional<PubKey> p = Cipher.pubKeyFromSig(s, h);
        if (p.isEmpty()) {
            return "{\"error\":\"" + VerifyResult.INVALID_SIG_PUBKEY_RECOVERY.name() + "\"}";
        }
        return "{\"public\":\"" + p.get().hex() + "\",\"address\":\"" + Address.fromPubKey(p.get()) + "\"}";
    }
}
