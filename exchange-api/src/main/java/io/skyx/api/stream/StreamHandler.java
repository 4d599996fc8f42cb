package io.skyx.api.stream;

import io.skyx.api.security.SkyxUser;
import java.io.IOException;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * One WebSocket connection: the user is the HTTP session's (or signed handshake's) principal at the handshake,
 * or nobody; messages go to the {@link StreamHub}, which sends through the connection's own {@link Outbox}.
 */
final class StreamHandler extends TextWebSocketHandler {

    /** Client messages a connection may have waiting for the hub; a client past it is closed (code 4008). */
    static final int MAX_WAITING_REQUESTS = 1024;
    private static final String WAITING = "skyx.waiting";

    private final StreamHub hub;

    StreamHandler(StreamHub hub) {
        this.hub = hub;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put(WAITING, new AtomicInteger());
        hub.connected(session.getId(), session, userId(session.getPrincipal()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        AtomicInteger waiting = (AtomicInteger) session.getAttributes().get(WAITING);
        if (waiting.incrementAndGet() > MAX_WAITING_REQUESTS) {
            hub.countDrop();
            session.close(new CloseStatus(Outbox.SLOW_CONSUMER, "too many requests waiting"));
            return;
        }
        hub.received(session.getId(), message.getPayload(), waiting::decrementAndGet);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        hub.disconnected(session.getId());
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        hub.disconnected(session.getId());
    }

    static long userId(Principal principal) {
        if (principal instanceof Authentication a && a.isAuthenticated() && a.getPrincipal() instanceof SkyxUser u) {
            return u.id();
        }
        return 0;
    }
}
