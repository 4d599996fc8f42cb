package io.skyx.ops.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadNonceTest {

    @Test
    void timestampsOfOneClientNeverRepeatEvenWithinOneMillisecond() {
        Set<Long> seen = new HashSet<>();
        long ts = 0;
        for (int i = 0; i < 10_000; i++) {
            long now = 1_700_000_000_000L + i / 100;
            ts = LoadClient.nextTimestamp(ts, now);
            assertThat(seen.add(ts)).as("timestamp %d used twice", ts).isTrue();
            assertThat(ts).isGreaterThanOrEqualTo(now);
        }
        assertThat(LoadClient.nextTimestamp(5, 100)).as("the clock wins when it moved on").isEqualTo(100);
    }

    @Test
    void signaturesOfConsecutiveRequestsDiffer() {
        ApiSigner signer = new ApiSigner("secret");
        byte[] body = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long t1 = LoadClient.nextTimestamp(0, 1000);
        long t2 = LoadClient.nextTimestamp(t1, 1000);
        assertThat(signer.sign(Long.toString(t1), "POST", "/api/v1/orders", body))
                .isNotEqualTo(signer.sign(Long.toString(t2), "POST", "/api/v1/orders", body));
    }

    @Test
    void prometheusCountersAreRead() {
        String text = "# HELP x\nskyx_sequencer_batch_size_count{application=\"skyx\"} 42.0\n"
                + "skyx_sequencer_batch_size_sum{application=\"skyx\"} 1234.0\n";
        assertThat(AppMetrics.value(text, "skyx_sequencer_batch_size_count")).isEqualTo(42.0);
        assertThat(AppMetrics.value(text, "skyx_sequencer_batch_size_sum")).isEqualTo(1234.0);
        assertThat(AppMetrics.value(text, "absent")).isZero();
    }

    @Test
    void clientStepsParse() {
        LoadConfig c = LoadConfig.parse(new String[] {"--clients", "16,64", "--app-pid", "77"});
        assertThat(c.steps()).containsExactly(16, 64);
        assertThat(c.clients()).isEqualTo(64);
        assertThat(c.appPid()).isEqualTo(77);
    }
}
