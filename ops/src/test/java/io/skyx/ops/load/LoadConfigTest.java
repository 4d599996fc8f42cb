package io.skyx.ops.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadConfigTest {

    @Test
    void parsesOptionsWithDefaults() {
        LoadConfig d = LoadConfig.parse(new String[0]);
        assertThat(d.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(d.clients()).isEqualTo(8);
        assertThat(d.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(d.jitWarmup()).isEqualTo(Duration.ofSeconds(30));

        LoadConfig c = LoadConfig.parse(new String[] {"--url", "http://localhost:9090/", "--clients", "3",
                "--warmup", "0", "--jit-warmup", "12", "--duration", "7", "--max-orders", "100", "--market", "SKY-BTC", "--seed", "42"});
        assertThat(c.baseUrl()).isEqualTo(URI.create("http://localhost:9090"));
        assertThat(c.clients()).isEqualTo(3);
        assertThat(c.warmup()).isZero();
        assertThat(c.jitWarmup()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.duration()).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.maxOrders()).isEqualTo(100);
        assertThat(c.seed()).isEqualTo(42);
    }

    @Test
    void refusesNonLoopbackTargetsAndBadValues() {
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--url", "http://192.0.2.10:8080"}))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--url", "http://example.com"}))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--url", "ftp://127.0.0.1"}))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--url", "http://127.0.0.1:8080/api"}))
                .hasMessageContaining("no path");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--clients", "0"})).hasMessageContaining("--clients");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--jit-warmup", "-1"}))
                .hasMessageContaining("--jit-warmup");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--clients", "x"})).hasMessageContaining("whole number");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--duration", "0"})).hasMessageContaining("--duration");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--market", "sky/btc"})).hasMessageContaining("--market");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--bogus", "1"})).hasMessageContaining("unknown");
        assertThatThrownBy(() -> LoadConfig.parse(new String[] {"--clients"})).hasMessageContaining("missing value");
    }

    @Test
    void recognisesLoopbackAddresses() {
        assertThat(LoadConfig.isLoopback("127.0.0.1")).isTrue();
        assertThat(LoadConfig.isLoopback("[::1]")).isTrue();
        assertThat(LoadConfig.isLoopback("10.0.0.1")).isFalse();
    }
}
