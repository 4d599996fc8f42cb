package io.skyx.api.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** A test WebSocket client for {@code /ws}: collects JSON messages, waits for the one that matches. */
public final class TestSocket implements AutoCloseable {

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final WebSocket ws;

    /** Connects to {@code ws://localhost:port/ws}, sending {@code cookieHeader} (may be null) with the handshake. */
    public TestSocket(int port, String cookieHeader) {
        this(cookieHeader == null || cookieHeader.isEmpty() ? Map.of() : Map.of("Cookie", cookieHeader), port);
    }

    /** Connects to {@code ws://localhost:port/ws}, sending {@code headers} with the handshake. */
    public static TestSocket withHeaders(int port, Map<String, String> headers) {
        return new TestSocket(headers, port);
    }

    private TestSocket(Map<String, String> headers, int port) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        ws = b.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    inbox.add(TestBrowser.json(partial.toString()));
                    partial.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).join();
    }

    /** Sends a text frame. */
    public void send(String text) {
        ws.sendText(text, true).join();
    }

    /** The next message matching {@code p} within 10 s (others are skipped), or an AssertionError. */
    public JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonNode m = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (m != null && p.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no matching WebSocket message within 10 s");
    }

    /** Messages received and not yet taken. */
    public BlockingQueue<JsonNode> inbox() {
        return inbox;
    }

    @Override
    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
}
