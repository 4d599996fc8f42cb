package io.skyx.node.api;

import io.skyx.node.daemon.Daemon;
import io.skyx.node.daemon.PeerInfo;
import io.skyx.node.service.SkycoinNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.skyx.node.api.Readable.F;

/** {@code /api/v1/health} and {@code /api/v1/network/connections} in Skycoin v0.27.1's shapes (src/api/health.go, readable/network.go). */
final class StatusJson {
    /** The user agent this node reports, in Skycoin's {@code name:version} form. */
    static final String USER_AGENT = "skyx:0.1.0";

    private final SkycoinNode node;
    private final Clock clock;
    private final Instant startedAt;

    StatusJson(SkycoinNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    static ObjectNode version() {
        ObjectNode v = F.objectNode();
        v.put("version", SkycoinApi.VERSION);
        v.put("commit", "");
        v.put("branch", "");
        return v;
    }

    ObjectNode verifyParams() {
        ObjectNode v = F.objectNode();
        v.put("burn_factor", node.softParams().burnFactor());
        v.put("max_transaction_size", node.softParams().maxTransactionSize());
        v.put("max_decimals", node.softParams().maxDropletPrecision());
        return v;
    }

    private List<PeerInfo> peers() {
        return node.daemon().map(Daemon::peers).orElse(List.of());
    }

    ObjectNode health() {
        var head = node.storedHead();
        ObjectNode bc = F.objectNode();
        bc.set("head", Readable.header(head.block().header()));
        bc.put("unspents", head.unspentCount());
        bc.put("unconfirmed", node.pool().size());
        long since = clock.instant().getEpochSecond() - head.block().header().time();
        bc.put("time_since_last_block", GoDuration.format(Duration.ofSeconds(since)));
        List<PeerInfo> conns = peers();
        ObjectNode o = F.objectNode();
        o.set("blockchain", bc);
        o.set("version", version());
        o.put("coin", "skycoin");
        o.put("user_agent", USER_AGENT);
        o.put("open_connections", conns.size());
        o.put("outgoing_connections", conns.stream().filter(PeerInfo::outgoing).count());
        o.put("incoming_connections", conns.stream().filter(x -> !x.outgoing()).count());
        o.put("uptime", GoDuration.format(Duration.between(startedAt, clock.instant())));
        o.put("csrf_enabled", true);
        o.put("header_check_enabled", false);
        o.put("csp_enabled", false);
        o.put("wallet_api_enabled", false);
        o.put("gui_enabled", false);
        o.put("block_publisher", node.config().publisher());
        o.set("user_verify_transaction", verifyParams());
        o.set("unconfirmed_verify_transaction", verifyParams());
        o.put("started_at", startedAt.getEpochSecond());
        ObjectNode fiber = F.objectNode();
        fiber.put("name", "skycoin");
        fiber.put("display_name", "Skycoin");
        fiber.put("ticker", "SKY");
        fiber.put("coin_hours_display_name", "Coin Hours");
        fiber.put("coin_hours_display_name_singular", "Coin Hour");
        fiber.put("coin_hours_ticker", "SCH");
        fiber.put("explorer_url", "https://explorer.skycoin.com");
        fiber.put("bip44_coin", 8000);
        o.set("fiber", fiber);
        return o;
    }

    /** Skycoin's default state filter is connected+introduced; "pending" is never reported by this daemon. */
    ObjectNode connections() {
        ArrayNode arr = F.arrayNode();
        for (PeerInfo x : peers()) {
            ObjectNode c = F.objectNode();
            c.put("id", x.id());
            c.put("address", x.address());
            c.put("last_sent", x.lastSentMillis() / 1000);
            c.put("last_received", x.lastReceivedMillis() / 1000);
            c.put("connected_at", x.connectedAtMillis() / 1000);
            c.put("outgoing", x.outgoing());
            c.put("state", x.introduced() ? "introduced" : "connected");
            c.put("mirror", x.mirror());
            c.put("listen_port", x.listenPort());
            c.set("height", Readable.u64(x.headSeq()));
            c.put("user_agent", x.userAgent());
            c.put("is_trusted_peer", node.config().peers().stream()
                    .anyMatch(pe -> x.address().equals(pe.getHostString() + ":" + pe.getPort())));
            c.set("unconfirmed_verify_transaction", verifyParams());
            arr.add(c);
        }
        ObjectNode o = F.objectNode();
        o.set("connections", arr);
        return o;
    }

    ObjectNode metadata() {
        var head = node.storedHead();
        ObjectNode o = F.objectNode();
        o.set("head", Readable.header(head.block().header()));
        o.put("unspents", head.unspentCount());
        o.put("unconfirmed", node.pool().size());
        return o;
    }

    ObjectNode progress() {
        SkycoinNode.Status s = node.status();
        ArrayNode peers = F.arrayNode();
        node.daemon().map(Daemon::peers).orElse(List.of()).stream().filter(PeerInfo::introduced)
                .forEach(x -> {
                    ObjectNode one = F.objectNode();
                    one.put("address", x.address());
                    one.set("height", Readable.u64(x.headSeq()));
                    peers.add(one);
                });
        ObjectNode o = F.objectNode();
        o.set("current", Readable.u64(s.headSeq()));
        o.set("highest", Readable.u64(s.highestSeq()));
        o.set("peers", peers);
        return o;
    }
}
