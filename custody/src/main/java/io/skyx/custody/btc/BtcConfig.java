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
 * @param feeRate          the withdrawal fee rate (sat/vB) when there is no estimate ({@link BtcFeePolicy})
 * @param minFeeRate       the lowest rate charged, and the lowest a withdrawal transaction may pay; one that would
 *                         pay less (more inputs than quoted) is not signed and waits (WAITING_FUNDS) with the reason
 * @param maxFeeRate       the highest rate charged, whatever the estimate
 * @param minimumWithdrawal the smallest amount in satoshis a destination may receive
 * @param poll             how often the watcher and the pipeline run
 * @param syncTimeout      how long the first chain download may take
 */
public record BtcConfig(BitcoinNetwork network, String mnemonic, String passphrase, Instant seedBirth,
                        List<InetSocketAddress> peers, int confirmations, long feeRate, long minFeeRate,
                        long maxFeeRate, long minimumWithdrawal, Duration poll, Duration syncTimeout) {

    /** Checks the settings. */
    public BtcConfig {
        peers = List.copyOf(peers);
        if (mnemonic == null || mnemonic.isBlank()) {
            throw new IllegalArgumentException("skyx.custody.btc.mnemonic is required");
        }
        if (confirmations < 1 || minimumWithdrawal < BtcWallet.DUST) {
            throw new IllegalArgumentException("BTC custody: confirmations >= 1, minimum >= " + BtcWallet.DUST + " sat");
        }
        new BtcFeePolicy(feeRate, minFeeRate, maxFeeRate, null);
    }
}
