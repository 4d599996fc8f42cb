package io.skyx.node.daemon;

import java.util.concurrent.TimeUnit;

/** A snapshot of one connection for the API and metrics. */
public record PeerInfo(String address, boolean outgoing, boolean introduced, long headSeq, int listenPort,
                       String userAgent, long lastReceivedMillisAgo, long id, long mirror, long connectedAtMillis,
                       long lastSentMillis, long lastReceivedMillis) {

    static PeerInfo of(Connection c, long nowNanos) {
        return new PeerInfo(c.remote().getAddress().getHostAddress() + ":" + c.remote().getPort(), c.outgoing(),
                c.introduced(), c.peerHeadSeq(), c.peerListenPort(), c.peerUserAgent(),
                TimeUnit.NANOSECONDS.toMillis(nowNanos - c.lastReceivedNanos()), c.id(), c.peerMirror(),
                c.connectedAtMillis(), c.lastSentMillis(), c.lastReceivedMillis());
    }
}
