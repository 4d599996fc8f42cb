package io.skyx.ops.node.cipher;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Companion to {@link CipherBenchmark} for a shared, busy machine: it interleaves the same operations in rounds
 * and measures each with the thread's CPU time (not wall time), so time spent waiting for a core does not count
 * and every operation sees the same conditions. Prints the median CPU µs/op per operation and its ratio to raw
 * Bouncy Castle ECDSA verify.
 *
 * <pre>java -cp ops/target/skyx-benchmarks.jar io.skyx.ops.node.cipher.CipherCpuHarness [rounds] [opsPerRound]</pre>
 */
public final class CipherCpuHarness {
    private static final int N = 64;

    private CipherCpuHarness() {
    }

    /** Runs the harness. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        KeyPair pair = DeterministicKeys.keyPair(new byte[]{1, 2, 3});
        SecKey sec = pair.sec();
        Address address = pair.address();
        X9ECParameters params = CustomNamedCurves.getByName("secp256k1");
        ECDomainParameters domain = new ECDomainParameters(params);
        ECDSASigner rawVerifier = new ECDSASigner();
        rawVerifier.init(false, new ECPublicKeyParameters(params.getCurve().decodePoint(pair.pub().bytes()), domain));
        ECDSASigner rawSigner = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        rawSigner.init(true, new ECPrivateKeyParameters(new BigInteger(1, sec.bytes()), domain));
        SHA256[] hashes = new SHA256[N];
        Sig[] sigs = new Sig[N];
        BigInteger[][] raw = new BigInteger[N][];
        for (int k = 0; k < N; k++) {
            hashes[k] = SHA256.sum(new byte[]{(byte) k, 7});
            sigs[k] = Cipher.signHash(hashes[k], sec);
            byte[] b = sigs[k].bytes();
            raw[k] = new BigInteger[]{new BigInteger(1, Arrays.copyOfRange(b, 0, 32)),
                    new BigInteger(1, Arrays.copyOfRange(b, 32, 64))};
        }
        byte[][] seed = {SHA256.sum(new byte[]{9}).bytes()};
        long[] sink = new long[1];

        Map<String, CpuRounds.Op> ops = new LinkedHashMap<>();
        ops.put("rawBcEcdsaVerify", k -> sink[0] += rawVerifier.verifySignature(hashes[k].bytes(), raw[k][0], raw[k][1]) ? 1 : 0);
        ops.put("rawBcEcdsaSign", k -> sink[0] += rawSigner.generateSignature(hashes[k].bytes())[1].bitLength());
        ops.put("sign", k -> sink[0] += Cipher.signHash(hashes[k], sec).recid());
        ops.put("recoverPubKey", k -> sink[0] += Cipher.pubKeyFromSig(sigs[k], hashes[k]).isPresent() ? 1 : 0);
        ops.put("verifyAddressSignedHash", k -> {
            if (Cipher.verifyAddressSignedHash(address, sigs[k], hashes[k]) != VerifyResult.OK) {
                throw new IllegalStateException("fixture does not verify");
            }
        });
        ops.put("verifyPubKeySignedHash", k -> sink[0] += Cipher.verifyPubKeySignedHash(pair.pub(), sigs[k], hashes[k]).ordinal());
        ops.put("addressFromSecKey", k -> sink[0] += Address.fromSecKey(sec).version());
        ops.put("addressFromPubKey", k -> sink[0] += Address.fromPubKey(pair.pub()).version());
        ops.put("deterministicChainStep", k -> {
            DeterministicKeys.Step step = DeterministicKeys.iterate(seed[0]);
            seed[0] = step.nextSeed();
        });

        CpuRounds.measureAndPrint(ops, 2000, rounds, perRound, N, 26, () -> sink[0]);
    }
}
