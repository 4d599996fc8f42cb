package io.skyx.api.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.settlement.SettlementCalculator.Line;
import io.skyx.api.settlement.SettlementCalculator.Outcome;
import io.skyx.api.settlement.SettlementInput.Claim;
import io.skyx.api.settlement.SettlementInput.Report;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.PubKey;
import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.Reason;
import io.skyx.skywire.TransportId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The settlement rules on hand-made epochs whose payouts are known to the droplet. */
class SettlementCalculatorTest {
    static final long POOL = 1_000_000_000L;

    /** Builds an epoch: transports between named relays with each edge's counters. */
    static final class Epoch {
        final List<Report> reports = new ArrayList<>();
        final Map<PubKey, List<SHA256>> own = new HashMap<>();
        final Map<PubKey, String> ips = new HashMap<>();
        int seq;

        /** a and b report the transport a–b: a sent aSent and received aRecv; b likewise. */
        Epoch link(KeyPair a, KeyPair b, long aSent, long aRecv, long bSent, long bRecv) {
            side(a, b, aSent, aRecv);
            side(b, a, bSent, bRecv);
            return this;
        }

        Epoch side(KeyPair me, KeyPair peer, long sent, long recv) {
            SHA256 id = SHA256.sum(new byte[] {(byte) ++seq, (byte) (seq >> 8)});
            reports.add(new Report(id, me.pub(), peer.pub(), TransportId.make(me.pub(), peer.pub(), "stcpr"), "stcpr",
                    sent, recv, seq));
            own.computeIfAbsent(me.pub(), k -> new ArrayList<>()).add(id);
            return this;
        }

        Epoch ip(KeyPair k, String ip) {
            ips.put(k.pub(), ip);
            return this;
        }

        Outcome settle(String exponent, int ipCap, long minBytes, KeyPair... claimants) {
            List<Claim> claims = new ArrayList<>();
            for (KeyPair k : claimants) {
                claims.add(new Claim(SHA256.sum(k.pub().bytes()), k.pub(), k.address().toString(),
                        own.getOrDefault(k.pub(), List.of())));
            }
            return SettlementCalculator.compute(new SettlementInput(20605, reports, claims, ips,
                    new SettlementInput.Params(POOL, 0, exponent, ipCap, minBytes)));
        }
    }

    static KeyPair k(String name) {
        return SkywireFixtures.relay(name);
    }

    static Line line(Outcome o, KeyPair k) {
        return o.lines().stream().filter(l -> l.relay().equals(k.pub())).findFirst().orElseThrow();
    }

    @Test
    void withExponentOneThePoolIsSharedInProportionToVerifiedBytes() {
        KeyPair a = k("a");
        KeyPair b = k("b");
        KeyPair c = k("c");
        Outcome o = new Epoch().link(a, b, 1000, 3000, 3000, 1000).link(a, c, 0, 6000, 6000, 0)
                .ip(a, "1.1.1.1").ip(b, "2.2.2.2").ip(c, "3.3.3.3").settle("1", 8, 64, a, b, c);
        assertThat(line(o, a).payout()).isEqualTo(100_000_000L);
        assertThat(line(o, b).payout()).isEqualTo(300_000_000L);
        assertThat(line(o, c).payout()).isEqualTo(600_000_000L);
        assertThat(line(o, a).reasons()).containsExactly(Reason.BELOW_MIN_BYTES);
        assertThat(o.totalPaid()).isEqualTo(POOL);
        assertThat(o.remainder()).isZero();
    }

    @Test
    void splittingOneOperatorOverManyKeysGainsNothing() {
        KeyPair honest = k("honest");
        KeyPair hub = k("hub");
        List<KeyPair> split = List.of(k("s1"), k("s2"), k("s3"), k("s4"));
        Epoch e = new Epoch().link(honest, hub, 4_000_000, 0, 0, 4_000_000).ip(honest, "1.1.1.1").ip(hub, "9.9.9.9");
        for (KeyPair s : split) {
            e.link(s, hub, 1_000_000, 0, 0, 1_000_000).ip(s, "2.2.2.2");
        }
        KeyPair[] claimants = {honest, split.get(0), split.get(1), split.get(2), split.get(3)};
        Outcome o = e.settle("0.5", 8, 64, claimants);
        assertThat(line(o, honest).payout()).isEqualTo(500_000_000L);
        for (KeyPair s : split) {
            assertThat(line(o, s).payout()).isEqualTo(125_000_000L);
        }
        assertThat(line(o, honest).weight()).isEqualTo(BigInteger.valueOf(2000).shiftLeft(32));
    }

    @Test
    void inflatedSameIpUnpairedAndUnknownClaimsAreLimitedWithTheirReasons() {
        KeyPair a = k("a");
        KeyPair b = k("b");
        KeyPair c = k("c");
        KeyPair d = k("d");
        KeyPair lone = k("lone");
        KeyPair nowhere = k("nowhere");
        Epoch e = new Epoch().link(a, b, 10_000_000, 1000, 1000, 10_000)
                .link(c, d, 5000, 5000, 5000, 5000)
                .side(lone, a, 7000, 0)
                .link(nowhere, b, 8000, 0, 0, 8000)
                .ip(a, "1.1.1.1").ip(b, "2.2.2.2").ip(c, "3.3.3.3").ip(d, "3.3.3.3").ip(lone, "4.4.4.4");
        e.own.get(b.pub()).add(SHA256.sum(new byte[] {42}));
        Outcome o = e.settle("1", 8, 64, a, b, c, lone, nowhere);
        assertThat(line(o, a).bytes()).isEqualTo(10_000);
        assertThat(line(o, a).reasons()).containsExactly(Reason.CAPPED_BY_PEER);
        assertThat(line(o, b).bytes()).isEqualTo(1000);
        assertThat(line(o, b).reasons()).containsExactly(Reason.BELOW_MIN_BYTES, Reason.UNKNOWN_REPORT);
        assertThat(line(o, c).payout()).isZero();
        assertThat(line(o, c).reasons()).containsExactly(Reason.SAME_IP, Reason.NO_BYTES);
        assertThat(line(o, lone).reasons()).containsExactly(Reason.UNPAIRED_TRANSPORT, Reason.NO_BYTES);
        assertThat(line(o, nowhere).bytes()).isEqualTo(8000);
        assertThat(line(o, nowhere).reasons()).containsExactly(Reason.NO_IP);
        assertThat(line(o, nowhere).payout()).isZero();
        long share = POOL * 10_000 / 11_000;
        assertThat(line(o, a).payout()).isEqualTo(share - share % 1000);
        long shareB = POOL * 1000 / 11_000;
        assertThat(line(o, b).payout()).isEqualTo(shareB - shareB % 1000);
        assertThat(o.remainder()).isEqualTo(POOL - line(o, a).payout() - line(o, b).payout()).isPositive();
    }

    @Test
    void theIpCapPaysOnlyTheLargestRelaysOfAnIp() {
        KeyPair hub = k("hub");
        List<KeyPair> many = new ArrayList<>();
        Epoch e = new Epoch().ip(hub, "9.9.9.9");
        for (int i = 0; i < 3; i++) {
            KeyPair r = k("r" + i);
            many.add(r);
            e.link(r, hub, 1000L * (i + 1), 0, 0, 1000L * (i + 1)).ip(r, "5.5.5.5");
        }
        Outcome o = e.settle("1", 2, 64, many.toArray(KeyPair[]::new));
        assertThat(line(o, many.get(0)).reasons()).containsExactly(Reason.IP_CAP);
        assertThat(line(o, many.get(0)).payout()).isZero();
        assertThat(line(o, many.get(1)).payout()).isEqualTo(400_000_000L);
        assertThat(line(o, many.get(2)).payout()).isEqualTo(600_000_000L);
    }

    @Test
    void payoutsAreWholeThousandsOfDropletsAndTheRemainderIsExact() {
        long seed = Long.getLong("skyx.seed", System.nanoTime());
        System.out.println("[settlement precision] seed=" + seed + " (rerun with -Dskyx.seed=" + seed + ")");
        Random rnd = new Random(seed);
        KeyPair hub = k("hub");
        Epoch e = new Epoch().ip(hub, "9.9.9.9");
        List<KeyPair> relays = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            KeyPair r = k("p" + i);
            relays.add(r);
            long bytes = 64 + rnd.nextInt(1_000_000_000);
            e.link(r, hub, bytes, 0, 0, bytes).ip(r, "10.0." + rnd.nextInt(8) + ".1");
        }
        Outcome o = e.settle("0.5", 3, 64, relays.toArray(KeyPair[]::new));
        long paid = 0;
        for (Line l : o.lines()) {
            assertThat(l.payout() % 1000).isZero();
            paid += l.payout();
        }
        assertThat(paid).isEqualTo(o.totalPaid()).isLessThanOrEqualTo(POOL);
        assertThat(o.remainder()).isEqualTo(POOL - paid).isLessThan(1001L * o.lines().size());
        Outcome again = e.settle("0.5", 3, 64, relays.toArray(KeyPair[]::new));
        assertThat(SettlementReport.of(again).hash()).isEqualTo(SettlementReport.of(o).hash());
    }

    @Test
    void theWeightRuleIsExactIntegerArithmeticAndRefusesBadExponents() {
        assertThat(WeightRule.iroot(BigInteger.valueOf(26), 3)).isEqualTo(BigInteger.TWO);
        assertThat(WeightRule.iroot(BigInteger.valueOf(27), 3)).isEqualTo(BigInteger.valueOf(3));
        WeightRule half = WeightRule.of("0.50");
        assertThat(half.fraction()).isEqualTo("1/2");
        assertThat(half.ipWeight(1_000_000)).isEqualTo(BigInteger.valueOf(1000).shiftLeft(32));
        assertThat(half.ipWeight(2)).isEqualTo(BigInteger.TWO.shiftLeft(64).sqrt());
        assertThat(WeightRule.of("0.75").fraction()).isEqualTo("3/4");
        assertThatThrownBy(() -> WeightRule.of("1.5")).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> WeightRule.of("0.001")).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> WeightRule.of("abc")).hasMessageContaining("not a decimal");
    }
}
