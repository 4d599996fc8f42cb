package io.skyx.ops.node.cipher;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Component benchmark of public-key recovery: the node's {@link Cipher#pubKeyFromSig} and {@link Cipher#recoversTo}
 * beside the same computations done as before with Bouncy Castle alone ({@code ECAlgorithms.sumOfTwoMultiplies},
 * constant-time inverse of r), and raw BC ECDSA verify. Rounds interleave the operations and each is timed by the
 * thread's CPU time, so a busy machine changes the ratios little. Signatures are by 64 random keys; recoversTo is
 * asked about the true key, whose point (and its multiplication tables) is kept, as the verify pool's hints do.
 *
 * <pre>java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.node.cipher.RecoveryCpuHarness [rounds] [opsPerRound]</pre>
 */
public final class RecoveryCpuHarness {
    private static final int N = 64;
    private static final int KEYS = 8;
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    private static final ECCurve CURVE = PARAMS.getCurve();
    private static final BigInteger ORDER = PARAMS.getN();

    private RecoveryCpuHarness() {
    }

    /** Runs the harness. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Random random = new Random(13);
        SHA256[] hashes = new SHA256[N];
        Sig[] sigs = new Sig[N];
        PubKey[] keys = new PubKey[N];
        ECPoint[] points = new ECPoint[N];
        ECDSASigner[] verifiers = new ECDSASigner[N];
        BigInteger[] rs = new BigInteger[N];
        BigInteger[] ss = new BigInteger[N];
        SecKey[] secs = new SecKey[KEYS];
        for (int k = 0; k < KEYS; k++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            secs[k] = SecKey.of(SHA256.sum(seed).bytes());
        }
        for (int k = 0; k < N; k++) {
            SecKey sec = secs[k % KEYS];
            keys[k] = k < KEYS ? sec.pubKey() : keys[k % KEYS];
            points[k] = k < KEYS ? CURVE.decodePoint(keys[k].bytes()) : points[k % KEYS];
            hashes[k] = SHA256.sum(new byte[]{(byte) k, 7});
            sigs[k] = Cipher.signHash(hashes[k], sec);
            rs[k] = sigs[k].r();
            ss[k] = sigs[k].s();
            verifiers[k] = new ECDSASigner();
            verifiers[k].init(false, new ECPublicKeyParameters(points[k], new ECDomainParameters(PARAMS)));
        }
        long[] sink = new long[1];
        Map<String, CpuRounds.Op> ops = new LinkedHashMap<>();
        ops.put("rawBcEcdsaVerify", k -> sink[0] += verifiers[k].verifySignature(hashes[k].bytes(), rs[k], ss[k]) ? 1 : 0);
        ops.put("recoverBcOnly", k -> sink[0] += check(bcRecover(sigs[k], hashes[k]), keys[k]));
        ops.put("recoverNode", k -> sink[0] += check(Cipher.pubKeyFromSig(sigs[k], hashes[k]).orElse(null), keys[k]));
        ops.put("recoversToBcOnly", k -> sink[0] += bcRecoversTo(sigs[k], hashes[k], points[k]) ? 1 : 0);
        ops.put("recoversToNode", k -> sink[0] += Cipher.recoversTo(sigs[k], hashes[k], keys[k]) ? 1 : 0);

        System.out.println("component benchmark: public-key recovery");
        CpuRounds.measureAndPrint(ops, 3000, rounds, perRound, N, 20, () -> sink[0]);
    }

    private static int check(PubKey recovered, PubKey expected) {
        if (!expected.equals(recovered)) {
            throw new IllegalStateException("recovery gave " + recovered + ", not " + expected);
        }
        return 1;
    }

    /** The recovery as the node did it before: BC's interleaved multiplication and its constant-time inverse. */
    private static PubKey bcRecover(Sig sig, SHA256 hash) throws Exception {
        BigInteger r = sig.r();
        BigInteger x = (sig.recid() & 2) != 0 ? r.add(ORDER) : r;
        byte[] enc = new byte[33];
        enc[0] = (byte) ((sig.recid() & 1) != 0 ? 3 : 2);
        BigIntegers.asUnsignedByteArray(x, enc, 1, 32);
        ECPoint bigR = CURVE.decodePoint(enc).normalize();
        BigInteger rInv = BigIntegers.modOddInverse(ORDER, r);
        BigInteger e = new BigInteger(1, hash.bytes());
        BigInteger u1 = ORDER.subtract(e.multiply(rInv).mod(ORDER)).mod(ORDER);
        BigInteger u2 = sig.s().multiply(rInv).mod(ORDER);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(PARAMS.getG(), u1, bigR, u2).normalize();
        return PubKey.of(q.getEncoded(true));
    }

    /** {@link Cipher#recoversTo} as the node did it before, against a kept point. */
    private static boolean bcRecoversTo(Sig sig, SHA256 hash, ECPoint candidate) {
        BigInteger r = sig.r();
        BigInteger x = (sig.recid() & 2) != 0 ? r.add(ORDER) : r;
        BigInteger sInv = BigIntegers.modOddInverseVar(ORDER, sig.s());
        BigInteger u1 = new BigInteger(1, hash.bytes()).multiply(sInv).mod(ORDER);
        BigInteger u2 = r.multiply(sInv).mod(ORDER);
        ECPoint bigX = ECAlgorithms.sumOfTwoMultiplies(PARAMS.getG(), u1, candidate, u2).normalize();
        return bigX.getAffineXCoord().toBigInteger().equals(x)
                && bigX.getAffineYCoord().testBitZero() == ((sig.recid() & 1) != 0);
    }
}
