package io.skyx.skywire.agent;

import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.skyx.skywire.RecordChecks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Skywire's Transport Discovery metrics (newer visors, which retired the CSV log; field-notes §1.3):
 * {@code GET /metrics?days=N&bandwidth=true&edges=true} returns {@code [{id, type, live, edges[2], daily: [{date,
 * a: {sent, recv}, b: {sent, recv}}]}]}, where {@code a} is the view of {@code edges[0]} and {@code b} of
 * {@code edges[1]}. The source is an http(s) URL or a file holding that JSON. Only transports this relay is an
 * edge of are read, and only its own side: the peer's side is the peer's to report. A record whose own side went
 * down (the TPD overwriting one side with zeros) is passed on as read; the agent skips readings below its last
 * report, so it never reports a decrease. The daily record has no time, so a reading is taken at the read time,
 * or at the end of the day for a finished day.
 */
public final class TransportMetricsSource {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PubKey self;
    private final String source;

    /** @param source an {@code http://} or {@code https://} URL, or a file path */
    public TransportMetricsSource(PubKey self, String source) {
        this.self = self;
        this.source = source;
    }

    /** @return this relay's readings of day {@code epoch}, taken at {@code nowSeconds} */
    public List<Sample> read(long epoch, long nowSeconds) throws IOException {
        return parse(fetch(), epoch, nowSeconds);
    }

    List<Sample> parse(String json, long epoch, long nowSeconds) throws IOException {
        String date = LocalDate.ofEpochDay(epoch).toString();
        long ts = Math.min(nowSeconds, (epoch + 1) * RecordChecks.DAY);
        List<Sample> out = new ArrayList<>();
        try {
            JsonNode list = JSON.readTree(json);
            if (!list.isArray()) {
                throw new IOException("transport metrics: expected a JSON array");
            }
            for (JsonNode t : list) {
                JsonNode edges = t.path("edges");
                if (edges.size() != 2) {
                    throw new IOException("transport metrics: transport " + t.path("id") + " without two edges");
                }
                PubKey e0 = PubKey.fromHex(edges.get(0).asString());
                PubKey e1 = PubKey.fromHex(edges.get(1).asString());
                String side = self.equals(e0) ? "a" : self.equals(e1) ? "b" : null;
                if (side == null) {
                    continue;
                }
                for (JsonNode d : t.path("daily")) {
                    if (!date.equals(d.path("date").asString())) {
                        continue;
                    }
                    JsonNode mine = d.path(side);
                    long sent = counter(mine, "sent");
                    long recv = counter(mine, "recv");
                    out.add(new Sample(side.equals("a") ? e1 : e0, t.path("type").asString(),
                            UUID.fromString(t.path("id").asString()), epoch, sent, recv, ts));
                }
            }
        } catch (JacksonException | CipherException | IllegalArgumentException | DateTimeParseException e) {
            throw new IOException("transport metrics: " + e.getMessage(), e);
        }
        return out;
    }

    private static long counter(JsonNode side, String name) throws IOException {
        JsonNode v = side.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToLong() || v.asLong() < 0) {
            throw new IOException("transport metrics: " + name + " must be a non-negative integer, got " + v);
        }
        return v.asLong();
    }

    private String fetch() throws IOException {
        if (!source.startsWith("http://") && !source.startsWith("https://")) {
            return Files.readString(Path.of(source), StandardCharsets.UTF_8);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(source))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("transport metrics: " + source + " answered " + r.statusCode());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
