package io.skyx.node.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad addresses, keys, WIFs and signatures are rejected with the precise error. */
class CipherNegativeTest {
    private static final String GENESIS = "2jBbGxZRGoQG1mqhPBnXnLTxK6oxsTf8os6";

    private static void assertError(CipherError expected, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(CipherException.class,
                e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void addressParsing() throws Exception {
        Address genesis = Address.parse(GENESIS);
        assertThat(genesis.toString()).isEqualTo(GENESIS);
        assertThat(genesis.version()).isZero();

        byte[] raw = genesis.base58Bytes();
        byte[] badChecksum = raw.clone();
        badChecksum[24] ^= 1;
        assertError(CipherError.INVALID_CHECKSUM, () -> Address.parse(Base58.encode(badChecksum)));

        byte[] version1 = Address.of(1, genesis.key().bytes()).base58Bytes();
        assertError(CipherError.INVALID_VERSION, () -> Address.parse(Base58.encode(version1)));

        assertError(CipherError.INVALID_LENGTH, () -> Address.parse(Base58.encode(Arrays.copyOf(raw, 24))));
        byte[] longer = Arrays.copyOf(raw, 26);
        assertError(CipherError.INVALID_LENGTH, () -> Address.parse(Base58.encode(longer)));
        assertError(CipherError.INVALID_BASE58, () -> Address.parse("2jBbGxZRGoQG1mqhPBnXnLTxK6oxsTf8os0"));
        assertError(CipherError.INVALID_BASE58, () -> Address.parse(""));
        assertError(CipherError.INVALID_BASE58, () -> Address.parse("2jBbGxZRGoQG1mqhPBnXnLTxK6oxsTf8os\u00e9"));
        assertThat(Address.NULL.isNull()).isTrue();
        assertThat(Address.NULL.toString()).startsWith("1111111111111111111");
    }

    @Test
    void bitcoinAddressParsing() throws Exception {
        BitcoinAddress a = BitcoinAddress.parse("1Q1pE5vPGEEMqRcVRMbtBK842Y6Pzo6nK9");
        byte[] p2sh = new byte[25];
        p2sh[0] = 5;
        System.arraycopy(a.key().bytes(), 0, p2sh, 1, 20);
        System.arraycopy(SHA256.doubleSum(Arrays.copyOf(p2sh, 21)).bytes(), 0, p2sh, 21, 4);
        assertError(CipherError.INVALID_VERSION, () -> BitcoinAddress.parse(Base58.encode(p2sh)));
        assertError(CipherError.INVALID_CHECKSUM, () -> BitcoinAddress.parse("1Q1pE5vPGEEMqRcVRMbtBK842Y6Pzo6nK8"));
        assertError(CipherError.INVALID_LENGTH, () -> BitcoinAddress.parse("1Q1pE5vPGEEMq"));
    }

    @Test
    void wif() throws Exception {
        String good = "KwntMbt59tTsj8xqpqYqRRWufyjGunvhSyeMo3NTYpFYzZbXJ5Hp";
        SecKey sec = Wif.decode(good);
        byte[] raw = Base58.decode(good);
        byte[] badCheck = raw.clone();
        badCheck[37] ^= 1;
        assertError(CipherError.INVALID_CHECKSUM, () -> Wif.decode(Base58.encode(badCheck)));
        byte[] uncompressed = withDoubleShaChecksum(Arrays.copyOf(raw, 33));
        assertError(CipherError.INVALID_LENGTH, () -> Wif.decode(Base58.encode(uncompressed)));
        byte[] testnet = raw.clone();
        testnet[0] = (byte) 0xEF;
        assertError(CipherError.INVALID_VERSION, () -> Wif.decode(Base58.encode(withDoubleShaChecksum(
                Arrays.copyOf(testnet, 34)))));
        byte[] zeroKey = new byte[34];
        zeroKey[0] = (byte) 0x80;
        zeroKey[33] = 1;
        assertError(CipherError.INVALID_SECKEY, () -> Wif.decode(Base58.encode(withDoubleShaChecksum(zeroKey))));
        assertThat(Wif.encode(sec)).isEqualTo(good);
    }

    private static byte[] withDoubleShaChecksum(byte[] body) {
        byte[] out = Arrays.copyOf(body, body.length + 4);
        System.arraycopy(SHA256.doubleSum(body).bytes(), 0, out, body.length, 4);
        return out;
    }

    @Test
    void secretKeys() {
        assertError(CipherError.INVALID_SECKEY, () -> SecKey.of(new byte[32]));
        assertError(CipherError.INVALID_SECKEY, () -> SecKey.of(Secp256k1.scalarBytes(Secp256k1.N)));
        byte[] max = new byte[32];
        Arrays.fill(max, (byte) 0xFF);
        assertError(CipherError.INVALID_SECKEY, () -> SecKey.of(max));
        assertError(CipherError.INVALID_LENGTH, () -> SecKey.of(new byte[31]));
        assertError(CipherError.INVALID_HEX, () -> SecKey.fromHex("zz".repeat(32)));
        assertError(CipherError.INVALID_LENGTH, () -> SecKey.fromHex("01"));
        SecKey key = SecKey.random();
        assertThat(key.toString()).doesNotContain(key.revealHex()).isEqualTo("SecKey(redacted)");
        assertThat(KeyPair.of(key).toString()).doesNotContain(key.revealHex());
    }

    @Test
    void publicKeys() throws Exception {
        PubKey good = SecKey.random().pubKey();
        byte[] uncompressedPrefix = good.bytes();
        uncompressedPrefix[0] = 4;
        assertError(CipherError.INVALID_PUBKEY, () -> PubKey.of(uncompressedPrefix));
        byte[] badPrefix = good.bytes();
        badPrefix[0] = 5;
        assertError(CipherError.INVALID_PUBKEY, () -> PubKey.of(badPrefix));
        byte[] xTooLarge = new byte[33];
        xTooLarge[0] = 2;
        Arrays.fill(xTooLarge, 1, 33, (byte) 0xFF);
        assertError(CipherError.INVALID_PUBKEY, () -> PubKey.of(xTooLarge));
        assertError(CipherError.INVALID_PUBKEY, () -> PubKey.of(notOnCurve()));
        assertError(CipherError.INVALID_LENGTH, () -> PubKey.of(new byte[32]));
        assertError(CipherError.INVALID_PUBKEY, () -> PubKey.of(new byte[33]));
        byte[] otherParity = good.bytes();
        otherParity[0] ^= 1;
        assertThat(PubKey.isValid(otherParity)).as("the other y is also on the curve").isTrue();
    }

    /** @return a 02-prefixed encoding whose x has no y on the curve */
    static byte[] notOnCurve() {
        for (int x = 1; ; x++) {
            byte[] enc = new byte[33];
            enc[0] = 2;
            enc[32] = (byte) x;
            if (Secp256k1.decompress(enc) == null) {
                return enc;
            }
        }
    }

    @Test
    void highSAndBadRecidAreRejectedWithSkycoinsErrors() throws Exception {
        SecKey sec = SecKey.random();
        PubKey pub = sec.pubKey();
        Address addr = Address.fromPubKey(pub);
        SHA256 hash = SHA256.sum(new byte[]{42});
        Sig sig = Cipher.signHash(hash, sec);
        assertThat(Cipher.verifyPubKeySignedHash(pub, sig, hash)).isEqualTo(VerifyResult.OK);

        Sig highS = Sig.of(sig.r(), Secp256k1.N.subtract(sig.s()), sig.recid() ^ 1);
        assertThat(Cipher.pubKeyFromSig(highS, hash)).as("same key by the algebra").contains(pub);
        assertThat(Cipher.verifyPubKeySignedHash(pub, highS, hash)).isEqualTo(VerifyResult.INVALID_SIG_VALIDITY);
        assertThat(Cipher.verifyAddressSignedHash(addr, highS, hash)).isEqualTo(VerifyResult.INVALID_SIG_FOR_PUBKEY);
        assertThat(Cipher.verifySignatureRecoverPubKey(highS, hash)).isEqualTo(VerifyResult.INVALID_SIG_FOR_PUBKEY);
        assertThat(Cipher.verifySignatureValidity(highS)).isEqualTo(VerifyResult.INVALID_SIG_VALIDITY);

        Sig recidPlus4 = Sig.of(sig.r(), sig.s(), sig.recid() + 4);
        assertThat(Cipher.verifyPubKeySignedHash(pub, recidPlus4, hash)).isEqualTo(VerifyResult.INVALID_SIG_VALIDITY);
        assertThat(Cipher.verifyAddressSignedHash(addr, recidPlus4, hash))
                .isEqualTo(VerifyResult.INVALID_SIG_FOR_PUBKEY);

        Sig wrongParity = Sig.of(sig.r(), sig.s(), sig.recid() ^ 1);
        assertThat(Cipher.verifyPubKeySignedHash(pub, wrongParity, hash))
                .isEqualTo(VerifyResult.PUBKEY_RECOVER_MISMATCH);
        assertThat(Cipher.verifyAddressSignedHash(addr, wrongParity, hash))
                .isEqualTo(VerifyResult.INVALID_ADDRESS_FOR_SIG);
        assertThat(Cipher.verifySignatureRecoverPubKey(wrongParity, hash)).as("valid for some other key")
                .isEqualTo(VerifyResult.OK);

        Sig recid2 = Sig.of(sig.r(), sig.s(), (sig.recid() & 1) | 2);
        assertThat(Cipher.verifyAddressSignedHash(addr, recid2, hash)).as("x = r + n exceeds p for almost all r")
                .isEqualTo(VerifyResult.INVALID_SIG_PUBKEY_RECOVERY);

        assertThat(Cipher.verifyAddressSignedHash(addr, sig, SHA256.sum(new byte[]{43})))
                .isEqualTo(VerifyResult.INVALID_ADDRESS_FOR_SIG);
        assertThat(Cipher.verifyPubKeySignedHash(SecKey.random().pubKey(), sig, hash))
                .isEqualTo(VerifyResult.PUBKEY_RECOVER_MISMATCH);
        assertThat(Cipher.verifySignatureRecoverPubKey(Sig.NULL, hash))
                .isEqualTo(VerifyResult.INVALID_SIG_PUBKEY_RECOVERY);
        Sig rEqualsN = Sig.of(Secp256k1.N, sig.s(), 0);
        assertThat(Cipher.pubKeyFromSig(rEqualsN, hash)).isEmpty();
        Sig sEqualsN = Sig.of(sig.r(), Secp256k1.N, 0);
        assertThat(Cipher.pubKeyFromSig(sEqualsN, hash)).isEmpty();
        assertThatThrownBy(() -> Cipher.signHash(SHA256.NULL, sec)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Skycoin checks the top bit of S, not S &le; n/2: a signature with n/2 &lt; S &lt; 2^255 is accepted, one with
     * S &ge; 2^255 is not. Both are forged for whichever key they recover to.
     */
    @Test
    void theTopBitRuleIsExactlySkycoins() {
        SHA256 hash = SHA256.sum(new byte[]{7});
        BigInteger justBelowTopBit = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
        assertThat(justBelowTopBit).isGreaterThan(Secp256k1.HALF_N);
        Sig accepted = forge(hash, justBelowTopBit);
        PubKey key = Cipher.pubKeyFromSig(accepted, hash).orElseThrow();
        assertThat(Cipher.verifyPubKeySignedHash(key, accepted, hash)).isEqualTo(VerifyResult.OK);
        assertThat(Cipher.verifyAddressSignedHash(Address.fromPubKey(key), accepted, hash)).isEqualTo(VerifyResult.OK);

        Sig rejected = forge(hash, BigInteger.ONE.shiftLeft(255));
        PubKey key2 = Cipher.pubKeyFromSig(rejected, hash).orElseThrow();
        assertThat(Cipher.verifyPubKeySignedHash(key2, rejected, hash)).isEqualTo(VerifyResult.INVALID_SIG_VALIDITY);
        assertThat(Cipher.verifyAddressSignedHash(Address.fromPubKey(key2), rejected, hash))
                .isEqualTo(VerifyResult.INVALID_SIG_FOR_PUBKEY);
    }

    private static Sig forge(SHA256 hash, BigInteger s) {
        ECPoint r = Secp256k1.mulG(BigInteger.valueOf(123456789));
        BigInteger rx = r.getAffineXCoord().toBigInteger();
        assertThat(rx).isLessThan(Secp256k1.N);
        return Sig.of(rx, s, r.getAffineYCoord().testBitZero() ? 1 : 0);
    }
}
