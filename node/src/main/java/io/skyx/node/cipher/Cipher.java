package io.skyx.node.cipher;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Skycoin's signature operations (skycoin-protocol.md §4): signing with low-S, public-key recovery, and exactly
 * the verification rules the network applies. Verification returns a {@link VerifyResult} code rather than
 * throwing, because it runs for every input of every transaction and every block.
 */
public final class Cipher {
    private Cipher() {
    }

    /**
     * Signs a 32-byte hash ({@code SignHash}). The nonce is RFC 6979 (HMAC-SHA256), so signatures are
     * deterministic; Skycoin uses a random nonce, which verifies identically. S is made low (S &le; n/2, flipping
     * the recid's parity bit).
     *
     * @throws IllegalArgumentException for the all-zero hash, which Skycoin refuses to sign
     */
    public static Sig signHash(SHA256 hash, SecKey sec) {
        if (hash.isNull()) {
            throw new IllegalArgumentException("refusing to sign the null hash");
        }
        byte[] h = hash.bytes();
        BigInteger d = sec.scalar();
        BigInteger e = new BigInteger(1, h);
        BigInteger n = Secp256k1.N;
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(n, d, h);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint r = Secp256k1.mulG(k);
            BigInteger rx = r.getAffineXCoord().toBigInteger();
            BigInteger rr = rx.mod(n);
            if (rr.signum() == 0) {
                continue;
            }
            BigInteger s = BigIntegers.modOddInverse(n, k).multiply(e.add(rr.multiply(d))).mod(n);
            if (s.signum() == 0) {
                continue;
            }
            int recid = (r.getAffineYCoord().testBitZero() ? 1 : 0) | (rx.compareTo(n) >= 0 ? 2 : 0);
            if (s.compareTo(Secp256k1.HALF_N) > 0) {
                s = n.subtract(s);
                recid ^= 1;
            }
            return Sig.of(rr, s, recid);
        }
    }

    /**
     * Recovers the public key that made {@code sig} over {@code hash} ({@code PubKeyFromSig}): requires
     * 0 &lt; r &lt; n, 0 &lt; s &lt; n, x = r (+ n if recid&amp;2) &lt; p, a point with that x and parity
     * (recid&amp;1), and a valid non-infinite result. Like Skycoin, recovery looks only at the two low bits of the
     * recid byte; a recid &ge; 4 is rejected by the verification functions, not here.
     *
     * @return the key, or empty if recovery fails
     */
    public static Optional<PubKey> pubKeyFromSig(Sig sig, SHA256 hash) {
        return Optional.ofNullable(recover(sig, hash));
    }

    static PubKey recover(Sig sig, SHA256 hash) {
        int recid = sig.recid();
        BigInteger n = Secp256k1.N;
        BigInteger r = sig.r();
        BigInteger s = sig.s();
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return null;
        }
        BigInteger x = (recid & 2) != 0 ? r.add(n) : r;
        if (x.compareTo(Secp256k1.P) >= 0) {
            return null;
        }
        ECPoint bigR = Secp256k1.liftX(x, (recid & 1) != 0);
        if (bigR == null) {
            return null;
        }
        BigInteger rInv = BigIntegers.modOddInverseVar(n, r);
        BigInteger e = new BigInteger(1, hash.bytes());
        BigInteger u1 = n.subtract(e.multiply(rInv).mod(n)).mod(n);
        BigInteger u2 = s.multiply(rInv).mod(n);
        ECPoint q = Secp256k1.sumOfTwoMultiplies(u1, bigR, u2);
        if (q.isInfinity()) {
            return null;
        }
        return PubKey.ofPoint(q);
    }

    /**
     * Whether recovering the key from {@code sig} over {@code hash} gives exactly {@code candidate}, decided by one
     * ECDSA-style verification against the known key instead of a recovery: {@code pubKeyFromSig(sig, hash)} is
     * {@code Q = r⁻¹(s·R − e·G)} with {@code R} the point of x = r (+ n if recid&amp;2) and y parity recid&amp;1, so
     * {@code Q = P} exactly when {@code X = s⁻¹e·G + s⁻¹r·P} is that {@code R}: same x (not just x mod n) and same y
     * parity. The range checks are recovery's (0 &lt; r, s &lt; n, x &lt; p); a point with that x exists whenever X
     * has it, and P is never infinity. Cheaper than a recovery (no square root for R, and the candidate's point
     * keeps its multiplication table from one check to the next); a false answer says nothing about which key
     * recovery would give, or whether it fails.
     */
    public static boolean recoversTo(Sig sig, SHA256 hash, PubKey candidate) {
        int recid = sig.recid();
        BigInteger n = Secp256k1.N;
        BigInteger r = sig.r();
        BigInteger s = sig.s();
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        BigInteger x = (recid & 2) != 0 ? r.add(n) : r;
        if (x.compareTo(Secp256k1.P) >= 0) {
            return false;
        }
        BigInteger sInv = BigIntegers.modOddInverseVar(n, s);
        BigInteger e = new BigInteger(1, hash.bytes());
        BigInteger u1 = e.multiply(sInv).mod(n);
        BigInteger u2 = r.multiply(sInv).mod(n);
        ByteTable table = HotKeys.tableFor(candidate);
        ECPoint bigX = table != null ? Secp256k1.sumOfTwoMultiplies(u1, table, u2)
                : Secp256k1.sumOfTwoMultipliesInterleaved(u1, candidate.point(), u2);
        return !bigX.isInfinity() && bigX.getAffineXCoord().toBigInteger().equals(x)
                && bigX.getAffineYCoord().testBitZero() == ((recid & 1) != 0);
    }

    /**
     * {@code VerifySignatureValidity}: rejects a signature whose S has its top bit set, or whose recid is &ge; 4.
     * This is weaker than strict low-S on purpose: it accepts exactly what Skycoin accepts.
     */
    public static VerifyResult verifySignatureValidity(Sig sig) {
        return sig.sTopBitSet() || sig.recid() >= 4 ? VerifyResult.INVALID_SIG_VALIDITY : VerifyResult.OK;
    }

    /*
     * Skycoin's low-level secp256k1.VerifySignature(hash, sig, pub) is "validity rule, then recover(sig, hash) must
     * equal pub". Every caller below has just recovered the key from the same (sig, hash), and recovery is
     * deterministic, so that second recovery always agrees: only its validity rule is left to check. The outcomes
     * and their order are exactly Skycoin's, at the cost of one recovery instead of two.
     */

    /**
     * {@code VerifyAddressSignedHash}, the check for transaction inputs: the recovered key's address must be
     * {@code address}, and the signature must verify for the recovered key.
     */
    public static VerifyResult verifyAddressSignedHash(Address address, Sig sig, SHA256 hash) {
        PubKey recovered = recover(sig, hash);
        if (recovered == null) {
            return VerifyResult.INVALID_SIG_PUBKEY_RECOVERY;
        }
        if (!Address.fromPubKey(recovered).equals(address)) {
            return VerifyResult.INVALID_ADDRESS_FOR_SIG;
        }
        if (verifySignatureValidity(sig) != VerifyResult.OK) {
            return VerifyResult.INVALID_SIG_FOR_PUBKEY;
        }
        return VerifyResult.OK;
    }

    /**
     * {@code VerifyPubKeySignedHash}, the check for block signatures: recovered key == {@code pub}, {@code pub}
     * valid (always true of a {@link PubKey}), the validity rule, and the signature verifies.
     */
    public static VerifyResult verifyPubKeySignedHash(PubKey pub, Sig sig, SHA256 hash) {
        PubKey recovered = recover(sig, hash);
        if (recovered == null) {
            return VerifyResult.INVALID_SIG_PUBKEY_RECOVERY;
        }
        if (!recovered.equals(pub)) {
            return VerifyResult.PUBKEY_RECOVER_MISMATCH;
        }
        if (verifySignatureValidity(sig) != VerifyResult.OK) {
            return VerifyResult.INVALID_SIG_VALIDITY;
        }
        return VerifyResult.OK;
    }

    /**
     * {@code VerifySignatureRecoverPubKey}, used by {@code Transaction.Verify} where no address is known: recovery
     * must succeed and the signature must verify for the recovered key.
     */
    public static VerifyResult verifySignatureRecoverPubKey(Sig sig, SHA256 hash) {
        PubKey recovered = recover(sig, hash);
        if (recovered == null) {
            return VerifyResult.INVALID_SIG_PUBKEY_RECOVERY;
        }
        if (verifySignatureValidity(sig) != VerifyResult.OK) {
            return VerifyResult.INVALID_SIG_FOR_PUBKEY;
        }
        return VerifyResult.OK;
    }

    /** @return the raw shared point {@code compressed(sec·pub)}, 33 bytes, not hashed ({@code secp256k1.ECDH}) */
    public static byte[] ecdhRaw(PubKey pub, SecKey sec) {
        return Secp256k1.compress(pub.point().multiply(sec.scalar()));
    }

    /** @return SHA256 of the raw shared point ({@code cipher.ECDH}) */
    public static SHA256 ecdh(PubKey pub, SecKey sec) {
        return SHA256.sum(ecdhRaw(pub, sec));
    }
}
