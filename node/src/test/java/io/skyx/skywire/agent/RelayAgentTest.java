package io.skyx.skywire.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.TransportId;
import io.skyx.skywire.UsageReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay agent: windows, sequence numbers, restarts (clean and mid-publish), claims, key file, CSV log. */
class RelayAgentTest {
    static final long DAY0 = 1780272000L;
    static final long EPOCH0 = DAY0 / 86_400;

    @TempDir
    Path dir;

    /** Collects records; can be told to fail the next send (Kafka down, or the process dying before the ack). */
    static final class ListSink implements RecordSink {
        final List<byte[]> sent = new ArrayList<>();
        boolean failNext;

        @Override
        public void send(byte[] relayKey, List<byte[]> records) throws IOException {
            if (failNext) {
                failNext = false;
                throw new IOException("broker unavailable");
            }
            sent.addAll(records);
        }

        @Override
        public void close() {
        }

        List<UsageReport> reports() throws Exception {
            List<UsageReport> out = new ArrayList<>();
            for (byte[] w : sent) {
                if (SignedRecord.decode(w).parsed() instanceof UsageReport r) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    static Sample sample(KeyPair peer, long sent, long recv, long ts) {
        return new Sample(peer.pub(), "stcpr", null, EPOCH0, sent, recv, ts);
    }

    @Test
    void anAgentRestartedMidWindowReSendsNothingAndSkipsNothing() throws Exception {
        KeyPair me = Simulator.key(9, 0);
        KeyPair peer = Simulator.key(9, 1);
        ListSink sink = new ListSink();
        RelayAgent a = new RelayAgent(me, dir, sink);
        assertThat(a.publish(List.of(sample(peer, 100, 50, DAY0 + 600)))).isEqualTo(1);
        assertThat(a.publish(List.of(sample(peer, 100, 50, DAY0 + 900)))).isZero();
        RelayAgent restarted = new RelayAgent(me, dir, sink);
        assertThat(sink.sent).hasSize(1);
        assertThat(restarted.publish(List.of(sample(peer, 250, 80, DAY0 + 1200)))).isEqualTo(1);
        List<UsageReport> rs = sink.reports();
        assertThat(rs).extracting(UsageReport::seq).containsExactly(1L, 2L);
        assertThat(rs.get(0).windowStart()).isEqualTo(DAY0);
        assertThat(rs.get(0).windowEnd()).isEqualTo(DAY0 + 600);
        assertThat(rs.get(1).windowStart()).isEqualTo(DAY0 + 600);
        assertThat(rs.get(1).windowEnd()).isEqualTo(DAY0 + 1200);
        assertThat(rs.get(1).sent()).isEqualTo(250);
        assertThat(rs.get(1).transportId()).isEqualTo(TransportId.make(me.pub(), peer.pub(), "stcpr"));
    }

    @Test
    void aRecordWrittenAheadButNotAcknowledgedIsReSentByteForByteAfterARestart() throws Exception {
        KeyPair me = Simulator.key(9, 0);
        KeyPair peer = Simulator.key(9, 1);
        ListSink sink = new ListSink();
        RelayAgent a = new RelayAgent(me, dir, sink);
        a.publish(List.of(sample(peer, 100, 50, DAY0 + 600)));
        sink.failNext = true;
        assertThatThrownBy(() -> a.publish(List.of(sample(peer, 300, 90, DAY0 + 1200))))
                .isInstanceOf(IOException.class);
        assertThat(sink.sent).hasSize(1);
        RelayAgent restarted = new RelayAgent(me, dir, sink);
        assertThat(sink.sent).hasSize(2);
        assertThat(restarted.publish(List.of(sample(peer, 300, 90, DAY0 + 1200)))).isZero();
        assertThat(sink.reports()).extracting(UsageReport::seq).containsExactly(1L, 2L);
        assertThat(restarted.claim(EPOCH0, me.address())).isTrue();
        assertThat(restarted.claim(EPOCH0, me.address())).isFalse();
        EpochClaim claim = (EpochClaim) SignedRecord.decode(sink.sent.get(2)).parsed();
        assertThat(claim.reports()).containsExactly(SignedRecord.decode(sink.sent.get(1)).id());
    }

    @Test
    void decreasingCountersAndForeignTransportIdsAreNotPublished() throws Exception {
        KeyPair me = Simulator.key(9, 0);
        KeyPair peer = Simulator.key(9, 1);
        ListSink sink = new ListSink();
        RelayAgent a = new RelayAgent(me, dir, sink);
        a.publish(List.of(sample(peer, 100, 50, DAY0 + 600)));
        assertThat(a.publish(List.of(sample(peer, 90, 50, DAY0 + 900)))).isZero();
        assertThat(a.publish(List.of(new Sample(peer.pub(), "stcpr", TransportId.make(me.pub(), peer.pub(), "dmsg"),
                EPOCH0, 500, 500, DAY0 + 1000)))).isZero();
        assertThat(a.skipped()).isEqualTo(2);
        assertThat(sink.sent).hasSize(1);
    }

    @Test
    void theKeyFileMustNotBeReadableByOthers() throws Exception {
        Path key = dir.resolve("relay.key");
        KeyPair k = RelayKeyFile.create(key);
        assertThat(RelayKeyFile.load(key)).isEqualTo(k);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> RelayKeyFile.load(key)).isInstanceOf(IOException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void theCommandLineMakesKeysAndRefusesBadUsage() throws Exception {
        Path key = dir.resolve("k");
        var out = new java.io.ByteArrayOutputStream();
        var ps = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(new AgentCommand().run(List.of("keygen", "--key", key.toString()), ps, ps)).isZero();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo(RelayKeyFile.load(key).pub().hex());
        assertThatThrownBy(() -> new AgentCommand().run(List.of(), ps, ps))
                .isInstanceOf(io.skyx.node.cli.UsageException.class);
        assertThatThrownBy(() -> new AgentCommand().run(List.of("fly"), ps, ps))
                .hasMessageContaining("unknown mode");
        assertThat(new AgentCommand().run(List.of("keygen", "--key", key.toString()), ps, ps)).isEqualTo(1);
    }

    @Test
    void theTransportLogCsvGivesOneSamplePerKnownTransport() throws Exception {
        KeyPair me = Simulator.key(9, 0);
        KeyPair peer = Simulator.key(9, 1);
        var id = TransportId.make(me.pub(), peer.pub(), "stcpr");
        Path list = dir.resolve("tps.json");
        Files.writeString(list, "[{\"id\":\"" + id + "\",\"local_pk\":\"" + me.pub().hex() + "\",\"remote_pk\":\""
                + peer.pub().hex() + "\",\"type\":\"stcpr\"}]", StandardCharsets.UTF_8);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("2026-06-01.csv"), "tp_id,recv,sent,time_stamp\n" + id + ",70,1234,"
                + (DAY0 + 3600) * 1_000_000_000L + "\n" + "00000000-0000-0000-0000-000000000001,1,1,1\n");
        List<Sample> samples = new TransportLogSource(logs, list).read(EPOCH0);
        assertThat(samples).containsExactly(new Sample(peer.pub(), "stcpr", id, EPOCH0, 1234, 70, DAY0 + 3600));
        assertThat(new TransportLogSource(logs, list).read(EPOCH0 + 1)).isEmpty();
    }

    @Test
    void transportDiscoveryMetricsGiveTheRelaysOwnSideAndARestartResendsAndSkipsNothing() throws Exception {
        KeyPair me = Simulator.key(9, 0);
        KeyPair p1 = Simulator.key(9, 1);
        KeyPair p2 = Simulator.key(9, 2);
        KeyPair p3 = Simulator.key(9, 3);
        Path metrics = dir.resolve("metrics.json");
        Files.writeString(metrics, metricsJson(me, p1, p2, p3, 5000, 400, 7000, 900));
        TransportMetricsSource source = new TransportMetricsSource(me.pub(), metrics.toString());
        List<Sample> samples = source.read(EPOCH0, DAY0 + 3600);
        assertThat(samples).containsExactlyInAnyOrder(
                new Sample(p1.pub(), "stcpr", TransportId.make(me.pub(), p1.pub(), "stcpr"), EPOCH0, 5000, 400,
                        DAY0 + 3600),
                new Sample(p2.pub(), "sudph", TransportId.make(me.pub(), p2.pub(), "sudph"), EPOCH0, 7000, 900,
                        DAY0 + 3600));
        assertThat(source.read(EPOCH0 - 2, DAY0)).as("no record of that day").isEmpty();
        assertThat(source.read(EPOCH0 - 1, DAY0 + 3600)).extracting(Sample::sent, Sample::timestamp)
                .as("the day before, read at its end").containsOnly(org.assertj.core.groups.Tuple.tuple(1L, DAY0));
        assertThat(source.read(EPOCH0, DAY0 + 5 * 86_400)).extracting(Sample::timestamp)
                .as("a finished day is read at its end").containsOnly(DAY0 + 86_400);

        ListSink sink = new ListSink();
        Path state = dir.resolve("state");
        assertThat(new RelayAgent(me, state, sink).publish(samples)).isEqualTo(2);
        // the TPD overwrote this relay's side of one transport with zeros; then the agent restarts mid-window
        Files.writeString(metrics, metricsJson(me, p1, p2, p3, 0, 0, 9000, 1000));
        RelayAgent restarted = new RelayAgent(me, state, sink);
        assertThat(restarted.publish(source.read(EPOCH0, DAY0 + 7200))).isEqualTo(1);
        assertThat(restarted.skipped()).as("the zeroed side is skipped, not reported as a decrease").isEqualTo(1);
        Files.writeString(metrics, metricsJson(me, p1, p2, p3, 6000, 500, 9000, 1000));
        assertThat(new RelayAgent(me, state, sink).publish(source.read(EPOCH0, DAY0 + 10_800))).isEqualTo(1);
        List<UsageReport> sent = sink.reports();
        assertThat(sent).extracting(UsageReport::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(sent.stream().filter(r -> r.edge0().equals(p1.pub()) || r.edge1().equals(p1.pub()))
                .map(r -> r.windowStart() + "-" + r.windowEnd() + ":" + r.sent()).toList())
                .as("windows continue without gap or overlap").containsExactly(DAY0 + "-" + (DAY0 + 3600) + ":5000",
                        (DAY0 + 3600) + "-" + (DAY0 + 10_800) + ":6000");

        Files.writeString(metrics, "{\"not\":\"an array\"}");
        assertThatThrownBy(() -> source.read(EPOCH0, DAY0)).isInstanceOf(IOException.class)
                .hasMessageContaining("array");
        Files.writeString(metrics, "[{\"id\":\"" + TransportId.make(me.pub(), p1.pub(), "stcpr") + "\",\"type\":"
                + "\"stcpr\",\"edges\":[\"" + me.pub().hex() + "\",\"" + p1.pub().hex() + "\"],\"daily\":[{\"date\":"
                + "\"2026-06-01\",\"a\":{\"sent\":-5,\"recv\":1}}]}]");
        assertThatThrownBy(() -> source.read(EPOCH0, DAY0)).isInstanceOf(IOException.class)
                .hasMessageContaining("non-negative");
    }

    /** TPD metrics: me–p1 (stcpr), me–p2 (sudph), p1–p3 (not mine); each edge's side as {@code edges} orders them. */
    private static String metricsJson(KeyPair me, KeyPair p1, KeyPair p2, KeyPair p3, long s1, long r1, long s2,
                                      long r2) {
        return "[" + entry(me, p1, "stcpr", s1, r1) + "," + entry(me, p2, "sudph", s2, r2) + ","
                + entry(p1, p3, "stcpr", 77, 88) + "]";
    }

    private static String entry(KeyPair self, KeyPair peer, String type, long sent, long recv) {
        var edges = TransportId.sortEdges(self.pub(), peer.pub());
        String mine = "{\"sent\":" + sent + ",\"recv\":" + recv + "}";
        String theirs = "{\"sent\":" + (recv + 1) + ",\"recv\":" + sent + "}";
        boolean selfFirst = edges[0].equals(self.pub());
        return "{\"id\":\"" + TransportId.make(self.pub(), peer.pub(), type) + "\",\"type\":\"" + type
                + "\",\"live\":true,\"edges\":[\"" + edges[0].hex() + "\",\"" + edges[1].hex() + "\"],\"daily\":["
                + "{\"date\":\"2026-05-31\",\"a\":{\"sent\":1,\"recv\":1},\"b\":{\"sent\":1,\"recv\":1}},"
                + "{\"date\":\"2026-06-01\",\"a\":" + (selfFirst ? mine : theirs) + ",\"b\":"
                + (selfFirst ? theirs : mine) + "}]}";
    }
}
