package io.skyx.skywire.agent;

import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.DeterministicKeys;
import io.skyx.node.cipher.KeyPair;
import io.skyx.skywire.RecordChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code skywire-agent simulate}: N honest relays with deterministic keys ({@code "skywire-sim-<seed>-<i>"}),
 * relay i holding an {@code stcpr} transport to relays i+1 and i+2 (mod N). On the transport i→j relay i sends
 * {@link #rate(int, int)} bytes per second since the start of the UTC day, so both edges' counters agree
 * exactly ({@code A.sent = B.recv}) and every figure is known in advance. Each relay runs a real
 * {@link RelayAgent} with its own state directory.
 */
public final class Simulator {
    private final int n;
    private final long seed;
    private final long baseRate;
    private final List<RelayAgent> agents = new ArrayList<>();

    public Simulator(int relays, long seed, long baseRate, Path stateDir, RecordSink sink) throws IOException {
        if (relays < 3) {
            throw new IllegalArgumentException("simulate needs at least 3 relays");
        }
        this.n = relays;
        this.seed = seed;
        this.baseRate = baseRate;
        for (int i = 0; i < relays; i++) {
            agents.add(new RelayAgent(key(seed, i), stateDir.resolve("relay-" + i), sink));
        }
    }

    /** The key of simulated relay {@code i}. */
    public static KeyPair key(long seed, int i) {
        try {
            return DeterministicKeys.keyPair(("skywire-sim-" + seed + "-" + i).getBytes(StandardCharsets.UTF_8));
        } catch (CipherException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the agents, relay 0 first */
    public List<RelayAgent> agents() {
        return agents;
    }

    /** Bytes per second relay i sends to relay j (when they share a transport). */
    public long rate(int i, int j) {
        return baseRate * (1 + Math.floorMod(i * 31L + j * 17L + seed, 7));
    }

    /** @return whether i and j share a transport */
    public boolean linked(int i, int j) {
        int d = Math.floorMod(j - i, n);
        return i != j && (d == 1 || d == 2 || d == n - 1 || d == n - 2);
    }

    /** Every relay publishes its counters as read at {@code nowSeconds}; returns the reports published. */
    public int step(long nowSeconds) throws IOException {
        long epoch = RecordChecks.epochOf(nowSeconds - 1);
        long elapsed = nowSeconds - epoch * RecordChecks.DAY;
        int published = 0;
        for (int i = 0; i < n; i++) {
            List<Sample> samples = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (linked(i, j)) {
                    samples.add(new Sample(agents.get(j).key().pub(), "stcpr", null, epoch, rate(i, j) * elapsed,
                            rate(j, i) * elapsed, nowSeconds));
                }
            }
            published += agents.get(i).publish(samples);
        }
        return published;
    }

    /** Every relay claims {@code epoch} to its own address; returns the claims published. */
    public int claim(long epoch) throws IOException {
        int claims = 0;
        for (RelayAgent a : agents) {
            if (a.claim(epoch, a.key().address())) {
                claims++;
            }
        }
        return claims;
    }
}
