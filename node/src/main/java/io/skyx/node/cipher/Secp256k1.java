package io.skyx.node.cipher;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/** secp256k1 on Bouncy Castle's custom curve (GLV endomorphism): point encoding, scalar checks, multiplication. */
final class Secp256k1 {
    static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    static final ECCurve CURVE = PARAMS.getCurve();
    static final ECPoint G = PARAMS.getG();
    static final BigInteger N = PARAMS.getN();
    static final BigInteger HALF_N = N.shiftRight(1);
    static final BigInteger P = CURVE.getField().getCharacteristic();
    private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** @return whether 0 &lt; k &lt; n for the 32-byte big-endian scalar */
    static boolean isValidScalar(byte[] k32) {
        if (k32.length != 32) {
            return false;
        }
        BigInteger k = new BigInteger(1, k32);
        return k.signum() > 0 && k.compareTo(N) < 0;
    }

    /** The byte table of G, built on first use. */
    private static final class GTable {
        static final ByteTable T = ByteTable.of(G);
    }

    /**
     * k·G from a table of 32×255 precomputed points: 32 mixed additions and no doublings, several times faster than
     * {@link #mulG}, but its timing depends on k's bytes. Only for public data or throwaway test keys (batch
     * address generation), never for nonces or keys that must stay secret.
     */
    static ECPoint mulGVarTime(byte[] k32) {
        return GTable.T.multiply(k32).normalize();
    }

    static ECPoint mulG(BigInteger k) {
        return BASE_MULTIPLIER.multiply(G, k).normalize();
    }

    /** @return the point for a 33-byte compressed key, or null if it is not a valid curve point */
    static ECPoint decompress(byte[] pub33) {
        if (pub33.length != 33 || (pub33[0] != 2 && pub33[0] != 3)) {
            return null;
        }
        try {
            ECPoint point = CURVE.decodePoint(pub33);
            if (point.isInfinity() || !point.isValid()) {
                return null;
            }
            return point.normalize();
        } catch (IllegalArgumentException notOnCurveOrXTooLarge) {
            return null;
        }
    }

    /** @return the point with x coordinate {@code x} (&lt; p) and the given y parity, or null if none exists */
    static ECPoint liftX(BigInteger x, boolean yOdd) {
        byte[] enc = new byte[33];
        enc[0] = (byte) (yOdd ? 3 : 2);
        BigIntegers.asUnsignedByteArray(x, enc, 1, 32);
        return decompress(enc);
    }

    static byte[] compress(ECPoint point) {
        return point.normalize().getEncoded(true);
    }

    /**
     * @return u1·G + u2·q (normalised), for 0 &le; u1, u2 &lt; n, in variable time: only for public inputs (every
     *         value in a signature verification or key recovery is). u1·G comes from G's byte table (32 mixed
     *         additions, no doublings) and u2·q from the curve's GLV multiplier (half-length scalars through the
     *         endomorphism), then one addition. Faster than {@link #sumOfTwoMultipliesInterleaved} for a q seen once
     *         (a recovery's R); slower for a q whose multiplication tables BC keeps from one use to the next.
     */
    static ECPoint sumOfTwoMultiplies(BigInteger u1, ECPoint q, BigInteger u2) {
        return GTable.T.multiply(scalarBytes(u1)).add(q.multiply(u2)).normalize();
    }

    /** @return u1·G + u2·q by BC's interleaved GLV multiplication, whose tables for q stay with the point object */
    static ECPoint sumOfTwoMultipliesInterleaved(BigInteger u1, ECPoint q, BigInteger u2) {
        return ECAlgorithms.sumOfTwoMultiplies(G, u1, q, u2).normalize();
    }

    /** @return u1·G + u2·Q from the byte tables of G and of Q: 64 mixed additions and no doublings, variable time */
    static ECPoint sumOfTwoMultiplies(BigInteger u1, ByteTable q, BigInteger u2) {
        return GTable.T.multiply(scalarBytes(u1)).add(q.multiply(scalarBytes(u2))).normalize();
    }

    static byte[] scalarBytes(BigInteger k) {
        return BigIntegers.asUnsignedByteArray(32, k);
    }
}
