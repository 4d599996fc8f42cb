package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomised differential test of public-key recovery: {@link Cipher#pubKeyFromSig} and
 * {@link Cipher#recoversTo} (byte-table u1·G plus the GLV multiplier for u2·R) against the same formulas computed
 * with Bouncy Castle alone ({@code ECAlgorithms.sumOfTwoMultiplies}, as the node did before). For each case a
 * random key signs a random hash; then the signature, its other recid parity, a recid with bit 2 over a small R
 * (x = r + n, a point for about half of them), a random (R, S) (usually no point, or an unrelated key) and R or S
 * out of range are recovered both ways, and the answers, failures included, must be equal; and recoversTo against
 * one key checked for every case (so that it gets its {@link HotKeys} table) must agree with BC on that key's
 * signature, its other parity and the case's signature by another key. The seed is printed;
 * {@code -Dskyx.recovery.seed=N} repeats a run, {@code -Dskyx.recovery.cases=N} changes its size.
 */
class RecoveryDifferentialTest {
    private static final BigInteger N = Secp256k1.N;
    /** R values below p - n have a second x, r + n, that is still a field element. */
    private static final BigInteger P_MINUS_N = Secp256k1.P.subtract(N);

    @Test
    void recoveryAgreesWithBouncyCastleAloneOnRandomSignatures() {
        long seed = Long.getLong("skyx.recovery.seed", System.nanoTime());
        int cases = Integer.getInteger("skyx.recovery.cases", 10_000);
        System.out.println("RecoveryDifferentialTest seed " + seed + ", " + cases + " cases");
        Random random = new Random(seed);
        int recovered = 0;
        int failed = 0;
        int wrongParityAgreed = 0;
        int highX = 0;
        SecKey hotSec = randomKey(random);
        PubKey hot = hotSec.pubKey();
        int hotAgreed = 0;
        for (int c = 0; c < cases; c++) {
            SecKey sec = randomKey(random);
            SHA256 hash = SHA256.of(randomBytes(random, 32));
            Sig sig = Cipher.signHash(hash, sec);
            PubKey truth = sec.pubKey();
            String where = "seed " + seed + " case " + c;

            assertThat(compare(sig, hash, truth, where)).as(where).isEqualTo(truth);
            recovered++;
            PubKey flipped = compare(Sig.of(sig.r(), sig.s(), sig.recid() ^ 1), hash, truth, where + " parity");
            assertThat(flipped).as(where).isNotEqualTo(truth);
            wrongParityAgreed += flipped == null ? 0 : 1;

            BigInteger smallR = new BigInteger(127, random).add(BigInteger.ONE);
            assertThat(smallR).isLessThan(P_MINUS_N);
            PubKey high = compare(Sig.of(smallR, sig.s(), 2 | (c & 1)), hash, truth, where + " x=r+n");
            highX += high == null ? 0 : 1;

            BigInteger r = new BigInteger(256, random).mod(N);
            BigInteger s = new BigInteger(256, random).mod(N);
            failed += compare(Sig.of(r, s, c & 3), hash, truth, where + " random") == null ? 1 : 0;
            BigInteger big = N.add(BigInteger.valueOf(c & 7));
            failed += compare(Sig.of(c % 2 == 0 ? big.mod(BigInteger.TWO.pow(256)) : sig.r(),
                    c % 2 == 0 ? sig.s() : big, sig.recid()), hash, truth, where + " out of range") == null ? 1 : 0;
            failed += compare(Sig.of(sig.r(), BigInteger.ZERO, sig.recid()), hash, truth, where + " s=0") == null ? 1 : 0;

            Sig byHot = Cipher.signHash(hash, hotSec);
            for (Sig h : new Sig[]{byHot, Sig.of(byHot.r(), byHot.s(), byHot.recid() ^ 1), sig}) {
                boolean expected = bcRecoversTo(h, hash, hot);
                assertThat(Cipher.recoversTo(h, hash, hot)).as(where + " hot key " + h).isEqualTo(expected);
                hotAgreed += expected ? 1 : 0;
            }
        }
        assertThat(HotKeys.tables()).as("the hot key has its byte table").isPositive();
        assertThat(hotAgreed).as("only the hot key's own signatures recover to it").isEqualTo(cases);
        assertThat(recovered).isEqualTo(cases);
        assertThat(wrongParityAgreed).as("the other parity recovers a (different) key").isEqualTo(cases);
        assertThat(highX).as("some x = r + n lift to a point").isBetween(cases / 3, 2 * cases / 3);
        assertThat(failed).as("out of range and s = 0 always fail; random (R, S) with recid bit 2 almost always "
                        + "(r + n >= p), with recid 0 or 1 about half the time (no point with that x)")
                .isBetween(2 * cases + 7 * cases / 10, 2 * cases + 8 * cases / 10);
    }

    /**
     * @return the key both ways recover (null when both fail); asserts that they agree, and that recoversTo agrees
     *         with the BC-only check for the true key, and holds for a different key recovered
     */
    private static PubKey compare(Sig sig, SHA256 hash, PubKey truth, String where) {
        PubKey expected = bcRecover(sig, hash);
        PubKey actual = Cipher.pubKeyFromSig(sig, hash).orElse(null);
        assertThat(actual).as(where).isEqualTo(expected);
        assertThat(Cipher.recoversTo(sig, hash, truth)).as(where).isEqualTo(bcRecoversTo(sig, hash, truth))
                .isEqualTo(truth.equals(expected));
        if (expected != null && !expected.equals(truth)) {
            assertThat(Cipher.recoversTo(sig, hash, expected)).as(where).isTrue();
        }
        return expected;
    }

    /** Recovery with Bouncy Castle's interleaved multiplication (the node's computation before the byte table). */
    private static PubKey bcRecover(Sig sig, SHA256 hash) {
        BigInteger r = sig.r();
        BigInteger s = sig.s();
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return null;
        }
        BigInteger x = (sig.recid() & 2) != 0 ? r.add(N) : r;
        if (x.compareTo(Secp256k1.P) >= 0) {
            return null;
        }
        ECPoint bigR = Secp256k1.liftX(x, (sig.recid() & 1) != 0);
        if (bigR == null) {
            return null;
        }
        BigInteger rInv = BigIntegers.modOddInverse(N, r);
        BigInteger e = new BigInteger(1, hash.bytes());
        BigInteger u1 = N.subtract(e.multiply(rInv).mod(N)).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, u1, bigR, u2).normalize();
        return q.isInfinity() ? null : PubKey.ofPoint(q);
    }

    private static boolean bcRecoversTo(Sig sig, SHA256 hash, PubKey candidate) {
        BigInteger r = sig.r();
        BigInteger s = sig.s();
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger x = (sig.recid() & 2) != 0 ? r.add(N) : r;
        if (x.compareTo(Secp256k1.P) >= 0) {
            return false;
        }
        BigInteger sInv = BigIntegers.modOddInverse(N, s);
        BigInteger u1 = new BigInteger(1, hash.bytes()).multiply(sInv).mod(N);
        BigInteger u2 = r.multiply(sInv).mod(N);
        ECPoint bigX = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, u1, candidate.point(), u2).normalize();
        return !bigX.isInfinity() && bigX.getAffineXCoord().toBigInteger().equals(x)
                && bigX.getAffineYCoord().testBitZero() == ((sig.recid() & 1) != 0);
    }

    private static SecKey randomKey(Random random) {
        while (true) {
            byte[] k = randomBytes(random, 32);
            if (Secp256k1.isValidScalar(k)) {
                try {
                    return SecKey.of(k);
                } catch (CipherException unreachableForAValidScalar) {
                    throw new AssertionError(unreachableForAValidScalar);
                }
            }
        }
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
