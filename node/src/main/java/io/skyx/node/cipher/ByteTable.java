package io.skyx.node.cipher;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A fixed-base table for one point P: {@code T[i][v] = v·2^(8i)·P} (affine), so that k·P is 32 mixed additions and
 * no doublings. Variable time (the additions taken depend on k's bytes): only for public scalars. 32×255 points,
 * about 1.5 MB (estimated from BC's point objects), built with 8160 additions and one batched normalisation.
 */
final class ByteTable {
    private final ECPoint[][] t;

    private ByteTable(ECPoint[][] t) {
        this.t = t;
    }

    static ByteTable of(ECPoint base) {
        ECPoint[][] t = new ECPoint[32][256];
        List<ECPoint> all = new ArrayList<>(32 * 255);
        ECPoint b = base;
        for (int i = 0; i < 32; i++) {
            ECPoint acc = b;
            for (int v = 1; v < 256; v++) {
                all.add(acc);
                acc = acc.add(b);
            }
            b = acc;
        }
        ECPoint[] flat = all.toArray(new ECPoint[0]);
        Secp256k1.CURVE.normalizeAll(flat);
        int n = 0;
        for (int i = 0; i < 32; i++) {
            for (int v = 1; v < 256; v++) {
                t[i][v] = flat[n++];
            }
        }
        return new ByteTable(t);
    }

    /** @return k·P for the 32-byte big-endian k, not normalised (Jacobian coordinates) */
    ECPoint multiply(byte[] k32) {
        ECPoint acc = Secp256k1.CURVE.getInfinity();
        for (int i = 0; i < 32; i++) {
            int v = k32[31 - i] & 0xFF;
            if (v != 0) {
                acc = acc.add(t[i][v]);
            }
        }
        return acc;
    }
}
