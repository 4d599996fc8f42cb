package io.skyx.node.daemon;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The peers this node knows (Skycoin's pex peer list) and the ones it refuses for a while. Peers come from
 * connections that introduced themselves with a listen port and, when peer exchange is on, from GIVP. Misbehaving
 * peers' addresses are blacklisted until an expiry. Both lists are kept in {@code peers.json} (written atomically
 * on every change) and reloaded on start; expired blacklist entries are dropped.
 */
public final class PeerBook {
    /** Peers given in one GIVP answer (Skycoin's pex ReplyCount). */
    static final int REPLY_COUNT = 30;
    /** Peers kept at most (Skycoin's pex Max). */
    static final int MAX_PEERS = 1000;
    private static final Logger LOG = Logger.getLogger(PeerBook.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Optional<Path> file;
    private final boolean exchange;
    private final Duration blacklistFor;
    private final Clock clock;
    private final Map<String, Long> peers = new LinkedHashMap<>();
    private final Map<String, Instant> blacklist = new LinkedHashMap<>();

    /**
     * @param file         where the lists are kept, or empty for memory only
     * @param exchange     whether GETP/GIVP peer exchange is on (Skycoin's {@code -disable-pex} turns it off)
     * @param blacklistFor how long a misbehaving peer's address is refused
     */
    public PeerBook(Optional<Path> file, boolean exchange, Duration blacklistFor, Clock clock) {
        this.file = file;
        this.exchange = exchange;
        this.blacklistFor = blacklistFor;
        this.clock = clock;
        file.filter(Files::exists).ifPresent(this::load);
    }

    /** A book in memory only, with peer exchange on and a one-hour blacklist. */
    public static PeerBook inMemory() {
        return new PeerBook(Optional.empty(), true, Duration.ofHours(1), Clock.systemUTC());
    }

    public boolean exchange() {
        return exchange;
    }

    /** Records a reachable peer ({@code ip:listenPort}); IPv4 only, as GIVP carries. */
    public synchronized void add(InetSocketAddress peer) {
        if (!(peer.getAddress() instanceof Inet4Address) || peer.getPort() == 0) {
            return;
        }
        String key = key(peer);
        if (peers.size() >= MAX_PEERS && !peers.containsKey(key)) {
            return;
        }
        peers.put(key, clock.instant().getEpochSecond());
        save();
    }

    /** Adds the peers of a GIVP answer (ignored when exchange is off). */
    void addAll(List<PeerAddress> given) {
        if (!exchange) {
            return;
        }
        for (PeerAddress p : given) {
            add(toSocket(p));
        }
    }

    /** @return the known peers, oldest first */
    public synchronized List<InetSocketAddress> known() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String k : peers.keySet()) {
            out.add(parse(k));
        }
        return out;
    }

    /** @return up to {@link #REPLY_COUNT} known peers that are not blacklisted, for a GIVP answer */
    synchronized List<PeerAddress> exchangeable() {
        List<PeerAddress> out = new ArrayList<>();
        for (String k : peers.keySet()) {
            InetSocketAddress a = parse(k);
            if (out.size() < REPLY_COUNT && !blacklisted(a.getAddress())) {
                out.add(toPeerAddress(a));
            }
        }
        return out;
    }

    /** Refuses {@code ip} until now + the blacklist duration. */
    public synchronized void blacklist(InetAddress ip, String why) {
        Instant until = clock.instant().plus(blacklistFor);
        blacklist.put(ip.getHostAddress(), until);
        LOG.warning(() -> "blacklisted " + ip.getHostAddress() + " until " + until + ": " + why);
        save();
    }

    /** @return whether {@code ip} is blacklisted now (an expired entry is dropped) */
    public synchronized boolean blacklisted(InetAddress ip) {
        Instant until = blacklist.get(ip.getHostAddress());
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            blacklist.remove(ip.getHostAddress());
            save();
            return false;
        }
        return true;
    }

    private static String key(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static InetSocketAddress parse(String key) {
        int colon = key.lastIndexOf(':');
        try {
            return new InetSocketAddress(InetAddress.getByName(key.substring(0, colon)),
                    Integer.parseInt(key.substring(colon + 1)));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("bad peer address " + key, e);
        }
    }

    static InetSocketAddress toSocket(PeerAddress p) {
        long ip = p.ip();
        byte[] b = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(b), p.port());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    static PeerAddress toPeerAddress(InetSocketAddress a) {
        byte[] b = a.getAddress().getAddress();
        long ip = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        return new PeerAddress(ip, a.getPort());
    }

    private void load(Path p) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(p));
            for (JsonNode n : root.path("peers")) {
                String addr = n.path("Addr").asString("");
                parse(addr);
                peers.put(addr, n.path("LastSeen").asLong(0));
            }
            Instant now = clock.instant();
            for (JsonNode n : root.path("blacklist")) {
                Instant until = Instant.ofEpochSecond(n.path("Until").asLong(0));
                if (now.isBefore(until)) {
                    blacklist.put(n.path("Addr").asString(""), until);
                }
            }
            LOG.info(() -> "peer list loaded from " + p + ": " + peers.size() + " peers, " + blacklist.size()
                    + " blacklisted");
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "ignoring an unreadable peer list " + p, e);
            peers.clear();
            blacklist.clear();
        }
    }

    private void save() {
        if (file.isEmpty()) {
            return;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        var ps = root.putArray("peers");
        peers.forEach((k, seen) -> ps.addObject().put("Addr", k).put("LastSeen", seen));
        var bl = root.putArray("blacklist");
        blacklist.forEach((k, until) -> bl.addObject().put("Addr", k).put("Until", until.getEpochSecond()));
        Path target = file.get();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(root));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save the peer list to " + target, e);
        }
    }
}
