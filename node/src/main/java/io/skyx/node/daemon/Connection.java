package io.skyx.node.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One TCP connection to a peer: a blocking socket read by one virtual thread; writes are serialized. The
 * handshake state lives here; message handling is the {@link Daemon}'s.
 */
final class Connection {
    private final Socket socket;
    private final boolean outgoing;
    private final InetSocketAddress remote;
    private final DataInputStream in;
    private final OutputStream out;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long openedNanos = System.nanoTime();
    private volatile boolean introduced;
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile long lastSentNanos = System.nanoTime();
    private volatile long peerHeadSeq;
    private volatile long blocksReceivedNanos = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile int peerListenPort;
    private volatile String peerUserAgent = "";
    private volatile DisconnectReason closeReason;
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
    private final long id = IDS.incrementAndGet();
    private final long connectedAtMillis = System.currentTimeMillis();
    private volatile long lastReceivedMillis;
    private volatile long lastSentMillis;
    private volatile long peerMirror;

    Connection(Socket socket, boolean outgoing) throws IOException {
        this.socket = socket;
        this.outgoing = outgoing;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /**
     * Reads the next message. The socket's read timeout is the idle limit: a peer silent that long is an
     * {@link DisconnectReason#IDLE} error.
     */
    Optional<Message> read(int maxIncoming) throws IOException, PeerError {
        try {
            Optional<Message> m = Frames.read(in, maxIncoming);
            lastReceivedNanos = System.nanoTime();
            lastReceivedMillis = System.currentTimeMillis();
            return m;
        } catch (SocketTimeoutException e) {
            throw new PeerError(DisconnectReason.IDLE, "peer silent for longer than the idle limit");
        }
    }

    /** Sends one message; returns false if the connection is closed or the write fails. */
    boolean send(Message m) {
        if (closed.get()) {
            return false;
        }
        byte[] frame = Frames.encode(m);
        if (frame.length - 4 > Frames.MAX_OUTGOING) {
            throw new IllegalArgumentException(m.id() + " frame of " + frame.length + " bytes exceeds the outgoing limit");
        }
        synchronized (out) {
            try {
                out.write(frame);
                out.flush();
                lastSentNanos = System.nanoTime();
                lastSentMillis = System.currentTimeMillis();
                return true;
            } catch (IOException e) {
                closeQuietly(DisconnectReason.READ_FAILED);
                return false;
            }
        }
    }

    /** Sends DISC with {@code reason} (best effort) and closes. */
    void disconnect(DisconnectReason reason, Consumer<Connection> onClosed) {
        if (!closed.get()) {
            send(new Message.Disconnect(reason));
        }
        if (closeQuietly(reason)) {
            onClosed.accept(this);
        }
    }

    /** @return true if this call closed the connection */
    boolean closeQuietly(DisconnectReason reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        closeReason = reason;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closing; nothing else to release
        }
        return true;
    }

    void remoteSocketTimeout(java.time.Duration idle) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idle.toMillis()));
        socket.setTcpNoDelay(true);
    }

    boolean isClosed() {
        return closed.get();
    }

    boolean outgoing() {
        return outgoing;
    }

    InetSocketAddress remote() {
        return remote;
    }

    boolean introduced() {
        return introduced;
    }

    void markIntroduced(long mirror, int listenPort, String userAgent) {
        this.peerMirror = mirror;
        this.peerListenPort = listenPort;
        this.peerUserAgent = userAgent;
        this.introduced = true;
    }

    /** @return the connection's process-wide id (Skycoin's gnet id: 1, 2, …) */
    long id() {
        return id;
    }

    long connectedAtMillis() {
        return connectedAtMillis;
    }

    /** @return wall time of the last message read, 0 if none */
    long lastReceivedMillis() {
        return lastReceivedMillis;
    }

    /** @return wall time of the last message written, 0 if none */
    long lastSentMillis() {
        return lastSentMillis;
    }

    long peerMirror() {
        return peerMirror;
    }

    long openedNanos() {
        return openedNanos;
    }

    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    long peerHeadSeq() {
        return peerHeadSeq;
    }

    void peerHeadSeq(long seq) {
        if (Long.compareUnsigned(seq, peerHeadSeq) > 0) {
            peerHeadSeq = seq;
        }
    }

    /** @return when this peer last gave blocks that extended the head (its reply chain is then running) */
    long blocksReceivedNanos() {
        return blocksReceivedNanos;
    }

    void blocksReceived() {
        blocksReceivedNanos = System.nanoTime();
    }

    int peerListenPort() {
        return peerListenPort;
    }

    String peerUserAgent() {
        return peerUserAgent;
    }

    DisconnectReason closeReason() {
        return closeReason;
    }
}
