package io.skyx.api.account;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SecKey;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ECKey;

/** Fresh valid addresses for tests. */
final class SkyAddresses {

    private SkyAddresses() {
    }

    static String random() {
        return Address.fromSecKey(SecKey.random()).toString();
    }

    static String btc(BitcoinNetwork network, ScriptType type) {
        return new ECKey().toAddress(type, network).toString();
    }
}
