package io.skyx.api.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.skyx.node.api.SkycoinApi;
import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.service.BlockImport;
import io.skyx.node.service.NodeConfig;
import io.skyx.node.service.SkycoinNode;
import io.skyx.node.store.StoreException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded Skycoin node when {@code skyx.node.enabled=true}: publisher of the local private chain by
 * default, or a follower; serves its Skycoin REST API under {@code skyx.node.api-prefix} (default
 * {@code /skycoin}); reports head, peers, pool size and sync progress as a health indicator and Micrometer gauges.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "skyx.node.enabled", havingValue = "true")
@EnableConfigurationProperties(NodeProperties.class)
class NodeConfiguration {

    @Bean(destroyMethod = "close")
    SkycoinNode skycoinNode(NodeProperties props) throws IOException, StoreException {
        Path dir = Path.of(props.dataDir());
        GenesisParams genesis;
        Optional<SecKey> key = Optional.empty();
        if (props.mode().equals("publisher")) {
            if (!props.genesis().isEmpty()) {
                throw new IllegalStateException("skyx.node.genesis is for followers; a publisher runs the private chain in "
                        + "skyx.node.data-dir");
            }
            Path keyFile = props.keyFile().isEmpty() ? dir.resolve("chain.key") : Path.of(props.keyFile());
            PrivateChain.Loaded chain = PrivateChain.loadOrCreate(dir, keyFile);
            genesis = chain.genesis();
            key = Optional.of(chain.blockKey());
        } else if (props.genesis().equals("mainnet")) {
            genesis = GenesisParams.MAINNET;
        } else if (!props.genesis().isEmpty()) {
            genesis = PrivateChain.loadGenesis(Path.of(props.genesis()));
        } else {
            throw new IllegalStateException("a follower needs skyx.node.genesis (mainnet or a genesis.properties file)");
        }
        List<InetSocketAddress> peers = new ArrayList<>();
        for (String p : props.peers()) {
            int colon = p.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("skyx.node.peers entry '" + p + "' must be HOST:PORT");
            }
            peers.add(new InetSocketAddress(p.substring(0, colon), Integer.parseInt(p.substring(colon + 1))));
        }
        NodeConfig cfg = new NodeConfig(dir.resolve("chain"), genesis, key,
                new InetSocketAddress(props.p2pBind(), props.p2pPort()), peers, props.blockInterval(), 32768,
                Optional.empty(), 1024 * 1024);
        SkycoinNode node = SkycoinNode.open(cfg);
        try {
            if (!props.importFile().isEmpty()) {
                BlockImport.Result r = BlockImport.run(node, Path.of(props.importFile()), s -> { });
                if (!r.ok()) {
                    throw new IllegalStateException("skyx.node.import-file: " + r.error());
                }
            }
            node.start();
            return node;
        } catch (IOException | StoreException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    @Bean
    SkycoinApi skycoinApi(SkycoinNode node) {
        return new SkycoinApi(node);
    }

    @Bean
    ServletRegistrationBean<SkycoinApiServlet> skycoinApiServlet(SkycoinApi api, NodeProperties props) {
        ServletRegistrationBean<SkycoinApiServlet> reg =
                new ServletRegistrationBean<>(new SkycoinApiServlet(api), props.apiPrefix() + "/*");
        reg.setName("skycoinApi");
        return reg;
    }

    @Bean
    HealthIndicator skycoinNodeHealthIndicator(SkycoinNode node) {
        return () -> {
            SkycoinNode.Status s = node.status();
            Health.Builder b = node.config().publisher() || s.peers() > 0 ? Health.up() : Health.outOfService();
            return b.withDetail("mode", node.config().publisher() ? "publisher" : "follower")
                    .withDetail("head", s.headSeq()).withDetail("highest", s.highestSeq())
                    .withDetail("peers", s.peers()).withDetail("unconfirmed", s.poolSize())
                    .withDetail("syncProgress", progress(s)).build();
        };
    }

    static double progress(SkycoinNode.Status s) {
        return s.highestSeq() <= 0 ? 1.0 : Math.min(1.0, (double) s.headSeq() / s.highestSeq());
    }

    @Bean
    MeterBinder skycoinNodeMetrics(SkycoinNode node) {
        return registry -> {
            Gauge.builder("skyx.node.head", node, n -> n.status().headSeq()).description("head block seq")
                    .register(registry);
            Gauge.builder("skyx.node.peers", node, n -> n.status().peers()).description("introduced peers")
                    .register(registry);
            Gauge.builder("skyx.node.unconfirmed", node, n -> n.status().poolSize())
                    .description("unconfirmed transactions in the pool").register(registry);
            Gauge.builder("skyx.node.sync.progress", node, n -> progress(n.status()))
                    .description("head / highest seq known from peers").register(registry);
        };
    }
}
