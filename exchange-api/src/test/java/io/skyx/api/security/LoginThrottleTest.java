package io.skyx.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final class FakeClock implements InstantSource {
        long millis = 1_700_000_000_000L;

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        void advance(Duration d) {
            millis += d.toMillis();
        }
    }

    private final FakeClock clock = new FakeClock();

    private LoginThrottle throttle(int accountMax, int ipMax) {
        SkyxSecurityProperties props = new SkyxSecurityProperties(null, null, null, null, accountMax,
                Duration.ofSeconds(30), Duration.ofMinutes(4), ipMax, Duration.ofMinutes(10), null);
        return new LoginThrottle(props, clock);
    }

    @Test
    void locksAnAccountAfterTheFailuresAndDoublesTheLockout() {
        LoginThrottle t = throttle(3, 1000);
        for (int i = 0; i < 2; i++) {
            assertThat(t.check("a@x.io", "1.1.1.1").allowed()).isTrue();
            t.failure("a@x.io", "1.1.1.1");
        }
        assertThat(t.check("a@x.io", "1.1.1.1").allowed()).isTrue();
        t.failure("a@x.io", "1.1.1.1");
        LoginThrottle.Verdict v = t.check("a@x.io", "1.1.1.1");
        assertThat(v.allowed()).isFalse();
        assertThat(v.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.check("a@x.io", "2.2.2.2").allowed()).as("the owner from elsewhere is not locked out").isTrue();
        assertThat(t.check("b@x.io", "1.1.1.1").allowed()).as("other accounts are not affected").isTrue();

        clock.advance(Duration.ofSeconds(30));
        assertThat(t.check("a@x.io", "1.1.1.1").allowed()).isTrue();
        t.failure("a@x.io", "1.1.1.1");
        assertThat(t.check("a@x.io", "1.1.1.1").retryAfter()).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        t.failure("a@x.io", "1.1.1.1");
        assertThat(t.check("a@x.io", "1.1.1.1").retryAfter()).isEqualTo(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(120));
        t.failure("a@x.io", "1.1.1.1");
        assertThat(t.check("a@x.io", "1.1.1.1").retryAfter()).as("capped").isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void successClearsTheAccountCount() {
        LoginThrottle t = throttle(3, 1000);
        t.failure("a@x.io", "1.1.1.1");
        t.failure("a@x.io", "1.1.1.1");
        t.success("a@x.io", "1.1.1.1");
        t.failure("a@x.io", "1.1.1.1");
        t.failure("a@x.io", "1.1.1.1");
        assertThat(t.check("a@x.io", "1.1.1.1").allowed()).isTrue();
    }

    @Test
    void oldFailuresAreForgottenAfterAQuietPeriod() {
        LoginThrottle t = throttle(3, 1000);
        t.failure("a@x.io", "1.1.1.1");
        t.failure("a@x.io", "1.1.1.1");
        clock.advance(Duration.ofMinutes(5));
        t.failure("a@x.io", "1.1.1.1");
        assertThat(t.check("a@x.io", "1.1.1.1").allowed()).isTrue();
    }

    @Test
    void blocksAnAddressAfterTooManyFailuresAcrossAccountsUntilTheWindowEnds() {
        LoginThrottle t = throttle(100, 4);
        for (int i = 0; i < 4; i++) {
            t.failure("user" + i + "@x.io", "9.9.9.9");
            clock.advance(Duration.ofSeconds(1));
        }
        LoginThrottle.Verdict v = t.check("fresh@x.io", "9.9.9.9");
        assertThat(v.allowed()).isFalse();
        assertThat(v.retryAfter()).isEqualTo(Duration.ofMinutes(10).minusSeconds(4));
        assertThat(t.check("fresh@x.io", "8.8.8.8").allowed()).isTrue();
        t.success("user0@x.io", "9.9.9.9");
        assertThat(t.check("fresh@x.io", "9.9.9.9").allowed()).as("a success does not unblock the address").isFalse();
        clock.advance(Duration.ofMinutes(10));
        assertThat(t.check("fresh@x.io", "9.9.9.9").allowed()).isTrue();
    }
}
