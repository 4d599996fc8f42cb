package io.skyx.skywire.agent;

import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SHA256;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.RecordChecks;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.TransportId;
import io.skyx.skywire.UsageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One relay's agent: turns counter readings into signed usage reports, one per transport whose counters moved,
 * covering {@code [previous end, reading time)} (or from the start of the day), with the next sequence number;
 * and, once a day is over, the epoch claim listing the last report of each transport.
 *
 * <p>Restarts neither re-send nor skip: the records of a step are written to the state file before they are
 * published and cleared once Kafka acknowledged them; a crash in between re-sends exactly the same bytes (the
 * ingester counts them as duplicates by content hash). Windows continue from the persisted end.
 */
public final class RelayAgent {
    private static final HexFormat HEX = HexFormat.of();

    private final KeyPair key;
    private final Path stateFile;
    private final RecordSink sink;
    private final AgentState state;
    private long skipped;

    /** Loads the state in {@code stateDir} and re-sends whatever was pending when the agent stopped. */
    public RelayAgent(KeyPair key, Path stateDir, RecordSink sink) throws IOException {
        this.key = key;
        Files.createDirectories(stateDir);
        this.stateFile = stateDir.resolve("agent-state.json");
        this.sink = sink;
        this.state = AgentState.load(stateFile);
        flushPending();
    }

    /** @return the relay key */
    public KeyPair key() {
        return key;
    }

    /** @return the last sequence number used */
    public long lastSeq() {
        return state.seq;
    }

    /** @return readings not published because they were inconsistent (wrong ID, decreasing counters) */
    public long skipped() {
        return skipped;
    }

    /** Publishes a report for each reading whose counters moved since the last report; returns how many. */
    public int publish(List<Sample> samples) throws IOException {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing((Sample s) -> s.remote().hex()).thenComparing(Sample::type)
                .thenComparingLong(Sample::epoch));
        int n = 0;
        for (Sample s : sorted) {
            UUID id = TransportId.make(key.pub(), s.remote(), s.type());
            if (s.transportId() != null && !s.transportId().equals(id)) {
                skipped++;
                continue;
            }
            String k = id.toString();
            AgentState.Window prev = state.windows.get(k);
            long dayStart = s.epoch() * RecordChecks.DAY;
            long end = Math.min(s.timestamp(), dayStart + RecordChecks.DAY);
            long start = dayStart;
            if (prev != null && prev.epoch() == s.epoch()) {
                if (s.sent() < prev.sent() || s.recv() < prev.recv()) {
                    skipped++;
                    continue;
                }
                if (s.sent() == prev.sent() && s.recv() == prev.recv()) {
                    continue;
                }
                start = prev.end();
            } else if (prev != null && prev.epoch() > s.epoch()) {
                continue;
            }
            if (end <= start) {
                continue;
            }
            UsageReport r = UsageReport.of(key.pub(), s.remote(), s.type(), start, end, s.sent(), s.recv(),
                    state.seq + 1);
            SignedRecord signed = SignedRecord.sign(r, key.sec());
            state.seq++;
            state.windows.put(k, new AgentState.Window(s.epoch(), end, s.sent(), s.recv()));
            state.epochReports.computeIfAbsent(s.epoch(), e -> new java.util.TreeMap<>()).put(k, signed.id().hex());
            state.pending.add(HEX.formatHex(signed.encode()));
            n++;
        }
        if (n > 0) {
            state.save(stateFile);
            flushPending();
        }
        return n;
    }

    /** Publishes the claim for a finished epoch once (no-op if already claimed or nothing was reported). */
    public boolean claim(long epoch, Address rewardAddress) throws IOException {
        Map<String, String> reports = state.epochReports.get(epoch);
        if (state.claimed.contains(epoch) || reports == null || reports.isEmpty()) {
            return false;
        }
        List<SHA256> ids = new ArrayList<>();
        for (String hex : reports.values()) {
            ids.add(SHA256.of(HEX.parseHex(hex)));
        }
        SignedRecord claim = SignedRecord.sign(new EpochClaim(key.pub(), epoch, rewardAddress, ids), key.sec());
        state.claimed.add(epoch);
        state.epochReports.remove(epoch);
        state.pending.add(HEX.formatHex(claim.encode()));
        state.save(stateFile);
        flushPending();
        return true;
    }

    /** @return the epochs with reports and no claim yet */
    public List<Long> unclaimedEpochs() {
        return List.copyOf(state.epochReports.keySet());
    }

    private void flushPending() throws IOException {
        if (state.pending.isEmpty()) {
            return;
        }
        List<byte[]> wire = new ArrayList<>();
        for (String hex : state.pending) {
            wire.add(HEX.parseHex(hex));
        }
        sink.send(key.pub().bytes(), wire);
        state.pending.clear();
        state.save(stateFile);
    }
}
