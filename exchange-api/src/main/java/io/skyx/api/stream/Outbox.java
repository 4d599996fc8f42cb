package io.skyx.api.stream;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connection's bounded outbound queue. {@link #offer} never blocks: the text is queued and a sender of this
 * connection alone (a virtual thread, started when the queue stops being empty) writes it out. A client that
 * does not read fills its own queue; past {@code limitChars} the offer fails and the hub closes the connection.
 */
final class Outbox {

    /** Close code for a client that fell too far behind (its queue overflowed); it may resume with "since". */
    static final int SLOW_CONSUMER = 4008;

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final WebSocketSession session;
    private final long limitChars;
    private final Executor senders;
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;

    Outbox(WebSocketSession session, long limitChars, Executor senders) {
        this.session = session;
        this.limitChars = limitChars;
        this.senders = senders;
    }

    /** Queues a message; false (and nothing queued) when the connection is closed or its queue is full. */
    boolean offer(String text) {
        if (closed) {
            return false;
        }
        if (queued.addAndGet(text.length()) > limitChars) {
            queued.addAndGet(-text.length());
            return false;
        }
        queue.add(text);
        if (draining.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
        return true;
    }

    private void drain() {
        while (true) {
            for (String s = queue.poll(); s != null; s = queue.poll()) {
                queued.addAndGet(-s.length());
                if (closed) {
                    continue;
                }
                try {
                    session.sendMessage(new TextMessage(s));
                } catch (IOException | RuntimeException e) {
                    log.debug("WebSocket {} send failed: {}", session.getId(), e.toString());
                    close(CloseStatus.SERVER_ERROR);
                }
            }
            draining.set(false);
            if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** Characters queued and not yet written. */
    long queued() {
        return queued.get();
    }

    /**
     * Drops what is queued and closes the connection with {@code status}. The close frame follows whatever write
     * is in progress; a client that never reads again is cut off by the server's send timeout.
     */
    void close(CloseStatus status) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        senders.execute(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("WebSocket {} close failed: {}", session.getId(), e.toString());
            }
        });
    }

    boolean closed() {
        return closed;
    }
}
