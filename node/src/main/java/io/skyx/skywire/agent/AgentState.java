package io.skyx.skywire.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent's persisted cursor ({@code agent-state.json}): the last sequence number, the records written ahead
 * of publishing ({@code pending}, re-sent byte for byte after a crash), the last window per transport, the last
 * report ID per epoch and transport (what the claim lists) and the claimed epochs. Saved atomically (temp file,
 * fsync, rename).
 */
final class AgentState {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Last window of a transport: its epoch, end, and counters at the end. */
    record Window(long epoch, long end, long sent, long recv) {
    }

    long seq;
    final List<String> pending = new ArrayList<>();
    final Map<String, Window> windows = new TreeMap<>();
    final Map<Long, Map<String, String>> epochReports = new TreeMap<>();
    final TreeSet<Long> claimed = new TreeSet<>();

    static AgentState load(Path file) throws IOException {
        AgentState s = new AgentState();
        if (!Files.exists(file)) {
            return s;
        }
        JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        s.seq = n.get("seq").asLong();
        n.get("pending").forEach(p -> s.pending.add(p.asString()));
        n.get("windows").properties().forEach(e -> s.windows.put(e.getKey(), new Window(e.getValue().get("epoch")
                .asLong(), e.getValue().get("end").asLong(), e.getValue().get("sent").asLong(),
                e.getValue().get("recv").asLong())));
        n.get("epoch_reports").properties().forEach(e -> {
            Map<String, String> m = new TreeMap<>();
            e.getValue().properties().forEach(t -> m.put(t.getKey(), t.getValue().asString()));
            s.epochReports.put(Long.parseLong(e.getKey()), m);
        });
        n.get("claimed").forEach(c -> s.claimed.add(c.asLong()));
        return s;
    }

    void save(Path file) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", seq);
        pending.forEach(n.putArray("pending")::add);
        ObjectNode w = n.putObject("windows");
        windows.forEach((k, v) -> w.putObject(k).put("epoch", v.epoch()).put("end", v.end()).put("sent", v.sent())
                .put("recv", v.recv()));
        ObjectNode er = n.putObject("epoch_reports");
        epochReports.forEach((epoch, m) -> {
            ObjectNode o = er.putObject(Long.toString(epoch));
            m.forEach(o::put);
        });
        claimed.forEach(n.putArray("claimed")::add);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(n), StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
