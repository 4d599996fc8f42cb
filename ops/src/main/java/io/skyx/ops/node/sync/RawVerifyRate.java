package io.skyx.ops.node.sync;

import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SHA256;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Raw Bouncy Castle ECDSA verification on secp256k1 (as {@code CipherCpuHarness}'s rawBcEcdsaVerify), measured
 * on one thread by its CPU time, so the node figures of the same run can be put beside the cipher's limit.
 */
final class RawVerifyRate {
    private static final int N = 64;

    private RawVerifyRate() {
    }

    /** @return raw verifies per CPU-second of one thread, after {@code warmupOps} unmeasured ones */
    static double perCpuSecond(int warmupOps, int measuredOps) throws Exception {
        KeyPair pair = DeterministicKeys.keyPair(new byte[]{1, 2, 3});
        X9ECParameters params = CustomNamedCurves.getByName("secp256k1");
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(params.getCurve().decodePoint(pair.pub().bytes()),
                new ECDomainParameters(params)));
        byte[][] hashes = new byte[N][];
        BigInteger[][] rs = new BigInteger[N][];
        for (int k = 0; k < N; k++) {
            SHA256 h = SHA256.sum(new byte[]{(byte) k, 7});
            hashes[k] = h.bytes();
            byte[] b = Cipher.signHash(h, pair.sec()).bytes();
            rs[k] = new BigInteger[]{new BigInteger(1, Arrays.copyOfRange(b, 0, 32)),
                    new BigInteger(1, Arrays.copyOfRange(b, 32, 64))};
        }
        int ok = 0;
        for (int k = 0; k < warmupOps; k++) {
            ok += verifier.verifySignature(hashes[k % N], rs[k % N][0], rs[k % N][1]) ? 1 : 0;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int k = 0; k < measuredOps; k++) {
            ok += verifier.verifySignature(hashes[k % N], rs[k % N][0], rs[k % N][1]) ? 1 : 0;
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        if (ok != warmupOps + measuredOps) {
            throw new IllegalStateException("raw verification fixture does not verify");
        }
        return measuredOps / (cpu / 1e9);
    }
}
