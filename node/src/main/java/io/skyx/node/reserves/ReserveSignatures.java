package io.skyx.node.reserves;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.Cipher;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.cipher.Sig;
import io.skyx.node.cipher.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.Network;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bitcoinj.crypto.ECKey;

/**
 * Signing and checking a {@link ReserveChallenge} with a reserve address's key.
 * <ul>
 * <li>SKY: Skycoin's 65-byte recoverable signature (hex) of SHA256(challenge text), checked against the
 *     address as Skycoin checks a transaction input.</li>
 * <li>BTC: the "Bitcoin Signed Message" format (base64, BIP-137 header byte), for P2PKH and P2WPKH addresses,
 *     as bitcoinj's {@code ECKey.signMessage} / Bitcoin Core's {@code signmessage} (legacy only) produce it.</li>
 * </ul>
 */
public final class ReserveSignatures {
    private ReserveSignatures() {
    }

    /** Signs for a Skycoin address; returns the signature hex. */
    public static String signSky(ReserveChallenge challenge, SecKey key) {
        return Cipher.signHash(hash(challenge), key).hex();
    }

    /** Checks a Skycoin signature; {@link ProofError#BAD_SIGNATURE} when it does not hold. */
    public static void verifySky(ReserveChallenge challenge, String address, String signatureHex) {
        try {
            Address a = Address.parse(address);
            Sig sig = Sig.fromHex(signatureHex);
            if (Cipher.verifyAddressSignedHash(a, sig, hash(challenge)) != VerifyResult.OK) {
                throw new ProofException(ProofError.BAD_SIGNATURE, "signature does not match " + address
                        + " for this challenge");
            }
        } catch (CipherException e) {
            throw new ProofException(ProofError.MALFORMED, e.getMessage());
        }
    }

    /** Signs for a bitcoin key as P2WPKH (BIP-137). */
    public static String signBtc(ReserveChallenge challenge, ECKey key, ScriptType type) {
        return key.signMessage(challenge.text(), type);
    }

    /** Checks a signed message against a P2PKH or P2WPKH address of {@code network}. */
    public static void verifyBtc(ReserveChallenge challenge, Network network, String address, String signatureBase64) {
        org.bitcoinj.base.Address a;
        try {
            a = AddressParser.getDefault(network).parseAddress(address);
        } catch (AddressFormatException e) {
            throw new ProofException(ProofError.MALFORMED, "not a " + network.id() + " address: " + address);
        }
        ECKey key;
        try {
            key = ECKey.signedMessageToKey(challenge.text(), signatureBase64);
        } catch (SignatureException | IllegalArgumentException e) {
            throw new ProofException(ProofError.BAD_SIGNATURE, "unreadable signature: " + e.getMessage());
        }
        byte[] expected = switch (a) {
            case LegacyAddress l when l.getOutputScriptType() == ScriptType.P2PKH -> l.getHash();
            case SegwitAddress s when s.getOutputScriptType() == ScriptType.P2WPKH -> s.getWitnessProgram();
            default -> throw new ProofException(ProofError.MALFORMED,
                    "only P2PKH and P2WPKH reserve addresses can sign messages: " + address);
        };
        if (!Arrays.equals(expected, key.getPubKeyHash())) {
            throw new ProofException(ProofError.BAD_SIGNATURE, "signature does not match " + address
                    + " for this challenge");
        }
    }

    private static SHA256 hash(ReserveChallenge challenge) {
        return SHA256.sum(challenge.text().getBytes(StandardCharsets.US_ASCII));
    }
}
