package io.skyx.node.cipher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Skycoin's deterministic key chain (skycoin-protocol.md §2.1), used by "deterministic" (v0.1) wallets whose
 * seed is the raw UTF-8 bytes of the seed text:
 *
 * <pre>
 * step(s)            = repeat s = SHA256(s) until 0 &lt; s &lt; n
 * Secp256k1Hash(x)   = SHA256(h ‖ compressed(step(h) · G·step(SHA256(h))))   with h = SHA256(x)
 * iterate(seed)      = next = Secp256k1Hash(seed); sec = step(SHA256(seed ‖ next))
 * </pre>
 * Key i of the chain uses seed_i, with seed_0 the user seed and seed_{i+1} = next_i.
 */
public final class DeterministicKeys {
    private DeterministicKeys() {
    }

    /**
     * One step of the chain.
     *
     * @param nextSeed the seed for the next key ({@code Secp256k1Hash(seed)}), 32 bytes
     * @param keyPair  the key of this step
     */
    public record Step(byte[] nextSeed, KeyPair keyPair) {
        /** Copies the seed. */
        public Step {
            nextSeed = nextSeed.clone();
        }

        @Override
        public byte[] nextSeed() {
            return nextSeed.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Step other && Arrays.equals(nextSeed, other.nextSeed) && keyPair.equals(other.keyPair);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(nextSeed) + keyPair.hashCode();
        }

        /** Shows neither the next seed nor the secret (both are secret material). */
        @Override
        public String toString() {
            return "Step[" + keyPair + "]";
        }
    }

    /**
     * The keys of a chain and the seed that continues it.
     *
     * @param keys     the generated keys in order
     * @param lastSeed the {@code next} value after the last key (a wallet's {@code lastSeed})
     */
    public record Chain(List<KeyPair> keys, byte[] lastSeed) {
        /** Copies the inputs. */
        public Chain {
            keys = List.copyOf(keys);
            lastSeed = lastSeed.clone();
        }

        @Override
        public byte[] lastSeed() {
            return lastSeed.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chain other && keys.equals(other.keys) && Arrays.equals(lastSeed, other.lastSeed);
        }

        @Override
        public int hashCode() {
            return 31 * keys.hashCode() + Arrays.hashCode(lastSeed);
        }

        /** Does not show the last seed (secret material). */
        @Override
        public String toString() {
            return "Chain[" + keys.size() + " keys]";
        }
    }

    private static byte[] step(byte[] s32) {
        byte[] s = s32;
        do {
            s = SHA256.digest(s);
        } while (!Secp256k1.isValidScalar(s));
        return s;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void requireSeed(byte[] seed) throws CipherException {
        if (seed == null || seed.length == 0) {
            throw new CipherException(CipherError.INVALID_SEED, "seed must not be empty");
        }
    }

    /** @return {@code Secp256k1Hash(seed)}, 32 bytes */
    public static byte[] secp256k1Hash(byte[] seed) throws CipherException {
        requireSeed(seed);
        return hash(seed);
    }

    private static byte[] hash(byte[] seed) {
        byte[] h = SHA256.digest(seed);
        SecKey sk = SecKey.ofValid(step(h));
        ECPoint pk = Secp256k1.mulG(SecKey.ofValid(step(SHA256.digest(h))).scalar());
        byte[] ecdh = Secp256k1.compress(pk.multiply(sk.scalar()));
        return SHA256.digest(concat(h, ecdh));
    }

    /** @return {@code DeterministicKeyPairIterator(seed)}: this seed's key and the next seed */
    public static Step iterate(byte[] seed) throws CipherException {
        requireSeed(seed);
        byte[] next = hash(seed);
        SecKey sec = SecKey.ofValid(step(SHA256.digest(concat(seed, next))));
        return new Step(next, KeyPair.ofDerived(sec.pubKey(), sec));
    }

    /** @return the first key of the chain ({@code GenerateDeterministicKeyPair}) */
    public static KeyPair keyPair(byte[] seed) throws CipherException {
        return iterate(seed).keyPair();
    }

    /** @return the first {@code count} keys of the chain and the seed after them */
    public static Chain chain(byte[] seed, int count) throws CipherException {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        requireSeed(seed);
        List<KeyPair> keys = new ArrayList<>(count);
        byte[] s = seed;
        for (int i = 0; i < count; i++) {
            Step step = iterate(s);
            keys.add(step.keyPair());
            s = step.nextSeed;
        }
        return new Chain(keys, s);
    }
}
