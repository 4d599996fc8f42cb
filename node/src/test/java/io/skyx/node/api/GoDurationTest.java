package io.skyx.node.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Go's time.Duration.String() for the values Go's own tests list (time/time_test.go durationTests). */
class GoDurationTest {
    @ParameterizedTest
    @CsvSource({"0,0s", "1,1ns", "1100,1.1µs", "2200000,2.2ms", "3300000000,3.3s", "245000000000,4m5s",
            "245001000000,4m5.001s", "18305001000000,5h5m5.001s", "28800000000001,8h0m0.000000001s",
            "-1,-1ns", "60000000000,1m0s", "3600000000000,1h0m0s"})
    void formatsLikeGo(long nanos, String go) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(go);
    }
}
