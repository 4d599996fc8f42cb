package io.skyx.api.settlement;

import io.skyx.skywire.RecordChecks;
import io.skyx.skywire.agent.KafkaRecordSink;
import io.skyx.skywire.agent.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run's simulated Skywire relays ({@code skyx.skywire.simulate.relays > 0}): the agent's simulate mode
 * in-process, publishing to the in-process broker every {@code interval-seconds} and claiming finished days, with
 * each relay registered on its own documentation-range IP so that an operator can settle an epoch on day one.
 */
final class LocalSimulation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSimulation.class);

    private final KafkaRecordSink sink;
    private final Simulator sim;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("skywire-sim").daemon().factory());

    LocalSimulation(int relays, long intervalSeconds, Path stateDir, String bootstrap, String topic,
                    RelayDirectory directory) throws IOException, SQLException {
        this.sink = new KafkaRecordSink(bootstrap, topic);
        this.sim = new Simulator(relays, 1, 1000, stateDir, sink);
        for (int i = 0; i < relays; i++) {
            directory.register(Simulator.key(1, i).pub(), "198.51.100." + (i + 1), null);
        }
        timer.scheduleWithFixedDelay(this::tick, 1, intervalSeconds, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis() / 1000;
            long today = RecordChecks.epochOf(now);
            int reports = sim.step(now);
            int claims = sim.claim(today - 1);
            LOG.debug("simulated relays: {} reports, {} claims", reports, claims);
        } catch (IOException | RuntimeException e) {
            LOG.warn("simulated relays: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sink.close();
    }
}
