package io.skyx.custody.btc;

import io.skyx.custody.CustodyException;
import io.skyx.node.cipher.CipherException;
import java.util.Set;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.exceptions.AddressFormatException;

/** Validates a BTC withdrawal destination: network, checksum and script type. */
public final class BtcDestinations {

    /** The output types a withdrawal may pay. */
    public static final Set<ScriptType> ALLOWED = Set.of(ScriptType.P2WPKH, ScriptType.P2WSH, ScriptType.P2TR,
            ScriptType.P2PKH, ScriptType.P2SH);

    private BtcDestinations() {
    }

    /**
     * Parses a destination on {@code network}.
     *
     * @throws CustodyException INVALID_ADDRESS (syntax or checksum), WRONG_NETWORK, WRONG_ASSET_ADDRESS (a Skycoin
     *                          address), UNSUPPORTED_ADDRESS (another script type)
     */
    public static Address parse(String text, BitcoinNetwork network) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty() || s.length() > 100) {
            throw new CustodyException("INVALID_ADDRESS", "a BTC address is required", "address");
        }
        Address a;
        try {
            a = AddressParser.getDefault(network).parseAddress(s);
        } catch (AddressFormatException e) {
            throw refusal(s, network, e);
        }
        if (!ALLOWED.contains(a.getOutputScriptType())) {
            throw new CustodyException("UNSUPPORTED_ADDRESS", "withdrawals pay P2WPKH, P2WSH, P2TR, P2PKH or P2SH, not "
                    + a.getOutputScriptType(), "address");
        }
        return a;
    }

    private static CustodyException refusal(String s, BitcoinNetwork network, AddressFormatException e) {
        for (BitcoinNetwork other : BitcoinNetwork.values()) {
            if (other == network) {
                continue;
            }
            try {
                AddressParser.getDefault(other).parseAddress(s);
                return new CustodyException("WRONG_NETWORK", "this is a Bitcoin " + other.name().toLowerCase()
                        + " address; withdrawals here go to " + network.name().toLowerCase() + " addresses", "address");
            } catch (AddressFormatException ignored) {
                // not this network either
            }
        }
        if (isSkyAddress(s)) {
            return new CustodyException("WRONG_ASSET_ADDRESS", "this is a Skycoin address, not a BTC address", "address");
        }
        if (e instanceof AddressFormatException.InvalidChecksum) {
            return new CustodyException("INVALID_ADDRESS", "the address checksum is wrong (a typo?)", "address");
        }
        return new CustodyException("INVALID_ADDRESS", "not a valid BTC address: " + e.getMessage(), "address");
    }

    static boolean isSkyAddress(String s) {
        try {
            io.skyx.node.cipher.Address.parse(s);
            return true;
        } catch (CipherException | RuntimeException e) {
            return false;
        }
    }
}
