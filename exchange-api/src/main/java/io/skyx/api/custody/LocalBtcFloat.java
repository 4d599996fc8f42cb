package io.skyx.api.custody;

import io.skyx.custody.btc.BtcCustody;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.reserve.ReserveWallet;
import java.time.Duration;
import org.bitcoinj.base.AddressParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local profile with the bcoin regtest node: the operator's own BTC in the hot wallet, as a real operator keeps
 * there to pay the anchors' network fees. At start the regtest miner pays the float to the hot wallet's operator
 * address (never a deposit address, so no user is credited) and confirms it, unless the wallet's operator
 * addresses already hold half of it (a restart on a chain that kept it).
 */
final class LocalBtcFloat {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBtcFloat.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final BcoinNode bcoin;
    private final BtcCustody btc;

    LocalBtcFloat(BcoinNode bcoin, BtcCustody btc) {
        this.bcoin = bcoin;
        this.btc = btc;
    }

    /** The satoshis the hot wallet's operator (non-deposit) addresses hold at the wallet's best block. */
    long held() {
        return btc.reserves().holdings().addresses().stream().filter(h -> btc.wallet().isOperatorAddress(h.address()))
                .mapToLong(ReserveWallet.Holding::balance).sum();
    }

    /** Pays {@code satoshis} (0: nothing) from the regtest miner to the operator address and waits until it is seen. */
    void fund(long satoshis) {
        if (satoshis < 0) {
            throw new IllegalStateException("skyx.custody.btc.local-funding must be >= 0: " + satoshis);
        }
        if (satoshis == 0 || held() >= satoshis / 2) {
            return;
        }
        String address = btc.wallet().operatorAddress();
        String txid = bcoin.rpc().walletSend(BcoinAddresses.toBcoin(
                AddressParser.getDefault(btc.wallet().network()).parseAddress(address)), satoshis);
        bcoin.rpc().mine(btc.policy().confirmations());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (held() < satoshis) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hot wallet did not see the operator float " + txid + " within "
                        + WAIT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the operator float", e);
            }
        }
        LOG.info("local regtest: the miner pays the operator float of {} sat to the BTC hot wallet's own address {}"
                + " ({}); no user is credited", satoshis, address, txid);
    }
}
