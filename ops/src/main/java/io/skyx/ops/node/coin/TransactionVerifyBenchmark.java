package io.skyx.ops.node.coin;

import io.skyx.node.chain.Chain;
import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.VerifyResult;
import io.skyx.node.coin.SignedBlock;
import io.skyx.node.coin.SignedBlockCodec;
import io.skyx.node.coin.Transaction;
import io.skyx.node.coin.TransactionCodec;
import io.skyx.node.coin.TransactionRules;
import io.skyx.node.coin.TxnResult;
import io.skyx.node.coin.UxOut;
import io.skyx.node.encoding.DecodeException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verification of real mainnet transactions against the unspent set they were spent from (hard rules, decode and
 * txid included), next to the cost of one input signature check in the cipher layer and a raw Bouncy Castle ECDSA
 * verify of the same signature, so the overhead of each layer shows as a ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransactionVerifyBenchmark {
    private byte[] txn101;
    private long headTime101;
    private List<UxOut> uxIn101;
    private byte[] txn1;
    private long headTime1;
    private List<UxOut> uxIn1;
    private SHA256 signedHash;
    private io.skyx.node.cipher.Sig sig;
    private io.skyx.node.cipher.Address owner;
    private ECDSASigner rawVerifier;
    private byte[] rawHash;
    private BigInteger r;
    private BigInteger s;

    @Setup
    public void setUp() throws DecodeException {
        List<byte[]> raw = MainnetVectors.rawBlocks();
        Chain chain = Chain.fromGenesis(GenesisParams.MAINNET, false);
        // block 1: one input (the genesis output), 100 outputs
        Transaction t1 = block(raw, 1).block().body().transactions().get(0);
        txn1 = TransactionCodec.INSTANCE.encode(t1);
        headTime1 = chain.head().time();
        uxIn1 = inputs(chain, t1);
        for (int seq = 1; seq <= 100; seq++) {
            chain.apply(block(raw, seq));
        }
        // block 101: one input, one output
        Transaction t101 = block(raw, 101).block().body().transactions().get(0);
        txn101 = TransactionCodec.INSTANCE.encode(t101);
        headTime101 = chain.head().time();
        uxIn101 = inputs(chain, t101);
        check(TransactionRules.verifyBlockTransaction(t101, headTime101, uxIn101));
        check(TransactionRules.verifyBlockTransaction(t1, headTime1, uxIn1));

        signedHash = t101.signingHash(0);
        sig = t101.sigs().get(0);
        owner = uxIn101.get(0).body().address();
        var pub = Cipher.pubKeyFromSig(sig, signedHash).orElseThrow();
        X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
        ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(),
                curve.getH());
        rawVerifier = new ECDSASigner();
        rawVerifier.init(false, new ECPublicKeyParameters(curve.getCurve().decodePoint(pub.bytes()), domain));
        byte[] sigBytes = sig.bytes();
        r = new BigInteger(1, Arrays.copyOfRange(sigBytes, 0, 32));
        s = new BigInteger(1, Arrays.copyOfRange(sigBytes, 32, 64));
        rawHash = signedHash.bytes();
        if (!rawVerifier.verifySignature(rawHash, r, s)) {
            throw new IllegalStateException("raw verify failed");
        }
    }

    private static SignedBlock block(List<byte[]> raw, int seq) throws DecodeException {
        return SignedBlockCodec.INSTANCE.decodeExact(raw.get(seq));
    }

    private static List<UxOut> inputs(Chain chain, Transaction t) {
        return t.inputs().stream().map(id -> chain.unspent(id).orElseThrow()).toList();
    }

    private static void check(TxnResult r) {
        if (!r.ok()) {
            throw new IllegalStateException(r.name());
        }
    }

    /** Decode + every hard rule of a 1-input, 1-output transaction (mainnet block 101). */
    @Benchmark
    public TxnResult verifyTxn1In1Out() throws DecodeException {
        Transaction t = TransactionCodec.INSTANCE.decodeExact(txn101);
        return TransactionRules.verifyBlockTransaction(t, headTime101, uxIn101);
    }

    /** Decode + every hard rule of a 1-input, 100-output transaction (mainnet block 1, 3846 bytes). */
    @Benchmark
    public TxnResult verifyTxn1In100Out() throws DecodeException {
        Transaction t = TransactionCodec.INSTANCE.decodeExact(txn1);
        return TransactionRules.verifyBlockTransaction(t, headTime1, uxIn1);
    }

    /** The cipher layer's input check alone: {@code VerifyAddressSignedHash} (recovery, address, re-verify). */
    @Benchmark
    public VerifyResult cipherVerifyAddressSignedHash() {
        return Cipher.verifyAddressSignedHash(owner, sig, signedHash);
    }

    /** Raw Bouncy Castle ECDSA verify of the same signature with the public key already known. */
    @Benchmark
    public boolean rawBouncyCastleVerify() {
        return rawVerifier.verifySignature(rawHash, r, s);
    }
}
