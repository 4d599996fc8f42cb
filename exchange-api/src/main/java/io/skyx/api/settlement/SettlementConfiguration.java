package io.skyx.api.settlement;

import io.skyx.api.kafka.InProcessKafkaBroker;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Skywire settlement beans. Keys ({@code skyx.skywire.*}, docs/skywire.md): {@code topic}, {@code dead-letter-topic},
 * {@code bootstrap-servers} (default: the in-process broker), {@code consumer.enabled}, {@code pool-droplets}
 * (per epoch), {@code weight-exponent}, {@code ip-cap}, {@code min-bytes}.
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
}
