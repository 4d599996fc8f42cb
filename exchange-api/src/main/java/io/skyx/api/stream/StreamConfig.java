package io.skyx.api.stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** The WebSocket endpoint {@code /ws} (same-origin browsers; clients without an Origin header, e.g. bots). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamConfig implements WebSocketConfigurer {

    static final int MAX_CLIENT_MESSAGE = 4096;

    private final StreamHub hub;

    StreamConfig(StreamHub hub) {
        this.hub = hub;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new StreamHandler(hub), "/ws");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean c = new ServletServerContainerFactoryBean();
        c.setMaxTextMessageBufferSize(MAX_CLIENT_MESSAGE);
        c.setMaxBinaryMessageBufferSize(MAX_CLIENT_MESSAGE);
        c.setMaxSessionIdleTimeout(300_000L);
        return c;
    }
}
