package io.skyx.api.settlement;

import io.skyx.api.settlement.SettlementInput.Claim;
import io.skyx.api.settlement.SettlementInput.Report;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Computes one epoch's settlement from its {@link SettlementInput} (docs/skywire.md, "Settlement rules"):
 * <ol>
 *   <li>per claim, the listed reports that exist and are the relay's own for this epoch; per transport the one
 *       with the highest sequence number (counters are cumulative, so it is the last);</li>
 *   <li>per transport, the peer's last report of the epoch; the relay is credited {@code min(own.sent,
 *       peer.recv)} (sender pays). No peer report: 0 (one-edge rule, {@code UNPAIRED_TRANSPORT}); same external
 *       IP on both edges: 0 ({@code SAME_IP}); below the minimum: 0 ({@code BELOW_MIN_BYTES});</li>
 *   <li>relays without a known IP get no weight ({@code NO_IP}); per IP the {@code ipCap} relays with the most
 *       bytes (then lowest key) are kept, the rest get {@code IP_CAP};</li>
 *   <li>weights per {@link WeightRule}; payout = ⌊pool · weight / Σweight⌋ rounded down to 1000 droplets
 *       (0.001 SKY); the remainder of the pool is carried to the next epoch.</li>
 * </ol>
 * Integer arithmetic only; lines sorted by relay key.
 */
final class SettlementCalculator {
    /** Skycoin's output precision: 3 decimals of SKY = 1000 droplets. */
    static final long PRECISION_DROPLETS = 1000;

    private SettlementCalculator() {
    }

    /** One transport direction credited to a claiming relay. */
    record TransportLine(UUID transportId, PubKey peer, String type, long sent, long peerRecv, long credited,
                         Reason reason) {
    }

    /** One claim's line of the report. */
    record Line(PubKey relay, SHA256 claimId, String rewardAddress, String ip, long bytes, BigInteger weight,
                long payout, Set<Reason> reasons, List<TransportLine> transports) {
    }

    /** The outcome before serialisation. */
    record Outcome(long epoch, SettlementInput.Params params, long pool, List<Line> lines, long totalPaid,
                   long remainder) {
    }

    static Outcome compute(SettlementInput in) {
        SettlementInput.Params p = in.params();
        WeightRule rule = WeightRule.of(p.exponent());
        Map<SHA256, Report> byId = new HashMap<>();
        Map<UUID, Map<PubKey, Report>> lastByTransport = new HashMap<>();
        for (Report r : in.reports()) {
            byId.put(r.id(), r);
            lastByTransport.computeIfAbsent(r.transportId(), k -> new HashMap<>())
                    .merge(r.reporter(), r, (x, y) -> x.seq() >= y.seq() ? x : y);
        }
        List<Claim> claims = new ArrayList<>(in.claims());
        claims.sort(Comparator.comparing(c -> c.relay().hex()));
        Map<PubKey, long[]> bytes = new LinkedHashMap<>();
        Map<PubKey, Set<Reason>> reasons = new HashMap<>();
        Map<PubKey, List<TransportLine>> transports = new HashMap<>();
        for (Claim c : claims) {
            Set<Reason> rs = EnumSet.noneOf(Reason.class);
            Map<UUID, Report> own = new TreeMap<>();
            for (SHA256 id : c.reportIds()) {
                Report r = byId.get(id);
                if (r == null || !r.reporter().equals(c.relay())) {
                    rs.add(Reason.UNKNOWN_REPORT);
                    continue;
                }
                own.merge(r.transportId(), r, (x, y) -> x.seq() >= y.seq() ? x : y);
            }
            long total = 0;
            List<TransportLine> lines = new ArrayList<>();
            for (Report r : own.values()) {
                TransportLine line = credit(r, lastByTransport.get(r.transportId()).get(r.peer()), in.ips(), p);
                if (line.reason() != null) {
                    rs.add(line.reason());
                }
                total = Math.addExact(total, line.credited());
                lines.add(line);
            }
            bytes.put(c.relay(), new long[] {total});
            reasons.put(c.relay(), rs);
            transports.put(c.relay(), lines);
        }
        Map<PubKey, BigInteger> weights = weigh(claims, bytes, reasons, in.ips(), p.ipCap(), rule);
        BigInteger sum = weights.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        long pool = Math.addExact(p.poolDroplets(), p.carryIn());
        List<Line> out = new ArrayList<>();
        long paid = 0;
        for (Claim c : claims) {
            BigInteger w = weights.getOrDefault(c.relay(), BigInteger.ZERO);
            long payout = 0;
            if (sum.signum() > 0 && w.signum() > 0) {
                long share = BigInteger.valueOf(pool).multiply(w).divide(sum).longValueExact();
                payout = share - share % PRECISION_DROPLETS;
                if (payout == 0) {
                    reasons.get(c.relay()).add(Reason.BELOW_PRECISION);
                }
            }
            long b = bytes.get(c.relay())[0];
            if (b == 0) {
                reasons.get(c.relay()).add(Reason.NO_BYTES);
            }
            paid = Math.addExact(paid, payout);
            out.add(new Line(c.relay(), c.id(), c.rewardAddress(), in.ips().get(c.relay()), b, w, payout,
                    reasons.get(c.relay()), transports.get(c.relay())));
        }
        return new Outcome(in.epoch(), p, pool, out, paid, pool - paid);
    }

    private static TransportLine credit(Report own, Report peer, Map<PubKey, String> ips,
                                        SettlementInput.Params p) {
        if (peer == null) {
            return new TransportLine(own.transportId(), own.peer(), own.type(), own.sent(), -1, 0,
                    Reason.UNPAIRED_TRANSPORT);
        }
        String a = ips.get(own.reporter());
        String b = ips.get(own.peer());
        if (a != null && a.equals(b)) {
            return new TransportLine(own.transportId(), own.peer(), own.type(), own.sent(), peer.recv(), 0,
                    Reason.SAME_IP);
        }
        long credited = Math.min(own.sent(), peer.recv());
        if (credited < p.minBytes()) {
            return new TransportLine(own.transportId(), own.peer(), own.type(), own.sent(), peer.recv(), 0,
                    Reason.BELOW_MIN_BYTES);
        }
        return new TransportLine(own.transportId(), own.peer(), own.type(), own.sent(), peer.recv(), credited,
                own.sent() > peer.recv() ? Reason.CAPPED_BY_PEER : null);
    }

    private static Map<PubKey, BigInteger> weigh(List<Claim> claims, Map<PubKey, long[]> bytes,
                                                 Map<PubKey, Set<Reason>> reasons, Map<PubKey, String> ips,
                                                 int ipCap, WeightRule rule) {
        Map<String, List<PubKey>> byIp = new TreeMap<>();
        for (Claim c : claims) {
            if (bytes.get(c.relay())[0] == 0) {
                continue;
            }
            String ip = ips.get(c.relay());
            if (ip == null) {
                reasons.get(c.relay()).add(Reason.NO_IP);
                continue;
            }
            byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(c.relay());
        }
        Map<PubKey, BigInteger> weights = new HashMap<>();
        for (List<PubKey> relays : byIp.values()) {
            relays.sort(Comparator.<PubKey>comparingLong(k -> bytes.get(k)[0]).reversed()
                    .thenComparing(PubKey::hex));
            long total = 0;
            for (int i = 0; i < relays.size(); i++) {
                if (i < ipCap) {
                    total = Math.addExact(total, bytes.get(relays.get(i))[0]);
                } else {
                    reasons.get(relays.get(i)).add(Reason.IP_CAP);
                }
            }
            BigInteger ipWeight = rule.ipWeight(total);
            for (int i = 0; i < Math.min(ipCap, relays.size()); i++) {
                PubKey k = relays.get(i);
                weights.put(k, rule.weight(bytes.get(k)[0], total, ipWeight));
            }
        }
        return weights;
    }
}
