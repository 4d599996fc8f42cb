package io.skyx.api.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The group commit waits for more commands only while they arrive faster than half its delay. */
class CommitDelayTest {

    private static final long US = 1_000;

    @Test
    void aLoneClientIsNeverDelayed() {
        CommitDelay d = new CommitDelay(1_000 * US, 64);
        long t = 0;
        for (int i = 0; i < 10; i++) {
            d.arrived(t);
            assertThat(d.holdFor(1, t, t)).isZero();
            t += 2_000 * US;
        }
    }

    @Test
    void underLoadASmallBatchWaitsUntilTheDelayAfterItsFirstCommand() {
        CommitDelay d = new CommitDelay(1_000 * US, 64);
        long t = 0;
        for (int i = 0; i < 50; i++) {
            d.arrived(t);
            t += 100 * US;
        }
        long first = t;
        assertThat(d.holdFor(3, first, first + 200 * US)).isEqualTo(800 * US);
        assertThat(d.holdFor(3, first, first + 1_000 * US)).isZero();
        assertThat(d.holdFor(3, first, first + 5_000 * US)).isZero();
    }

    @Test
    void aFullBatchOrOneWithoutCommandsIsHandedOverAtOnce() {
        CommitDelay d = new CommitDelay(1_000 * US, 8);
        for (int i = 0; i < 50; i++) {
            d.arrived(i * 10 * US);
        }
        assertThat(d.holdFor(8, 0, 0)).isZero();
        assertThat(d.holdFor(0, 0, 0)).isZero();
        assertThat(d.holdFor(7, 500 * US, 500 * US)).isEqualTo(1_000 * US);
    }

    @Test
    void whenArrivalsSlowDownTheDelayStops() {
        CommitDelay d = new CommitDelay(1_000 * US, 64);
        long t = 0;
        for (int i = 0; i < 50; i++) {
            d.arrived(t);
            t += 100 * US;
        }
        for (int i = 0; i < 50; i++) {
            d.arrived(t);
            t += 3_000 * US;
        }
        assertThat(d.holdFor(1, t, t)).isZero();
    }

    @Test
    void zeroDelayTurnsItOffAndBadSettingsAreRefused() {
        CommitDelay off = new CommitDelay(0, 64);
        for (int i = 0; i < 50; i++) {
            off.arrived(i);
        }
        assertThat(off.holdFor(1, 0, 0)).isZero();
        assertThatThrownBy(() -> new CommitDelay(-1, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commit-delay-us");
        assertThatThrownBy(() -> new CommitDelay(1_000, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
