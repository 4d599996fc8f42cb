package io.skyx.api.settlement;

import io.skyx.api.settlement.SettlementCalculator.Line;
import io.skyx.api.settlement.SettlementCalculator.Outcome;
import io.skyx.api.settlement.SettlementCalculator.TransportLine;
import io.skyx.node.cipher.SHA256;
import io.skyx.node.encoding.Encoder;
import io.skyx.skywire.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published settlement report of one epoch. Each line's leaf is {@code SHA-256(relay [33] ‖ claim_id [32] ‖
 * reward_address string ‖ bytes u64 ‖ weight []byte (big-endian) ‖ payout u64 ‖ reasons string)} (Skycoin
 * encoding, reasons comma-separated); the Merkle root is Skycoin's ({@link SHA256#merkle}) over the leaves in
 * line order. The report hash is {@code SHA-256} of the JSON text, which is written in a fixed field order.
 */
record SettlementReport(Outcome outcome, List<SHA256> leaves, SHA256 root, String json, String csv,
                        SHA256 hash) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static SettlementReport of(Outcome o) {
        List<SHA256> leaves = new ArrayList<>();
        for (Line l : o.lines()) {
            leaves.add(leaf(l));
        }
        SHA256 root = SHA256.merkle(leaves);
        ObjectNode j = JsonNodeFactory.instance.objectNode();
        j.put("epoch", o.epoch());
        j.put("pool_droplets", o.params().poolDroplets());
        j.put("carry_in_droplets", o.params().carryIn());
        j.put("weight_exponent", o.params().exponent());
        j.put("ip_cap", o.params().ipCap());
        j.put("min_bytes", o.params().minBytes());
        j.put("total_paid_droplets", o.totalPaid());
        j.put("remainder_droplets", o.remainder());
        j.put("merkle_root", root.hex());
        ArrayNode lines = j.putArray("lines");
        StringBuilder csv = new StringBuilder("relay,claim_id,reward_address,ip,bytes,weight,payout_droplets,reasons,"
                + "leaf\n");
        for (int i = 0; i < o.lines().size(); i++) {
            Line l = o.lines().get(i);
            lines.add(lineJson(l, leaves.get(i)));
            csv.append(l.relay().hex()).append(',').append(l.claimId().hex()).append(',').append(l.rewardAddress())
                    .append(',').append(l.ip() == null ? "" : l.ip()).append(',').append(l.bytes()).append(',')
                    .append(l.weight()).append(',').append(l.payout()).append(',')
                    .append(reasons(l).replace(',', ';')).append(',').append(leaves.get(i).hex()).append('\n');
        }
        String json = MAPPER.writeValueAsString(j);
        return new SettlementReport(o, leaves, root, json, csv.toString(),
                SHA256.sum(json.getBytes(StandardCharsets.UTF_8)));
    }

    static ObjectNode lineJson(Line l, SHA256 leaf) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("relay", l.relay().hex());
        n.put("claim_id", l.claimId().hex());
        n.put("reward_address", l.rewardAddress());
        if (l.ip() != null) {
            n.put("ip", l.ip());
        }
        n.put("bytes", l.bytes());
        n.put("weight", l.weight().toString());
        n.put("payout_droplets", l.payout());
        ArrayNode rs = n.putArray("reasons");
        l.reasons().forEach(r -> rs.add(r.name()));
        ArrayNode ts = n.putArray("transports");
        for (TransportLine t : l.transports()) {
            ObjectNode tn = ts.addObject();
            tn.put("t_id", t.transportId().toString());
            tn.put("peer", t.peer().hex());
            tn.put("type", t.type());
            tn.put("sent", t.sent());
            if (t.peerRecv() >= 0) {
                tn.put("peer_recv", t.peerRecv());
            }
            tn.put("credited", t.credited());
            if (t.reason() != null) {
                tn.put("reason", t.reason().name());
            }
        }
        n.put("leaf", leaf.hex());
        return n;
    }

    static String reasons(Line l) {
        return l.reasons().stream().map(Reason::name).collect(Collectors.joining(","));
    }

    static SHA256 leaf(Line l) {
        Encoder e = new Encoder(160);
        l.relay().writeTo(e);
        l.claimId().writeTo(e);
        e.string(l.rewardAddress());
        e.u64(l.bytes());
        e.byteSlice(l.weight().toByteArray());
        e.u64(l.payout());
        e.string(reasons(l));
        return SHA256.sum(e.toByteArray());
    }
}
