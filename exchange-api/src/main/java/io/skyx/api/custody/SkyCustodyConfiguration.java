package io.skyx.api.custody;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.faucet.FaucetPayments;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.node.GenesisWallet;
import io.skyx.api.node.NodeProperties;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.custody.platform.WithdrawalSettings;
import io.skyx.custody.reserve.ChainAnchor;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.sky.KeyPayer;
import io.skyx.custody.cold.HotTarget;
import io.skyx.custody.sky.SkyColdConfig;
import io.skyx.custody.sky.SkyConfig;
import io.skyx.custody.sky.SkyCustody;
import io.skyx.node.service.SkycoinNode;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * SKY custody when {@code skyx.custody.sky.enabled=true}, on the embedded node, posting through the sequencer; its
 * wallet is the SKY {@link ReserveWallet}. In the local profile, when the node publishes its own private chain, the
 * genesis wallet funds the hot address at start and the faucet pays test SKY on chain to deposit addresses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "skyx.custody.sky.enabled", havingValue = "true")
@EnableConfigurationProperties({SkyCustodyProperties.class, ColdProperties.class})
class SkyCustodyConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    SkyCustody skyCustody(SkyCustodyProperties p, ColdProperties coldProps, DataSource db, Sequencer sequencer, MarketCatalog catalog,
                          MeterRegistry meters, SkycoinNode node) {
        SkyConfig cfg = new SkyConfig(p.seed(), p.confirmations(), p.minimumWithdrawal(), p.batchInterval(),
                p.maxBatch(), p.hoursShare(), p.poll());
        ColdProperties.Sky c = coldProps.sky();
        SkyColdConfig cold = !c.configured() ? null : new SkyColdConfig(c.addresses(), new HotTarget(c.target(),
                c.sweepAbovePercent(), c.alarmBelowPercent()));
        return new SkyCustody(cfg, cold, db, new SequencerLedger(sequencer, catalog),
                (userId, asset) -> WithdrawalSettings.Settings.NONE, meters, node, null);
    }

    @Bean
    ReserveWallet skyReserveWallet(SkyCustody custody) {
        return custody.wallet();
    }

    /** Proof of reserves anchors its roots on the SKY chain through this bean (a minimal output). */
    @Bean
    ChainAnchor skyChainAnchor(SkyCustody custody) {
        return custody.anchor();
    }

    @Bean
    @Profile("local")
    @ConditionalOnProperty(name = "skyx.node.mode", havingValue = "publisher", matchIfMissing = true)
    LocalSkyFaucet localSkyFaucet(SkyCustodyProperties p, NodeProperties nodeProps, SkycoinNode node,
                                  SkyCustody custody, FaucetPayments payments) {
        KeyPayer genesis = new KeyPayer(node, GenesisWallet.key(nodeProps).orElseThrow(() -> new IllegalStateException(
                "the local SKY faucet needs the private chain's genesis wallet in " + nodeProps.dataDir())));
        LocalSkyFaucet f = new LocalSkyFaucet(genesis, custody, payments);
        f.fundHotWallet(p.localFunding());
        return f;
    }
}
