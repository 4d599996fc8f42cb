package io.skyx.custody.btc;

import io.skyx.custody.cold.HotTarget;
import java.util.List;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.HDPath;

/**
 * BTC hot/cold settings.
 *
 * @param accountKey  the cold BIP84 account's extended public key (xpub/zpub; tpub/vpub on test networks) of
 *                    {@code accountPath}; its private key never reaches the server
 * @param target      what the hot wallet should hold, with its band (satoshis)
 * @param feeRate     sat/vB of sweeps and top-ups
 * @param maxFeeRate  the highest sat/vB a signed top-up may pay
 * @param fingerprint the cold master key's fingerprint (8 hex), written into PSBT derivations ("00000000" if unknown)
 * @param accountPath the cold account's path from its master key, e.g. m/84'/0'/0'
 */
public record BtcColdConfig(String accountKey, HotTarget target, long feeRate, long maxFeeRate, String fingerprint,
                            String accountPath) {

    /** Checks the settings. */
    public BtcColdConfig {
        if (accountKey == null || accountKey.isBlank()) {
            throw new IllegalArgumentException("skyx.custody.cold.btc.account-key (the cold xpub) is required");
        }
        if (feeRate < 1 || maxFeeRate < feeRate) {
            throw new IllegalArgumentException("cold BTC: 1 <= fee-rate <= max-fee-rate");
        }
        fingerprint = fingerprint == null || fingerprint.isBlank() ? "00000000" : fingerprint;
        if (!fingerprint.matches("[0-9a-fA-F]{8}")) {
            throw new IllegalArgumentException("cold BTC: fingerprint is 8 hex characters");
        }
    }

    int fingerprintInt() {
        return (int) Long.parseLong(fingerprint, 16);
    }

    List<ChildNumber> path(org.bitcoinj.base.BitcoinNetwork network) {
        String p = accountPath == null || accountPath.isBlank()
                ? "m/84'/" + (network == org.bitcoinj.base.BitcoinNetwork.MAINNET ? 0 : 1) + "'/0'" : accountPath;
        return HDPath.parsePath(p.replace("'", "H").replace("h", "H"));
    }

}
