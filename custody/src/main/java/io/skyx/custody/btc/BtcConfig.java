package io.skyx.custody.btc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;

/**
 * BTC custody settings.
 *
 * @param network          mainnet, testnet, signet or regtest
 * @param mnemonic         the hot wallet's BIP39 words (the deposit addresses derive from them)
 * @param passphrase       the BIP39 passphrase ("" for none)
 * @param seedBirth        when the seed was created (blocks before it are not scanned for payments)
 * @param peers            P2P peers to connect to
 * @param confirmations    depth at which deposits are credited and withdrawals completed
 * @param withdrawalFee    the network fee of one withdrawal in satoshis, paid by the user on top of the amount and
 *                         used exactly as the transaction's fee (so the ledger and the chain agree to the satoshi)
 * @param minFeeRate       the lowest fee rate (sat/vB) a withdrawal may pay; a transaction that would pay less
 *                         (too many inputs for the flat fee) is not signed and stays RESERVED with the reason
 * @param minimumWithdrawal the smallest amount in satoshis a destination may receive
 * @param poll             how often the watcher and the pipeline run
 * @param syncTimeout      how long the first chain download may take
 */
public record BtcConfig(BitcoinNetwork network, String mnemonic, String passphrase, Instant seedBirth,
                        List<InetSocketAddress> peers, int confirmations, long withdrawalFee, long minFeeRate,
                        long minimumWithdrawal, Duration poll, Duration syncTimeout) {

    /** Checks the settings. */
    public BtcConfig {
        peers = List.copyOf(peers);
        if (mnemonic == null || mnemonic.isBlank()) {
            throw new IllegalArgumentException("skyx.custody.btc.mnemonic is required");
        }
        if (confirmations < 1 || withdrawalFee < 0 || minFeeRate < 0 || minimumWithdrawal < BtcWallet.DUST) {
            throw new IllegalArgumentException("BTC custody: confirmations >= 1, fee >= 0, minimum >= "
                    + BtcWallet.DUST + " sat");
        }
    }
}
