package io.skyx.skywire;

import io.skyx.node.cipher.SHA256;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON view of a signed record for humans, logs and the API (docs/skywire.md). It is a view only: the
 * signed form is always the binary encoding, carried as {@code wire} (hex).
 */
public final class RecordJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RecordJson() {
    }

    /** @return the JSON object of {@code record} */
    public static ObjectNode toJson(SignedRecord record) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", record.id().hex());
        switch (record.parsed()) {
            case UsageReport r -> {
                o.put("kind", "usage_report");
                o.put("reporter", r.reporter().hex());
                o.put("t_id", r.transportId().toString());
                ArrayNode edges = o.putArray("edges");
                edges.add(r.edge0().hex());
                edges.add(r.edge1().hex());
                o.put("type", r.type());
                o.put("window_start", r.windowStart());
                o.put("window_end", r.windowEnd());
                o.put("sent", r.sent());
                o.put("recv", r.recv());
                o.put("seq", r.seq());
            }
            case EpochClaim c -> {
                o.put("kind", "epoch_claim");
                o.put("relay", c.relay().hex());
                o.put("epoch", c.epoch());
                o.put("reward_address", c.rewardAddress().toString());
                ArrayNode reports = o.putArray("reports");
                for (SHA256 h : c.reports()) {
                    reports.add(h.hex());
                }
            }
        }
        o.put("sig", record.sig().hex());
        o.put("wire", java.util.HexFormat.of().formatHex(record.encode()));
        return o;
    }

    /** @return the JSON text of {@code record} */
    public static String toJsonString(SignedRecord record) {
        return MAPPER.writeValueAsString(toJson(record));
    }
}
