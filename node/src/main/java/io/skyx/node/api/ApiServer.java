package io.skyx.node.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The standalone node's HTTP server (JDK {@code com.sun.net.httpserver}) in front of {@link SkycoinApi}.
 * Request bodies above 1 MiB are refused.
 */
public final class ApiServer implements AutoCloseable {
    private static final int MAX_BODY = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

    private final HttpServer server;

    /** Starts serving {@code api} on {@code bindAddress} (port 0 picks a free port). */
    public ApiServer(SkycoinApi api, InetSocketAddress bindAddress) throws IOException {
        server = HttpServer.create(bindAddress, 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> handle(api, exchange));
        server.start();
    }

    /** @return the port actually bound */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(SkycoinApi api, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            ApiResponse response;
            if (body.length > MAX_BODY) {
                response = SkycoinApi.error(413, "request body too large");
            } else {
                response = safeHandle(api, exchange, body);
            }
            byte[] out = response.bytes();
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private static ApiResponse safeHandle(SkycoinApi api, HttpExchange exchange, byte[] body) {
        try {
            return api.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst(Csrf.HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "API request failed", e);
            return SkycoinApi.error(500, "");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
