package io.skyx.node.daemon;

import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the P2P daemon.
 *
 * @param blockchainPubkey    the publisher key every peer must announce and every block must be signed with
 * @param genesisHash         this chain's genesis block hash, sent in the introduction and checked in peers'
 * @param listen              where to accept peers (port 0 picks a free port), loopback or any address
 * @param peers               peers to keep an outgoing connection to
 * @param userAgent           e.g. {@code skyx:0.1.0}
 * @param burnFactor          announced unconfirmed burn factor (10)
 * @param maxTransactionSize  announced max transaction size (32768)
 * @param maxDropletPrecision announced max decimals (3)
 * @param maxIncomingFrame    frames longer than this are refused (Skycoin: 1 MiB)
 * @param pingInterval        how often to PING an idle peer (Skycoin: 5 s)
 * @param idleTimeout         disconnect a peer silent for this long (Skycoin: 60 s)
 * @param introductionTimeout disconnect a peer that has not introduced itself by then (Skycoin: 30 s)
 * @param blocksRequestInterval how often to ask every peer for blocks (Skycoin: 60 s)
 * @param reconnectInterval   how often to retry configured peers that are not connected
 * @param maxConnections      total connection limit (Skycoin: 128)
 * @param maxConnectionsPerIp open connections allowed from one IP address (Skycoin: 3); more are refused with
 *                            DISC 8
 * @param maxOutgoing         outgoing connections this daemon keeps at most (Skycoin: 8)
 */
public record DaemonConfig(PubKey blockchainPubkey, SHA256 genesisHash, InetSocketAddress listen,
                           List<InetSocketAddress> peers, String userAgent, long burnFactor, long maxTransactionSize,
                           int maxDropletPrecision, int maxIncomingFrame, Duration pingInterval,
                           Duration idleTimeout, Duration introductionTimeout, Duration blocksRequestInterval,
                           Duration reconnectInterval, int maxConnections, int maxConnectionsPerIp,
                           int maxOutgoing) {
    public DaemonConfig {
        Objects.requireNonNull(blockchainPubkey, "blockchainPubkey");
        Objects.requireNonNull(genesisHash, "genesisHash");
        Objects.requireNonNull(listen, "listen");
        peers = List.copyOf(peers);
        if (!IntroductionExtra.validUserAgent(userAgent)) {
            throw new IllegalArgumentException("user agent must look like name:1.2.3");
        }
        if (burnFactor < 2 || maxTransactionSize < 1024 || maxDropletPrecision < 0 || maxDropletPrecision > 6) {
            throw new IllegalArgumentException("invalid transaction verification parameters");
        }
        if (maxIncomingFrame < 8 || maxConnections < 1 || maxConnectionsPerIp < 1 || maxOutgoing < 0) {
            throw new IllegalArgumentException("frame and connection limits must be positive");
        }
        for (Duration d : List.of(pingInterval, idleTimeout, introductionTimeout, blocksRequestInterval, reconnectInterval)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("intervals must be positive");
            }
        }
    }

    /** Skycoin's defaults for everything but the chain identity, listen address and peers. */
    public static DaemonConfig defaults(PubKey blockchainPubkey, SHA256 genesisHash, InetSocketAddress listen,
                                        List<InetSocketAddress> peers) {
        return new DaemonConfig(blockchainPubkey, genesisHash, listen, peers, "skyx:0.1.0", 10, 32768, 3,
                Frames.MAX_INCOMING, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(5), 128, 3, 8);
    }

    /** @return a copy with different timers (tests use short ones) */
    public DaemonConfig withTimers(Duration ping, Duration idle, Duration intro, Duration blocksRequest,
                                   Duration reconnect) {
        return new DaemonConfig(blockchainPubkey, genesisHash, listen, peers, userAgent, burnFactor,
                maxTransactionSize, maxDropletPrecision, maxIncomingFrame, ping, idle, intro, blocksRequest,
                reconnect, maxConnections, maxConnectionsPerIp, maxOutgoing);
    }

    /** @return a copy with a different incoming frame limit */
    public DaemonConfig withMaxIncomingFrame(int max) {
        return new DaemonConfig(blockchainPubkey, genesisHash, listen, peers, userAgent, burnFactor,
                maxTransactionSize, maxDropletPrecision, max, pingInterval, idleTimeout, introductionTimeout,
                blocksRequestInterval, reconnectInterval, maxConnections, maxConnectionsPerIp, maxOutgoing);
    }

    /** @return a copy with different total, per-IP and outgoing connection limits */
    public DaemonConfig withConnectionLimits(int total, int perIp, int outgoing) {
        return new DaemonConfig(blockchainPubkey, genesisHash, listen, peers, userAgent, burnFactor,
                maxTransactionSize, maxDropletPrecision, maxIncomingFrame, pingInterval, idleTimeout,
                introductionTimeout, blocksRequestInterval, reconnectInterval, total, perIp, outgoing);
    }
}
