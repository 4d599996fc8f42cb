package io.skyx.ops.node.cipher;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The node's cipher layer beside raw Bouncy Castle on the same machine, so the overhead of our layer is a ratio:
 * {@code rawBcEcdsaVerify} is a plain ECDSA verify with a known public key; Skycoin's verification is
 * recovery-based ({@code verifyAddressSignedHash} recovers the key, hashes it to an address, and recovers again
 * inside {@code VerifySignature}, exactly as Skycoin does), so it is compared with {@code recoverPubKey} too.
 *
 * <pre>java -jar ops/target/skyx-benchmarks.jar 'ops.node.cipher' -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CipherBenchmark {
    private static final int N = 64;

    private final SHA256[] hashes = new SHA256[N];
    private final Sig[] sigs = new Sig[N];
    private final BigInteger[][] rawSigs = new BigInteger[N][];
    private SecKey sec;
    private PubKey pub;
    private Address address;
    private ECDSASigner rawVerifier;
    private ECDSASigner rawSigner;
    private byte[] seed;
    private int i;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        KeyPair pair = DeterministicKeys.keyPair(new byte[]{1, 2, 3});
        sec = pair.sec();
        pub = pair.pub();
        address = Address.fromPubKey(pub);
        X9ECParameters params = CustomNamedCurves.getByName("secp256k1");
        ECDomainParameters domain = new ECDomainParameters(params);
        rawVerifier = new ECDSASigner();
        rawVerifier.init(false, new ECPublicKeyParameters(params.getCurve().decodePoint(pub.bytes()), domain));
        rawSigner = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        rawSigner.init(true, new ECPrivateKeyParameters(new BigInteger(1, sec.bytes()), domain));
        for (int k = 0; k < N; k++) {
            hashes[k] = SHA256.sum(new byte[]{(byte) k, 7});
            sigs[k] = Cipher.signHash(hashes[k], sec);
            byte[] raw = sigs[k].bytes();
            rawSigs[k] = new BigInteger[]{new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)),
                    new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))};
            if (Cipher.verifyAddressSignedHash(address, sigs[k], hashes[k]) != VerifyResult.OK
                    || !rawVerifier.verifySignature(hashes[k].bytes(), rawSigs[k][0], rawSigs[k][1])) {
                throw new IllegalStateException("benchmark fixture does not verify");
            }
        }
        seed = SHA256.sum(new byte[]{9}).bytes();
    }

    private int next() {
        i = (i + 1) & (N - 1);
        return i;
    }

    /** Skycoin SignHash: RFC 6979 nonce, low-S, recid. */
    @Benchmark
    public Sig sign() {
        return Cipher.signHash(hashes[next()], sec);
    }

    /** Transaction-input check: recover, address compare, and Skycoin's VerifySignature (a second recovery). */
    @Benchmark
    public VerifyResult verifyAddressSignedHash() {
        int k = next();
        return Cipher.verifyAddressSignedHash(address, sigs[k], hashes[k]);
    }

    /** Block-signature check against a known public key (also two recoveries, as in Skycoin). */
    @Benchmark
    public VerifyResult verifyPubKeySignedHash() {
        int k = next();
        return Cipher.verifyPubKeySignedHash(pub, sigs[k], hashes[k]);
    }

    /** One public-key recovery. */
    @Benchmark
    public Optional<PubKey> recoverPubKey() {
        int k = next();
        return Cipher.pubKeyFromSig(sigs[k], hashes[k]);
    }

    /** Secret key to address: one base-point multiplication, SHA256 twice and RIPEMD-160. */
    @Benchmark
    public Address addressFromSecKey() {
        return Address.fromSecKey(sec);
    }

    /** Public key to address: hashing only. */
    @Benchmark
    public Address addressFromPubKey() {
        return Address.fromPubKey(pub);
    }

    /** One step of Skycoin's deterministic key chain (Secp256k1Hash + key): what each new wallet address costs. */
    @Benchmark
    public KeyPair deterministicChainStep() throws Exception {
        DeterministicKeys.Step step = DeterministicKeys.iterate(seed);
        seed = step.nextSeed();
        return step.keyPair();
    }

    /** Baseline: Bouncy Castle ECDSA verify with a known key (no recovery). */
    @Benchmark
    public boolean rawBcEcdsaVerify() {
        int k = next();
        return rawVerifier.verifySignature(hashes[k].bytes(), rawSigs[k][0], rawSigs[k][1]);
    }

    /** Baseline: Bouncy Castle ECDSA sign with an RFC 6979 nonce (no low-S, no recid). */
    @Benchmark
    public BigInteger[] rawBcEcdsaSign() {
        return rawSigner.generateSignature(hashes[next()].bytes());
    }
}
