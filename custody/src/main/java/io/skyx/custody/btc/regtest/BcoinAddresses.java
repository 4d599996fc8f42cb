package io.skyx.custody.btc.regtest;

import java.util.Arrays;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Bech32;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.SegwitAddress;

/**
 * bcoin 1.0.2 regtest uses older address prefixes than Bitcoin Core (and bitcoinj's REGTEST): bech32 HRP {@code rb}
 * instead of {@code bcrt}, base58 versions 0x3c (P2PKH) and 0x26 (P2SH) instead of 0x6f and 0xc4. The scripts are
 * the same, so an address converts both ways without loss.
 */
public final class BcoinAddresses {

    private static final int PKH = 0x3c;
    private static final int SH = 0x26;

    private BcoinAddresses() {
    }

    /** A bitcoinj regtest address in bcoin's format. */
    public static String toBcoin(Address a) {
        if (a instanceof SegwitAddress s) {
            Bech32.Bech32Data d = Bech32.decode(s.toBech32());
            return Bech32.encode(d.encoding, "rb", d);
        }
        LegacyAddress l = (LegacyAddress) a;
        return Base58.encodeChecked(l.getOutputScriptType() == org.bitcoinj.base.ScriptType.P2SH ? SH : PKH, l.getHash());
    }

    /** A bcoin regtest address as a bitcoinj regtest address. */
    public static Address fromBcoin(String bcoin) {
        if (bcoin.startsWith("rb1")) {
            Bech32.Bech32Data d = Bech32.decode(bcoin);
            return AddressParser.getDefault(BitcoinNetwork.REGTEST).parseAddress(Bech32.encode(d.encoding, "bcrt", d));
        }
        byte[] v = Base58.decodeChecked(bcoin);
        byte[] hash = Arrays.copyOfRange(v, 1, v.length);
        return switch (v[0] & 0xff) {
            case PKH -> LegacyAddress.fromPubKeyHash(BitcoinNetwork.REGTEST, hash);
            case SH -> LegacyAddress.fromScriptHash(BitcoinNetwork.REGTEST, hash);
            default -> throw new IllegalArgumentException("not a bcoin regtest address: " + bcoin);
        };
    }
}
