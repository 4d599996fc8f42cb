package io.skyx.api.node;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code skyx.node.*}: the embedded Skycoin node. Off unless {@code skyx.node.enabled=true}.
 *
 * @param enabled          start the embedded node
 * @param mode             {@code publisher} (private chain, the local default) or {@code follower}
 * @param dataDir          chain store and, for a new private chain, its key and genesis files
 * @param genesis          {@code mainnet}, or a genesis JSON file; empty with publisher mode = the private chain
 *                         in {@code dataDir} (created on first start)
 * @param keyFile          publisher block-signing key file; empty = {@code dataDir/chain.key}
 * @param peers            HOST:PORT peers to sync from and relay to
 * @param p2pPort          P2P listen port (0 = any free port)
 * @param p2pBind          P2P listen address
 * @param apiPrefix        where the Skycoin REST API is served in the app
 * @param blockInterval    publisher: block creation interval
 * @param importFile       JSONL file of signed blocks imported at start (bootstrap), or empty
 */
@ConfigurationProperties(prefix = "skyx.node")
public record NodeProperties(boolean enabled, String mode, String dataDir, String genesis, String keyFile,
                             List<String> peers, int p2pPort, String p2pBind, String apiPrefix,
                             Duration blockInterval, String importFile) {
    public NodeProperties {
        mode = mode == null || mode.isBlank() ? "publisher" : mode;
        dataDir = dataDir == null || dataDir.isBlank() ? "./data/skycoin" : dataDir;
        genesis = genesis == null ? "" : genesis;
        keyFile = keyFile == null ? "" : keyFile;
        peers = peers == null ? List.of() : List.copyOf(peers);
        p2pBind = p2pBind == null || p2pBind.isBlank() ? "127.0.0.1" : p2pBind;
        apiPrefix = apiPrefix == null || apiPrefix.isBlank() ? "/skycoin" : apiPrefix;
        blockInterval = blockInterval == null ? Duration.ofSeconds(10) : blockInterval;
        importFile = importFile == null ? "" : importFile;
        if (!mode.equals("publisher") && !mode.equals("follower")) {
            throw new IllegalArgumentException("skyx.node.mode must be publisher or follower, not " + mode);
        }
        if (!apiPrefix.startsWith("/") || apiPrefix.endsWith("/")) {
            throw new IllegalArgumentException("skyx.node.api-prefix must start with / and not end with /");
        }
        if (p2pPort < 0 || p2pPort > 65535) {
            throw new IllegalArgumentException("skyx.node.p2p-port must be 0..65535");
        }
    }
}
