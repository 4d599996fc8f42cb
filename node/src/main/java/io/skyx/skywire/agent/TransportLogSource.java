package io.skyx.skywire.agent;

import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.skyx.skywire.RecordChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Skywire's per-UTC-day transport log ({@code <dir>/YYYY-MM-DD.csv}, header {@code tp_id,recv,sent,time_stamp},
 * one row per transport, counters cumulative for the day and reset at the rollover). The CSV has no edges or
 * type, so they come from the visor's transport list ({@code skywire-cli visor tp ls --json} shape: objects with
 * {@code id}, {@code remote_pk}, {@code type}); rows of unknown transports are skipped. {@code time_stamp} may be
 * in seconds, milliseconds or nanoseconds; rows whose time is outside the file's day are clamped to the day end.
 */
public final class TransportLogSource {
    private final Path dir;
    private final Map<UUID, String[]> transports = new HashMap<>();

    /** @param transportList JSON array of the visor's transports */
    public TransportLogSource(Path dir, Path transportList) throws IOException {
        this.dir = dir;
        JsonNode list = JsonMapper.builder().build().readTree(Files.readString(transportList, StandardCharsets.UTF_8));
        for (JsonNode t : list) {
            transports.put(UUID.fromString(t.get("id").asString()),
                    new String[] {t.get("remote_pk").asString(), t.get("type").asString()});
        }
    }

    /** @return the readings of day {@code epoch}'s file (empty if it does not exist) */
    public List<Sample> read(long epoch) throws IOException {
        Path file = dir.resolve(LocalDate.ofEpochDay(epoch) + ".csv");
        List<Sample> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().equals("tp_id,recv,sent,time_stamp")) {
            throw new IOException(file + ": expected the header tp_id,recv,sent,time_stamp");
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(",");
            if (f.length != 4) {
                throw new IOException(file + ": bad row '" + line + "'");
            }
            UUID id = UUID.fromString(f[0]);
            String[] t = transports.get(id);
            if (t == null) {
                continue;
            }
            try {
                long ts = Math.min(seconds(Long.parseLong(f[3])), (epoch + 1) * RecordChecks.DAY);
                out.add(new Sample(PubKey.fromHex(t[0]), t[1], id, epoch, Long.parseLong(f[2]), Long.parseLong(f[1]),
                        ts));
            } catch (CipherException | NumberFormatException e) {
                throw new IOException(file + ": bad row '" + line + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    static long seconds(long ts) {
        if (ts > 100_000_000_000_000L) {
            return ts / 1_000_000_000L;
        }
        if (ts > 100_000_000_000L) {
            return ts / 1000;
        }
        return ts;
    }
}
