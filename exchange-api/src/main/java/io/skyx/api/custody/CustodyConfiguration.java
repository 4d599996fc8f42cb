package io.skyx.api.custody;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.custody.btc.BtcColdConfig;
import io.skyx.custody.btc.BtcConfig;
import io.skyx.custody.btc.BtcCustody;
import io.skyx.custody.btc.BtcFeePolicy;
import io.skyx.custody.btc.BtcRpcFeeEstimator;
import io.skyx.custody.btc.BtcReserveWallet;
import io.skyx.custody.btc.regtest.BcoinBroadcaster;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.cold.HotTarget;
import io.skyx.custody.platform.WithdrawalSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.bitcoinj.base.BitcoinNetwork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * BTC custody when {@code skyx.custody.btc.enabled=true}: the bcoin regtest node (if {@code bcoin.enabled}, stopped
 * with the app), the bitcoinj wallet, deposit watcher and withdrawal pipeline, posting through the sequencer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "skyx.custody.btc.enabled", havingValue = "true")
@EnableConfigurationProperties({CustodyProperties.class, ColdProperties.class})
class CustodyConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "skyx.custody.btc.bcoin.enabled", havingValue = "true")
    BcoinNode bcoinNode(CustodyProperties props) {
        if (!props.network().equals("regtest")) {
            throw new IllegalStateException("skyx.custody.btc.bcoin.enabled needs skyx.custody.btc.network=regtest");
        }
        CustodyProperties.Attach a = props.bcoin().attach();
        if (a.p2pPort() > 0) {
            return BcoinNode.attach(a.p2pPort(), a.rpcPort(), a.walletPort(), a.apiKey());
        }
        Path dir = Path.of(props.bcoin().dir());
        if (!Files.isDirectory(dir) && !dir.isAbsolute() && Files.isDirectory(Path.of("..").resolve(dir))) {
            dir = Path.of("..").resolve(dir);
        }
        BcoinNode node = BcoinNode.start(dir, Path.of(props.bcoin().dataDir()), props.bcoin().node(),
                Duration.ofSeconds(60));
        try {
            node.activateSegwit();
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    @Bean
    WithdrawalSettings withdrawalSettings() {
        return (userId, asset) -> WithdrawalSettings.Settings.NONE;
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    BtcCustody btcCustody(CustodyProperties p, ColdProperties coldProps, DataSource db, Sequencer sequencer,
                          MarketCatalog catalog, WithdrawalSettings settings, MeterRegistry meters,
                          ObjectProvider<BcoinNode> bcoin) {
        BcoinNode node = bcoin.getIfAvailable();
        List<InetSocketAddress> peers = new ArrayList<>();
        if (node != null) {
            peers.add(node.p2pAddress());
        } else {
            for (String s : p.peers()) {
                int colon = s.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("skyx.custody.btc.peers entry '" + s + "' must be HOST:PORT");
                }
                peers.add(new InetSocketAddress(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1))));
            }
        }
        BitcoinNetwork network = BitcoinNetwork.fromString(p.network().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalStateException("skyx.custody.btc.network: unknown " + p.network()));
        BtcConfig cfg = new BtcConfig(network, p.mnemonic(), p.passphrase(), p.seedBirth(), peers, p.confirmations(),
                p.feeRate(), p.minFeeRate(), p.maxFeeRate(), p.minimumWithdrawal(), p.poll(), p.syncTimeout());
        ColdProperties.Btc c = coldProps.btc();
        BtcColdConfig cold = !c.configured() ? null : new BtcColdConfig(c.accountKey(), new HotTarget(c.target(),
                c.sweepAbovePercent(), c.alarmBelowPercent()), c.feeRate(), c.maxFeeRate(), c.fingerprint(),
                c.accountPath());
        // the fee estimate: a configured node's estimatesmartfee, else bcoin's when the app runs it, else none (bitcoinj
        // over plain P2P has no estimator: the configured rate, raised to the peers' BIP133 relay floor; BtcFeePolicy)
        CustodyProperties.FeeEstimate fe = p.feeEstimate();
        BtcFeePolicy.Estimator estimator = null;
        if (fe.url() != null && !fe.url().isBlank()) {
            estimator = new BtcRpcFeeEstimator(URI.create(fe.url()), fe.user(), fe.password(), fe.timeout(),
                    fe.cacheFor()).forTarget(fe.targetBlocks());
        } else if (node != null) {
            estimator = new BtcRpcFeeEstimator(URI.create("http://127.0.0.1:" + node.rpc().nodePort() + "/"), "x",
                    node.rpc().apiKey(), fe.timeout(), fe.cacheFor()).forTarget(fe.targetBlocks());
        }
        return new BtcCustody(cfg, cold, db, new SequencerLedger(sequencer, catalog), settings, meters,
                node == null ? null : new BcoinBroadcaster(node.rpc()), estimator);
    }

    /**
     * Local profile with bcoin: the operator's float in the hot wallet ({@code local-funding}), paid once the wallet
     * runs, before the app serves.
     */
    @Bean
    @Profile("local")
    @ConditionalOnProperty(name = "skyx.custody.btc.bcoin.enabled", havingValue = "true")
    LocalBtcFloat localBtcFloat(CustodyProperties p, BcoinNode bcoin, BtcCustody custody) {
        LocalBtcFloat f = new LocalBtcFloat(bcoin, custody);
        f.fund(p.localFunding());
        return f;
    }

    /** Proof of reserves reads the BTC hot wallet (holdings, signatures) and anchors its roots through this bean. */
    @Bean
    BtcReserveWallet btcReserveWallet(BtcCustody custody) {
        return custody.reserves();
    }
}
