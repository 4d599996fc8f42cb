package io.skyx.ops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.ResultCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replays exchange-core's whole 3,001,000-command benchmark stream and checks that the book ends exactly as the
 * file's {@code final_l2} header (recorded from exchange-core) says: our matching agrees with exchange-core's.
 */
class EcWorkloadReplayTest {
    private static EcWorkload workload;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Path.of(System.getProperty("skyx.shared.dir", "../shared"));
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " (../shared) not found: skipping workload replay");
        Path file = EcWorkload.defaultFile();
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " not found: skipping workload replay");
        workload = EcWorkload.load(file);
    }

    @ParameterizedTest
    @EnumSource(Engines.Implementation.class)
    void replayEndsWithExchangeCoresFinalBook(Engines.Implementation impl) {
        assertThat(workload.size).isEqualTo(3_001_000);
        assertThat(workload.prefill).isEqualTo(1_000);
        ExchangeEngine e = Engines.create(impl, EcWorkload.CONFIG, EventSink.NONE);
        long seq = EcWorkload.fund(e, 0);
        long rejected = 0;
        for (int i = 0; i < workload.size; i++) {
            if (workload.apply(e, i, ++seq) != ResultCode.OK) {
                rejected++;
            }
        }
        assertThat(e.l2Book(EcWorkload.MARKET, Integer.MAX_VALUE)).isEqualTo(workload.expected);
        assertThat(rejected).as("commands refused").isZero();
    }
}
