package io.skyx.node.service;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.cipher.SecKey;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of an embedded or standalone node.
 *
 * @param dataDir          where the chain store lives
 * @param genesis          the chain's genesis parameters and block publisher key
 * @param signingKey       the block-signing key: present in publisher mode only, and must match the genesis key
 * @param p2pListen        P2P listen address (port 0 picks one)
 * @param peers            peers to keep connected
 * @param blockInterval    publisher: create a block this often when transactions are pending
 * @param maxBlockBytes    publisher: total transaction bytes per block (Skycoin: 32768)
 * @param timers           shorter P2P timers for tests, or empty for Skycoin's defaults
 * @param maxIncomingFrame refuse P2P frames longer than this (Skycoin: 1 MiB)
 * @param peerExchange     GETP/GIVP peer exchange and dialing the peers it finds (Skycoin's {@code -disable-pex}
 *                         turns it off)
 * @param blacklistFor     how long a misbehaving peer's address is refused
 */
public record NodeConfig(Path dataDir, GenesisParams genesis, Optional<SecKey> signingKey,
                         InetSocketAddress p2pListen, List<InetSocketAddress> peers, Duration blockInterval,
                         long maxBlockBytes, Optional<Duration> timers, int maxIncomingFrame, boolean peerExchange,
                         Duration blacklistFor) {
    /** Default blacklist duration. */
    public static final Duration BLACKLIST_FOR = Duration.ofHours(1);

    public NodeConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(p2pListen, "p2pListen");
        peers = List.copyOf(peers);
        if (blockInterval.isNegative() || blockInterval.isZero()) {
            throw new IllegalArgumentException("block interval must be positive");
        }
        if (maxBlockBytes < 1024) {
            throw new IllegalArgumentException("max block bytes must be at least 1024");
        }
        if (blacklistFor.isNegative() || blacklistFor.isZero()) {
            throw new IllegalArgumentException("blacklist duration must be positive");
        }
        if (signingKey.isPresent() && !signingKey.get().pubKey().equals(genesis.blockchainPubKey())) {
            throw new IllegalArgumentException("the signing key does not match the genesis blockchain public key");
        }
    }

    /** A configuration with peer exchange on and the default blacklist duration. */
    public NodeConfig(Path dataDir, GenesisParams genesis, Optional<SecKey> signingKey, InetSocketAddress p2pListen,
                      List<InetSocketAddress> peers, Duration blockInterval, long maxBlockBytes,
                      Optional<Duration> timers, int maxIncomingFrame) {
        this(dataDir, genesis, signingKey, p2pListen, peers, blockInterval, maxBlockBytes, timers, maxIncomingFrame,
                true, BLACKLIST_FOR);
    }

    /** @return whether this node creates blocks */
    public boolean publisher() {
        return signingKey.isPresent();
    }

    /** A follower of {@code genesis} with Skycoin's defaults. */
    public static NodeConfig follower(Path dataDir, GenesisParams genesis, InetSocketAddress p2p,
                                      List<InetSocketAddress> peers) {
        return new NodeConfig(dataDir, genesis, Optional.empty(), p2p, peers, Duration.ofSeconds(10), 32768,
                Optional.empty(), 1024 * 1024);
    }

    /** A publisher of {@code genesis} signing with {@code key}, with Skycoin's defaults. */
    public static NodeConfig publisher(Path dataDir, GenesisParams genesis, SecKey key, InetSocketAddress p2p,
                                       List<InetSocketAddress> peers) {
        return new NodeConfig(dataDir, genesis, Optional.of(key), p2p, peers, Duration.ofSeconds(10), 32768,
                Optional.empty(), 1024 * 1024);
    }

    public NodeConfig withBlockInterval(Duration d) {
        return new NodeConfig(dataDir, genesis, signingKey, p2pListen, peers, d, maxBlockBytes, timers, maxIncomingFrame,
                peerExchange, blacklistFor);
    }

    /** @return a copy whose P2P ping/request/reconnect timers all run at {@code tick} (for tests) */
    public NodeConfig withFastTimers(Duration tick) {
        return new NodeConfig(dataDir, genesis, signingKey, p2pListen, peers, blockInterval, maxBlockBytes,
                Optional.of(tick), maxIncomingFrame, peerExchange, blacklistFor);
    }

    public NodeConfig withMaxIncomingFrame(int max) {
        return new NodeConfig(dataDir, genesis, signingKey, p2pListen, peers, blockInterval, maxBlockBytes, timers, max,
                peerExchange, blacklistFor);
    }

    /** @return a copy with peer exchange on or off and another blacklist duration */
    public NodeConfig withPeerExchange(boolean on, Duration blacklist) {
        return new NodeConfig(dataDir, genesis, signingKey, p2pListen, peers, blockInterval, maxBlockBytes, timers,
                maxIncomingFrame, on, blacklist);
    }
}
