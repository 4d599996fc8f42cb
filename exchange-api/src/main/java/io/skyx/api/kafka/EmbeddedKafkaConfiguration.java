package io.skyx.api.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the in-process Kafka broker when {@code skyx.kafka.embedded.enabled=true} (the local profile), and
 * reports its health. The settlement consumer and producers take {@link InProcessKafkaBroker#bootstrapServers()}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "skyx.kafka.embedded.enabled", havingValue = "true")
class EmbeddedKafkaConfiguration {

    @Bean(destroyMethod = "close")
    InProcessKafkaBroker inProcessKafkaBroker(
            @Value("${skyx.kafka.embedded.dir:${skyx.data-dir:./data}/kafka}") Path dir,
            @Value("${skyx.kafka.embedded.port:0}") int port) {
        return InProcessKafkaBroker.start(dir, port);
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(InProcessKafkaBroker broker) {
        return () -> {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
                return Health.up().withDetail("bootstrapServers", broker.bootstrapServers())
                        .withDetail("nodes", nodes).build();
            } catch (Exception e) {
                return Health.down().withDetail("bootstrapServers", broker.bootstrapServers())
                        .withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
