package io.skyx.node.daemon;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.coin.Transaction;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The P2P daemon (skycoin-protocol.md §9): listens for peers and keeps connections to the configured ones,
 * introduces itself, serves blocks (GETB/GIVB) and transactions (GETT/GIVT), syncs from peers that announce a
 * higher head ({@link BlockSync}), relays announced transactions, and disconnects protocol violators with
 * Skycoin's reason codes; misbehaving peers are blacklisted in the {@link PeerBook}, which also holds the peers found by GETP/GIVP
 * exchange. Each connection is read by its own virtual thread.
 */
public final class Daemon implements AutoCloseable {
    /** Protocol version sent and minimum accepted. */
    static final int PROTOCOL_VERSION = 2;
    /** Blocks per GETB request and cap per GIVB reply. */
    static final int BLOCKS_PER_REQUEST = 20;
    private static final Logger LOG = Logger.getLogger(Daemon.class.getName());

    private final DaemonConfig config;
    private final DaemonBackend backend;
    private final PeerBook book;
    private final long mirror;
    private final byte[] extra;
    private final ServerSocket server;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<InetSocketAddress> dialing = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers;
    private final BlockSync sync;
    private volatile boolean running = true;

    /** A daemon with an in-memory peer book (peer exchange on). */
    public Daemon(DaemonConfig config, DaemonBackend backend) throws IOException {
        this(config, backend, PeerBook.inMemory());
    }

    /** Binds the listen address and starts accepting, dialing and the timers. */
    public Daemon(DaemonConfig config, DaemonBackend backend, PeerBook book) throws IOException {
        this.config = config;
        this.backend = backend;
        this.book = book;
        this.mirror = Integer.toUnsignedLong(new SecureRandom().nextInt());
        this.extra = new IntroductionExtra(config.blockchainPubkey().bytes(), config.burnFactor(),
                config.maxTransactionSize(), config.maxDropletPrecision(), config.userAgent(),
                Optional.of(config.genesisHash().bytes())).encode();
        this.sync = new BlockSync(backend, this::broadcast, this::drop, this::highestPeerSeq);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(config.listen());
        this.timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("p2p-timer").factory());
        Thread.ofVirtual().name("p2p-accept").start(this::acceptLoop);
        long reconnect = config.reconnectInterval().toMillis();
        timers.scheduleWithFixedDelay(this::dialPeers, 0, reconnect, TimeUnit.MILLISECONDS);
        long ping = config.pingInterval().toMillis();
        timers.scheduleWithFixedDelay(this::keepalive, ping, ping, TimeUnit.MILLISECONDS);
        long req = config.blocksRequestInterval().toMillis();
        timers.scheduleWithFixedDelay(this::requestBlocksFromAll, req, req, TimeUnit.MILLISECONDS);
    }

    /** @return the bound P2P port */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the open connections */
    public List<PeerInfo> peers() {
        long now = System.nanoTime();
        return connections.stream().filter(c -> !c.isClosed()).map(c -> PeerInfo.of(c, now)).toList();
    }

    /** @return the highest head seq announced by any introduced peer (0 if none) */
    public long highestPeerSeq() {
        long max = 0;
        for (Connection c : connections) {
            if (c.introduced() && Long.compareUnsigned(c.peerHeadSeq(), max) > 0) {
                max = c.peerHeadSeq();
            }
        }
        return max;
    }

    public int introducedCount() {
        return (int) connections.stream().filter(c -> c.introduced() && !c.isClosed()).count();
    }

    /** Announces the local head to every peer (after creating or applying blocks). */
    public void announceHead() {
        broadcast(new Message.AnnounceBlocks(backend.headSeq()), null);
    }

    /** Announces these txids to every peer. */
    public void announceTxns(List<SHA256> txids) {
        Message.AnnounceTxns.chunks(txids).forEach(m -> broadcast(m, null));
    }

    /** Dials one more peer now. */
    public void connect(InetSocketAddress peer) {
        Thread.ofVirtual().name("p2p-dial").start(() -> dial(peer));
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = server.accept();
                java.net.InetAddress ip = s.getInetAddress();
                long fromIp = connections.stream()
                        .filter(c -> !c.isClosed() && c.remote().getAddress().equals(ip)).count();
                DisconnectReason refuse = book.blacklisted(ip) ? DisconnectReason.BLACKLISTED
                        : connections.size() >= config.maxConnections() ? DisconnectReason.PEERLIST_FULL
                        : fromIp >= config.maxConnectionsPerIp() ? DisconnectReason.IP_LIMIT_REACHED : null;
                if (refuse != null) {
                    Connection c = new Connection(s, false);
                    LOG.info(() -> "refused a connection from " + ip.getHostAddress() + ": " + refuse);
                    c.disconnect(refuse, this::forget);
                    continue;
                }
                start(new Connection(s, false));
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.FINE, "accept failed", e);
                }
            }
        }
    }

    /** Dials the configured peers and, with peer exchange on, the known ones (within the outgoing limit). */
    private void dialPeers() {
        Set<InetSocketAddress> candidates = new java.util.LinkedHashSet<>(config.peers());
        if (book.exchange()) {
            candidates.addAll(book.known());
        }
        for (InetSocketAddress peer : candidates) {
            boolean connected = connections.stream().anyMatch(c -> c.outgoing() ? c.remote().equals(peer)
                    : c.remote().getAddress().equals(peer.getAddress()) && c.peerListenPort() == peer.getPort());
            boolean self = peer.getPort() == port() && (peer.getAddress().isLoopbackAddress()
                    || peer.getAddress().equals(server.getInetAddress()));
            if (!connected && !self && running && !book.blacklisted(peer.getAddress())) {
                connect(peer);
            }
        }
    }

    private void dial(InetSocketAddress peer) {
        long outgoing = connections.stream().filter(c -> c.outgoing() && !c.isClosed()).count();
        if (outgoing + dialing.size() >= config.maxOutgoing()) {
            LOG.fine(() -> "not dialing " + peer + ": " + outgoing + " outgoing connections (limit "
                    + config.maxOutgoing() + ")");
            return;
        }
        if (!dialing.add(peer)) {
            return;
        }
        try {
            Socket s = new Socket();
            s.connect(peer, (int) Math.min(Integer.MAX_VALUE, config.pingInterval().toMillis() * 2));
            start(new Connection(s, true));
        } catch (IOException e) {
            LOG.log(Level.FINE, () -> "cannot connect to " + peer + ": " + e.getMessage());
        } finally {
            dialing.remove(peer);
        }
    }

    private void start(Connection c) throws IOException {
        if (!running) {
            c.closeQuietly(DisconnectReason.SHUTDOWN);
            return;
        }
        connections.add(c);
        c.send(new Message.Introduction(mirror, server.getLocalPort(), PROTOCOL_VERSION, extra));
        Thread.ofVirtual().name("p2p-peer").start(() -> readLoop(c));
    }

    private void readLoop(Connection c) {
        try {
            c.remoteSocketTimeout(config.idleTimeout());
            while (running && !c.isClosed()) {
                Optional<Message> m = c.read(config.maxIncomingFrame());
                if (m.isEmpty()) {
                    break;
                }
                handle(c, m.get());
            }
            if (c.closeQuietly(DisconnectReason.READ_FAILED)) {
                forget(c);
            }
        } catch (PeerError e) {
            drop(c, e);
        } catch (IOException e) {
            if (c.closeQuietly(DisconnectReason.READ_FAILED)) {
                forget(c);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected error handling a peer message", e);
            c.disconnect(DisconnectReason.UNEXPECTED_ERROR, this::forget);
        }
    }

    /** Disconnects a peer for a protocol error, blacklisting it if the error is misbehaviour. */
    private void drop(Connection c, PeerError e) {
        LOG.info(() -> "disconnecting " + c.remote() + ": " + e.reason() + " (DISC " + e.reason().code() + "): "
                + e.getMessage());
        if (e.reason().misbehaviour()) {
            book.blacklist(c.remote().getAddress(), e.reason() + ": " + e.getMessage());
        }
        c.disconnect(e.reason(), this::forget);
    }

    private void forget(Connection c) {
        sync.forget(c);
        if (connections.remove(c)) {
            DisconnectReason why = c.closeReason();
            LOG.info(() -> "peer " + c.remote() + " left (" + (why == null ? "closed" : why + ", DISC "
                    + why.code()) + ")");
        }
    }

    private void handle(Connection c, Message m) throws PeerError {
        if (!c.introduced() && !(m instanceof Message.Introduction || m instanceof Message.Disconnect
                || m instanceof Message.GivePeers)) {
            throw new PeerError(DisconnectReason.NO_INTRODUCTION, m.id() + " before INTR");
        }
        switch (m) {
            case Message.Introduction intro -> introduce(c, intro);
            case Message.Disconnect d -> {
                LOG.info(() -> "peer " + c.remote() + " sent DISC " + d.reasonCode());
                if (c.closeQuietly(DisconnectReason.RECEIVED_DISCONNECT)) {
                    forget(c);
                }
            }
            case Message.Ping p -> c.send(new Message.Pong());
            case Message.Pong p -> { }
            case Message.GetPeers g -> {
                if (book.exchange()) {
                    c.send(new Message.GivePeers(book.exchangeable()));
                }
            }
            case Message.GivePeers g -> book.addAll(g.peers());
            case Message.GetBlocks g -> GiveBlocksReply.of(backend, g).ifPresent(c::send);
            case Message.GiveBlocks g -> sync.received(c, g.blocks());
            case Message.AnnounceBlocks a -> sync.announced(c, a.maxBlockSeq());
            case Message.AnnounceTxns a -> {
                List<SHA256> unknown = a.txids().stream().filter(t -> !backend.knows(t)).toList();
                if (!unknown.isEmpty()) {
                    c.send(new Message.GetTxns(unknown));
                }
            }
            case Message.GetTxns g -> {
                List<Transaction> known = new ArrayList<>();
                for (SHA256 id : g.txids()) {
                    backend.unconfirmed(id).ifPresent(known::add);
                }
                if (!known.isEmpty()) {
                    c.send(new Message.GiveTxns(known));
                }
            }
            case Message.GiveTxns g -> {
                List<SHA256> accepted = new ArrayList<>();
                for (Transaction t : g.transactions()) {
                    if (backend.offer(t)) {
                        accepted.add(t.txid());
                    }
                }
                if (!accepted.isEmpty()) {
                    broadcast(new Message.AnnounceTxns(accepted), c);
                }
            }
        }
    }

    private void introduce(Connection c, Message.Introduction intro) throws PeerError {
        if (c.introduced()) {
            return;
        }
        if (intro.mirror() == mirror) {
            throw new PeerError(DisconnectReason.SELF, "connected to self");
        }
        if (intro.protocolVersion() < PROTOCOL_VERSION) {
            throw new PeerError(DisconnectReason.VERSION_NOT_SUPPORTED, "protocol version " + intro.protocolVersion());
        }
        if (intro.extra().length == 0) {
            throw new PeerError(DisconnectReason.INVALID_EXTRA_DATA, "introduction without extra");
        }
        IntroductionExtra x = IntroductionExtra.parseAndVerify(intro.extra(), config.blockchainPubkey().bytes());
        if (x.genesisHash().isPresent() && !Arrays.equals(x.genesisHash().get(), config.genesisHash().bytes())) {
            throw new PeerError(DisconnectReason.BLOCKCHAIN_PUBKEY_MISMATCH, "peer has another genesis block");
        }
        c.markIntroduced(intro.mirror(), intro.listenPort(), x.userAgent());
        LOG.info(() -> "peer " + c.remote() + " connected (" + (c.outgoing() ? "outgoing" : "incoming") + ", "
                + x.userAgent() + ")");
        book.add(c.outgoing() ? c.remote() : new InetSocketAddress(c.remote().getAddress(), intro.listenPort()));
        if (book.exchange()) {
            c.send(new Message.GetPeers());
        }
        c.send(sync.request(c));
        Message.AnnounceTxns.chunks(backend.announceableTxids()).forEach(c::send);
    }

    private void broadcast(Message m, Connection except) {
        for (Connection c : connections) {
            if (c != except && c.introduced() && !c.isClosed()) {
                c.send(m);
            }
        }
    }

    private void keepalive() {
        long now = System.nanoTime();
        long pingNanos = config.pingInterval().toNanos();
        long introNanos = config.introductionTimeout().toNanos();
        for (Connection c : connections) {
            if (!c.introduced() && now - c.openedNanos() > introNanos) {
                c.disconnect(DisconnectReason.INTRODUCTION_TIMEOUT, this::forget);
            } else if (c.introduced() && now - c.lastSentNanos() >= pingNanos) {
                c.send(new Message.Ping());
            }
        }
    }

    /**
     * The periodic tick: ask for blocks every peer whose replies did not extend the head within the last two
     * ticks (a second request would start a second chain of replies overlapping the first), ask for peers, and
     * announce the pending transactions again.
     */
    private void requestBlocksFromAll() {
        long now = System.nanoTime();
        long tick = config.blocksRequestInterval().toNanos();
        for (Connection c : connections) {
            if (c.introduced() && !c.isClosed() && now - c.blocksReceivedNanos() >= 2 * tick) {
                c.send(sync.request(c));
            }
        }
        Message.AnnounceTxns.chunks(backend.announceableTxids()).forEach(m -> broadcast(m, null));
        if (book.exchange()) {
            broadcast(new Message.GetPeers(), null);
        }
    }

    @Override
    public void close() {
        running = false;
        timers.shutdownNow();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Connection c : connections) {
            c.disconnect(DisconnectReason.SHUTDOWN, this::forget);
        }
        sync.close();
    }
}
