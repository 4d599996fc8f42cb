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

    /** T[i][v] = v·2^(8i)·G, affine, for the variable-time fixed-base multiplication; built on first use. */
    private static final class ByteTable {
        static final ECPoint[][] T = build();

        private static ECPoint[][] build() {
            ECPoint[][] t = new ECPoint[32][256];
            ECPoint base = G;
            java.util.List<ECPoint> all = new java.util.ArrayList<>(32 * 255);
            for (int i = 0; i < 32; i++) {
                ECPoint acc = base;
                for (int v = 1; v < 256; v++) {
                    t[i][v] = acc;
                    all.add(acc);
                    acc = acc.add(base);
                }
                base = acc;
            }
            ECPoint[] flat = all.toArray(new ECPoint[0]);
            CURVE.normalizeAll(flat);
            int n = 0;
            for (int i = 0; i < 32; i++) {
                for (int v = 1; v < 256; v++) {
                    t[i][v] = flat[n++];
                }
            }
            return t;
        }
    }

    /**
     * k·G from a table of 32×255 precomputed points: 32 mixed additions and no doublings, several times faster than
     * {@link #mulG}, but its timing depends on k's bytes. Only for public data or throwaway test keys (batch
     * address generation), never for nonces or keys that must stay secret.
     */
    static ECPoint mulGVarTime(byte[] k32) {
        ECPoint acc = CURVE.getInfinity();
        for (int i = 0; i < 32; i++) {
            int v = k32[31 - i] & 0xFF;
            if (v != 0) {
                acc = acc.add(ByteTable.T[i][v]);
            }
        }
        return acc.normalize();
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

    /** @return u1*G + u2*q */
    static ECPoint sumOfTwoMultiplies(BigInteger u1, ECPoint q, BigInteger u2) {
        return ECAlgorithms.sumOfTwoMultiplies(G, u1, q, u2).normalize();
    }

    static byte[] scalarBytes(BigInteger k) {
        return BigIntegers.asUnsignedByteArray(32, k);
    }
}
