package io.skyx.node.cipher;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A BIP32 extended key (private "xprv" or public "xpub", mainnet version bytes 0488ade4 / 0488b21e), immutable.
 * Derive with {@link #child(long)} and {@link #derive(String)}; BIP44 paths for Skycoin use coin type
 * {@link #SKYCOIN_COIN_TYPE}. The private form never appears in {@link #toString()}.
 */
public final class ExtendedKey {
    /** BIP44 coin type registered for Skycoin. */
    public static final int SKYCOIN_COIN_TYPE = 8000;
    /** The first hardened child index, 2^31. */
    public static final long HARDENED = 0x8000_0000L;

    private static final int XPRV = 0x0488ADE4;
    private static final int XPUB = 0x0488B21E;
    private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

    private final SecKey sec;
    private final PubKey pub;
    private final byte[] chainCode;
    private final int depth;
    private final byte[] parentFingerprint;
    private final long childNumber;

    private ExtendedKey(SecKey sec, PubKey pub, byte[] chainCode, int depth, byte[] parentFingerprint,
                        long childNumber) {
        if (chainCode.length != 32 || parentFingerprint.length != 4 || depth < 0 || depth > 255
                || childNumber < 0 || childNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("malformed extended key fields");
        }
        this.sec = sec;
        this.pub = pub;
        this.chainCode = chainCode;
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
    }

    /**
     * @return the master key of a BIP32 seed of 16..64 bytes
     * @throws CipherException {@link CipherError#INVALID_SEED} for a bad length,
     *                         {@link CipherError#INVALID_DERIVED_KEY} if the master key is invalid
     */
    public static ExtendedKey master(byte[] seed) throws CipherException {
        if (seed.length < 16 || seed.length > 64) {
            throw new CipherException(CipherError.INVALID_SEED, "BIP32 seed must be 16..64 bytes, got " + seed.length);
        }
        byte[] i = hmacSha512(MASTER_HMAC_KEY, seed);
        byte[] il = Arrays.copyOfRange(i, 0, 32);
        if (!Secp256k1.isValidScalar(il)) {
            throw new CipherException(CipherError.INVALID_DERIVED_KEY, "master key is invalid for this seed");
        }
        SecKey sec = SecKey.ofValid(il);
        return new ExtendedKey(sec, sec.pubKey(), Arrays.copyOfRange(i, 32, 64), 0, new byte[4], 0);
    }

    private static byte[] hmacSha512(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * Derives child {@code index} (CKDpriv, or CKDpub for a public key); indexes &ge; {@link #HARDENED} are
     * hardened and need a private key.
     *
     * @throws CipherException {@link CipherError#INVALID_SEED} for a hardened child of a public key or an index
     *                         out of range, {@link CipherError#INVALID_DERIVED_KEY} if the child is invalid
     */
    public ExtendedKey child(long index) throws CipherException {
        if (index < 0 || index > 0xFFFF_FFFFL) {
            throw new CipherException(CipherError.INVALID_SEED, "child index out of range: " + index);
        }
        if (depth == 255) {
            throw new CipherException(CipherError.INVALID_SEED, "maximum depth reached");
        }
        boolean hardened = index >= HARDENED;
        ByteBuffer data = ByteBuffer.allocate(37);
        if (hardened) {
            if (sec == null) {
                throw new CipherException(CipherError.INVALID_SEED, "cannot derive a hardened child from a public key");
            }
            data.put((byte) 0).put(sec.bytes());
        } else {
            data.put(pub.bytes());
        }
        data.putInt((int) index);
        byte[] i = hmacSha512(chainCode, data.array());
        BigInteger il = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
        byte[] childChain = Arrays.copyOfRange(i, 32, 64);
        if (il.compareTo(Secp256k1.N) >= 0) {
            throw new CipherException(CipherError.INVALID_DERIVED_KEY, "child " + index + " is invalid");
        }
        byte[] fingerprint = fingerprint();
        if (sec != null) {
            BigInteger k = il.add(sec.scalar()).mod(Secp256k1.N);
            if (k.signum() == 0) {
                throw new CipherException(CipherError.INVALID_DERIVED_KEY, "child " + index + " is invalid");
            }
            SecKey childSec = SecKey.ofValid(Secp256k1.scalarBytes(k));
            return new ExtendedKey(childSec, childSec.pubKey(), childChain, depth + 1, fingerprint, index);
        }
        ECPoint point = Secp256k1.mulG(il).add(pub.point()).normalize();
        if (point.isInfinity()) {
            throw new CipherException(CipherError.INVALID_DERIVED_KEY, "child " + index + " is invalid");
        }
        return new ExtendedKey(null, PubKey.ofPoint(point), childChain, depth + 1, fingerprint, index);
    }

    /**
     * Derives along a path such as {@code m/44'/8000'/0'/0/3} ({@code '} or {@code h} marks hardened); a path
     * starting with {@code m} must be applied to a master key.
     */
    public ExtendedKey derive(String path) throws CipherException {
        String[] parts = path.trim().split("/", -1);
        int from = 0;
        if (parts.length > 0 && parts[0].equals("m")) {
            if (depth != 0) {
                throw new CipherException(CipherError.INVALID_SEED, "absolute path on a non-master key");
            }
            from = 1;
        }
        ExtendedKey key = this;
        for (int p = from; p < parts.length; p++) {
            key = key.child(parseIndex(parts[p]));
        }
        return key;
    }

    private static long parseIndex(String part) throws CipherException {
        boolean hardened = part.endsWith("'") || part.endsWith("h") || part.endsWith("H");
        String digits = hardened ? part.substring(0, part.length() - 1) : part;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CipherException(CipherError.INVALID_SEED, "invalid path element '" + part + "'");
        }
        long n = Long.parseLong(digits);
        if (n >= HARDENED) {
            throw new CipherException(CipherError.INVALID_SEED, "path index too large: " + part);
        }
        return hardened ? n + HARDENED : n;
    }

    /** @return the BIP44 key {@code m/44'/8000'/account'/chain/index} of this master key (chain 0 external, 1 change) */
    public ExtendedKey bip44Skycoin(int account, int chain, long index) throws CipherException {
        return derive("m/44'/" + SKYCOIN_COIN_TYPE + "'/" + account + "'/" + chain + "/" + index);
    }

    /** @return this key without its private part */
    public ExtendedKey neuter() {
        return sec == null ? this : new ExtendedKey(null, pub, chainCode, depth, parentFingerprint, childNumber);
    }

    /** @return whether this key holds the private key */
    public boolean isPrivate() {
        return sec != null;
    }

    /** @return the secret key @throws IllegalStateException for a public-only key */
    public SecKey secKey() {
        if (sec == null) {
            throw new IllegalStateException("public extended key has no secret key");
        }
        return sec;
    }

    /** @return the compressed public key */
    public PubKey pubKey() {
        return pub;
    }

    /** @return HASH160 of the public key (the key identifier) */
    public Ripemd160 identifier() {
        return Ripemd160.hash160(pub.bytes());
    }

    private byte[] fingerprint() {
        return Arrays.copyOf(identifier().bytes(), 4);
    }

    /** @return the depth (0 for the master key) */
    public int depth() {
        return depth;
    }

    /** @return the child number, 0..2^32-1 (hardened ones &ge; 2^31) */
    public long childNumber() {
        return childNumber;
    }

    /** @return a copy of the chain code */
    public byte[] chainCode() {
        return chainCode.clone();
    }

    /** @return the base58check "xprv…" string (reveals the secret: export only) */
    public String serializePrivate() {
        return serialize(true);
    }

    /** @return the base58check "xpub…" string */
    public String serializePublic() {
        return serialize(false);
    }

    private String serialize(boolean priv) {
        if (priv && sec == null) {
            throw new IllegalStateException("public extended key has no private serialization");
        }
        ByteBuffer b = ByteBuffer.allocate(82);
        b.putInt(priv ? XPRV : XPUB).put((byte) depth).put(parentFingerprint).putInt((int) childNumber).put(chainCode);
        if (priv) {
            b.put((byte) 0).put(sec.bytes());
        } else {
            b.put(pub.bytes());
        }
        byte[] check = SHA256.doubleSum(Arrays.copyOf(b.array(), 78)).bytes();
        b.put(check, 0, 4);
        return Base58.encode(b.array());
    }

    /**
     * Parses an "xprv…" or "xpub…" string.
     *
     * @throws CipherException {@link CipherError#INVALID_BASE58}, {@link CipherError#INVALID_LENGTH},
     *                         {@link CipherError#INVALID_CHECKSUM}, {@link CipherError#INVALID_VERSION},
     *                         {@link CipherError#INVALID_SECKEY} or {@link CipherError#INVALID_PUBKEY}
     */
    public static ExtendedKey parse(String serialized) throws CipherException {
        byte[] raw = Base58.decode(serialized);
        if (raw.length != 82) {
            throw new CipherException(CipherError.INVALID_LENGTH, "extended key must decode to 82 bytes, got "
                    + raw.length);
        }
        byte[] check = Arrays.copyOf(SHA256.doubleSum(Arrays.copyOf(raw, 78)).bytes(), 4);
        if (!Arrays.equals(check, Arrays.copyOfRange(raw, 78, 82))) {
            throw new CipherException(CipherError.INVALID_CHECKSUM, "extended key checksum mismatch");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        int version = b.getInt();
        int depth = b.get() & 0xFF;
        byte[] parent = new byte[4];
        b.get(parent);
        long child = Integer.toUnsignedLong(b.getInt());
        byte[] chain = new byte[32];
        b.get(chain);
        byte[] key = new byte[33];
        b.get(key);
        if (depth == 0 && (child != 0 || !Arrays.equals(parent, new byte[4]))) {
            throw new CipherException(CipherError.INVALID_VERSION, "master key with a parent or child number");
        }
        if (version == XPRV) {
            if (key[0] != 0) {
                throw new CipherException(CipherError.INVALID_SECKEY, "private key must start with 0x00");
            }
            SecKey sec = SecKey.of(Arrays.copyOfRange(key, 1, 33));
            return new ExtendedKey(sec, sec.pubKey(), chain, depth, parent, child);
        }
        if (version == XPUB) {
            return new ExtendedKey(null, PubKey.of(key), chain, depth, parent, child);
        }
        throw new CipherException(CipherError.INVALID_VERSION, "unknown extended key version");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedKey other && serializePublic().equals(other.serializePublic())
                && (sec == null ? other.sec == null : sec.equals(other.sec));
    }

    @Override
    public int hashCode() {
        return pub.hashCode();
    }

    /** Shows only the public form. */
    @Override
    public String toString() {
        return "ExtendedKey[" + (sec == null ? "public " : "private, ") + serializePublic() + "]";
    }
}
