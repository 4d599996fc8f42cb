package io.skyx.api.settlement;

import io.micrometer.core.instrument.MeterRegistry;
import io.skyx.api.kafka.InProcessKafkaBroker;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.reserves.PoolFunding;
import io.skyx.api.security.OperatorAudit;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.custody.sky.SkyCustody;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Skywire settlement beans. Keys ({@code skyx.skywire.*}, docs/skywire.md): {@code topic}, {@code dead-letter-topic},
 * {@code bootstrap-servers} (default: the in-process broker), {@code consumer.enabled}, {@code pool-droplets}
 * (per epoch), {@code weight-exponent}, {@code ip-cap}, {@code min-bytes}, {@code chain.max-batch} (payouts per
 * on-chain transaction, paid from the SKY hot wallet when SKY custody runs), {@code simulate.relays} (local run:
 * simulated relays publishing to the broker), {@code simulate.interval-seconds}, {@code schedule.enabled} (off
 * unless set; the local profile sets it), {@code schedule.interval-seconds}, {@code schedule.grace-seconds}.
 */
@Configuration(proxyBeanMethods = false)
class SettlementConfiguration {

    @Bean
    UsageIngester usageIngester() {
        return new UsageIngester(() -> System.currentTimeMillis() / 1000);
    }

    @Bean
    SettlementJob settlementJob(DataSource db,
                                @Value("${skyx.skywire.pool-droplets:1117808000}") long pool,
                                @Value("${skyx.skywire.weight-exponent:0.5}") String exponent,
                                @Value("${skyx.skywire.ip-cap:8}") int ipCap,
                                @Value("${skyx.skywire.min-bytes:64}") long minBytes) {
        return new SettlementJob(db, pool, exponent, ipCap, minBytes);
    }

    @Bean
    ChainBatches chainBatches(DataSource db, MeterRegistry meters) {
        return new ChainBatches(db, meters);
    }

    @Bean
    SettlementPayouts settlementPayouts(DataSource db, Sequencer sequencer, MarketCatalog catalog,
                                        PoolFunding funding, ObjectProvider<SkyCustody> skyCustody,
                                        ChainBatches batches,
                                        @Value("${skyx.skywire.chain.max-batch:50}") int maxBatch,
                                        @Value("${skyx.custody.sky.confirmations:1}") int confirmations) {
        int sky = catalog.asset("SKY", "asset").id();
        SkyCustody custody = skyCustody.getIfAvailable();
        ChainPayouts chain = custody == null ? null : new ChainPayouts(db,
                c -> SettlementPayouts.submit(sequencer, c), funding, sky, custody.wallet(), maxBatch, confirmations,
                batches::undone);
        return new SettlementPayouts(db, sequencer, funding, sky, chain);
    }

    @Bean
    SettlementRunner settlementRunner(DataSource db, SettlementJob job, SettlementPayouts payouts, OperatorAudit audit) {
        return new SettlementRunner(db, job, payouts, audit);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "skyx.skywire.schedule.enabled", havingValue = "true")
    SettlementSchedule settlementSchedule(SettlementRunner runner,
                                          @Value("${skyx.skywire.schedule.interval-seconds:3600}") long interval,
                                          @Value("${skyx.skywire.schedule.grace-seconds:3600}") long grace) {
        return new SettlementSchedule(runner, interval, grace, () -> System.currentTimeMillis() / 1000);
    }

    @Bean
    RelayDirectory relayDirectory(DataSource db) {
        return new RelayDirectory(db);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "skyx.skywire.consumer.enabled", havingValue = "true")
    UsageConsumer usageConsumer(DataSource db, UsageIngester ingester, ObjectProvider<InProcessKafkaBroker> broker,
                                @Value("${skyx.skywire.bootstrap-servers:}") String bootstrap,
                                @Value("${skyx.skywire.topic:skywire.usage}") String topic,
                                @Value("${skyx.skywire.dead-letter-topic:skywire.usage.dlt}") String dlt) {
        String servers = bootstrap.isBlank() ? broker.getObject().bootstrapServers() : bootstrap;
        return new UsageConsumer(servers, "skyx-settlement", topic, dlt, db, ingester);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("${skyx.skywire.simulate.relays:0} > 0 && '${skyx.skywire.consumer.enabled:false}' == 'true'")
    LocalSimulation localSimulation(RelayDirectory directory, ObjectProvider<InProcessKafkaBroker> broker,
                                    @Value("${skyx.skywire.simulate.relays}") int relays,
                                    @Value("${skyx.skywire.simulate.interval-seconds:60}") long interval,
                                    @Value("${skyx.skywire.simulate.dir:${skyx.data-dir:./data}/skywire-sim}") Path dir,
                                    @Value("${skyx.skywire.bootstrap-servers:}") String bootstrap,
                                    @Value("${skyx.skywire.topic:skywire.usage}") String topic)
            throws IOException, SQLException {
        String servers = bootstrap.isBlank() ? broker.getObject().bootstrapServers() : bootstrap;
        return new LocalSimulation(relays, interval, dir, servers, topic, directory);
    }
}
