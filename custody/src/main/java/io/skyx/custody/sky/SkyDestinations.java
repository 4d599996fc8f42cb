package io.skyx.custody.sky;

import io.skyx.custody.CustodyException;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherError;
import io.skyx.node.cipher.CipherException;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.exceptions.AddressFormatException;

/** Validates a SKY withdrawal destination: base58, length, checksum and version (Skycoin's DecodeBase58Address). */
public final class SkyDestinations {

    private SkyDestinations() {
    }

    /**
     * Parses a destination.
     *
     * @throws CustodyException INVALID_ADDRESS (syntax, length, checksum, the null address), WRONG_NETWORK (another
     *                          address version), WRONG_ASSET_ADDRESS (a Bitcoin address)
     */
    public static Address parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.length() > 64) {
            throw new CustodyException("INVALID_ADDRESS", "a SKY address is required", "address");
        }
        Address a;
        try {
            a = Address.parse(s);
        } catch (CipherException e) {
            if (isBtcAddress(s)) {
                throw new CustodyException("WRONG_ASSET_ADDRESS", "this is a Bitcoin address, not a SKY address",
                        "address");
            }
            if (e.error() == CipherError.INVALID_CHECKSUM) {
                throw new CustodyException("INVALID_ADDRESS", "the address checksum is wrong (a typo?)", "address");
            }
            if (e.error() == CipherError.INVALID_VERSION) {
                throw new CustodyException("WRONG_NETWORK", "not a Skycoin address: " + e.getMessage(), "address");
            }
            throw new CustodyException("INVALID_ADDRESS", "not a valid SKY address: " + e.getMessage(), "address");
        }
        if (a.isNull()) {
            throw new CustodyException("INVALID_ADDRESS", "the null address burns coins; withdrawals refuse it",
                    "address");
        }
        return a;
    }

    private static boolean isBtcAddress(String s) {
        for (BitcoinNetwork n : BitcoinNetwork.values()) {
            try {
                AddressParser.getDefault(n).parseAddress(s);
                return true;
            } catch (AddressFormatException ignored) {
                // not this network
            }
        }
        return false;
    }
}
