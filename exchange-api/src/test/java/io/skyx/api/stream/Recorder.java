package io.skyx.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.testing.TestSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** A stream client that keeps every message it receives, in order, and syncs with a ping. */
final class Recorder implements AutoCloseable {

    static final List<String> CHANNELS = List.of("book", "trades", "candles", "orders", "balances");
    static final String MARKET = "SKY-BTC";

    private final TestSocket ws;
    private final List<JsonNode> all = new ArrayList<>();

    Recorder(int port, String cookie) {
        ws = new TestSocket(port, cookie);
    }

    void send(String text) {
        ws.send(text);
    }

    /** Subscribes to every channel; {@code since} per channel (null: none) as {seq, idx} (idx -1: none). */
    void subscribeAll(java.util.Map<String, long[]> since) {
        for (String ch : CHANNELS) {
            StringBuilder s = new StringBuilder("{\"op\":\"subscribe\",\"channel\":\"" + ch + "\"");
            if (!ch.equals("orders") && !ch.equals("balances")) {
                s.append(",\"market\":\"" + MARKET + "\"");
            }
            long[] p = since == null ? null : since.get(ch);
            if (p != null) {
                s.append(",\"since\":").append(p[0]);
                if (p[1] >= 0) {
                    s.append(",\"idx\":").append(p[1]);
                }
            }
            ws.send(s.append('}').toString());
        }
    }

    /** Sends a ping and keeps everything that arrives before its pong. */
    List<JsonNode> sync() throws InterruptedException {
        ws.send("{\"op\":\"ping\"}");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonNode m = ws.inbox().poll(50, TimeUnit.MILLISECONDS);
            if (m == null) {
                continue;
            }
            if ("pong".equals(m.path("type").asString())) {
                return all;
            }
            all.add(m);
        }
        throw new AssertionError("no pong within 10 s");
    }

    /** Syncs until {@code channel} has a message with seq ≥ {@code seq}. */
    List<JsonNode> syncUntil(String channel, long seq) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (on(channel).stream().anyMatch(m -> m.path("seq").asLong() >= seq)) {
                return all;
            }
            sync();
        }
        throw new AssertionError("no " + channel + " message at seq " + seq);
    }

    /** Syncs until every channel has a message with seq ≥ {@code seq} (streams follow the journal on their own). */
    void syncAll(long seq) throws InterruptedException {
        for (String ch : CHANNELS) {
            syncUntil(ch, seq);
        }
    }

    List<JsonNode> all() {
        return all;
    }

    List<JsonNode> on(String channel) {
        return all.stream().filter(m -> channel.equals(m.path("channel").asString())).toList();
    }

    /** Where this client is on each channel: {seq, idx} of its last message (idx -1 after a snapshot). */
    java.util.Map<String, long[]> positions() {
        java.util.Map<String, long[]> p = new java.util.HashMap<>();
        for (String ch : CHANNELS) {
            List<JsonNode> msgs = on(ch);
            assertThat(msgs).as("messages on " + ch).isNotEmpty();
            JsonNode last = msgs.getLast();
            p.put(ch, new long[] {last.path("seq").asLong(), last.has("idx") ? last.path("idx").asLong() : -1});
        }
        return p;
    }

    /** The messages on {@code channel} after position {seq, idx}. */
    List<JsonNode> after(String channel, long[] pos) {
        return on(channel).stream().filter(m -> {
            long seq = m.path("seq").asLong();
            long idx = m.has("idx") ? m.path("idx").asLong() : Long.MAX_VALUE;
            long pIdx = pos[1] < 0 ? Long.MAX_VALUE : pos[1];
            return seq > pos[0] || (seq == pos[0] && idx > pIdx);
        }).toList();
    }

    @Override
    public void close() {
        ws.close();
    }
}
