package io.skyx.api.account;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.CipherException;
import java.util.Locale;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Bech32;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Checks a withdrawal destination per asset: SKY with the node's base58 address decoder, BTC with bitcoinj on the
 * platform's network ({@code skyx.custody.btc.network}: regtest in the local profile, mainnet otherwise).
 */
@Component
class Addresses {

    private final BitcoinNetwork btcNetwork;
    private final AddressParser btcParser;

    Addresses(@Value("${skyx.custody.btc.network:}") String network, Environment env) {
        String id = network == null || network.isBlank()
                ? (env.acceptsProfiles(Profiles.of("local")) ? "regtest" : "mainnet") : network.strip();
        this.btcNetwork = BitcoinNetwork.fromString(id).orElseThrow(() -> new IllegalStateException(
                "skyx.custody.btc.network must be one of " + BitcoinNetwork.strings() + ", got " + id));
        this.btcParser = AddressParser.getDefault(btcNetwork);
    }

    BitcoinNetwork btcNetwork() {
        return btcNetwork;
    }

    /** The asset code in upper case, if the account settings know it. */
    static String asset(String asset) {
        String a = asset == null ? "" : asset.strip().toUpperCase(Locale.ROOT);
        if (!a.equals("BTC") && !a.equals("SKY")) {
            throw new AccountException(AccountError.UNKNOWN_ASSET, "asset must be BTC or SKY", "asset");
        }
        return a;
    }

    /** Decimals of the asset's smallest unit (SKY: droplets, BTC: satoshis). */
    static int scale(String asset) {
        return asset.equals("BTC") ? 8 : 6;
    }

    /** {@code address} in its canonical form, if valid for {@code asset} (already checked by {@link #asset}). */
    String check(String asset, String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) {
            throw new AccountException(AccountError.INVALID_ADDRESS, "address is required", "address");
        }
        return asset.equals("BTC") ? btc(a) : sky(a);
    }

    private String btc(String a) {
        try {
            return btcParser.parseAddress(a).toString();
        } catch (AddressFormatException e) {
            if (looksSky(a)) {
                throw invalid("this looks like a SKY address, not a Bitcoin one");
            }
            for (BitcoinNetwork other : BitcoinNetwork.values()) {
                if (other != btcNetwork && parses(other, a)) {
                    throw invalid("a Bitcoin address of the " + other + " network, but this platform runs on "
                            + btcNetwork);
                }
            }
            throw invalid(badChecksum(a) ? "Bitcoin address checksum mismatch: check for a typo"
                    : "not a valid Bitcoin address (" + btcNetwork + " network)");
        }
    }

    /** Whether {@code a} is well-formed bech32/bech32m or base58check except for its checksum. */
    private static boolean badChecksum(String a) {
        try {
            Bech32.decode(a);
        } catch (AddressFormatException.InvalidChecksum e) {
            return true;
        } catch (AddressFormatException e) {
            try {
                Base58.decodeChecked(a);
            } catch (AddressFormatException.InvalidChecksum e2) {
                return true;
            } catch (AddressFormatException e2) {
                return false;
            }
        }
        return false;
    }

    private static boolean parses(BitcoinNetwork network, String a) {
        try {
            AddressParser.getDefault(network).parseAddress(a);
            return true;
        } catch (AddressFormatException e) {
            return false;
        }
    }

    private static String sky(String a) {
        try {
            return Address.parse(a).toString();
        } catch (CipherException e) {
            throw invalid("not a valid SKY address: " + e.getMessage());
        } catch (RuntimeException e) {
            throw invalid("not a valid SKY address");
        }
    }

    private static boolean looksSky(String a) {
        try {
            Address.parse(a);
            return true;
        } catch (CipherException | RuntimeException e) {
            return false;
        }
    }

    private static AccountException invalid(String message) {
        return new AccountException(AccountError.INVALID_ADDRESS, message, "address");
    }
}
